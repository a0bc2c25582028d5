import { z } from "zod";
import { SCORE_BANDS } from "./types";

/**
 * Calibration: a small ridge regression from the rule grader's interpretable features to the score a
 * strict interviewer gives. The rule grader still decides every criterion (met / partial / missed,
 * evidence, feedback); calibration only maps its answer-level features to the 0–100 score.
 *
 * The coefficients are data, in `lib/grading/calibration.json`, produced by
 * `npm run -s fit:grader` (scripts/fit-grader-calibration.ts) from the labelled tuning set. The fit
 * chooses features and regularisation by leave-one-file-out cross-validation and records the CV
 * figures next to the coefficients. Refit after changing rubrics or the rule grader; no code changes.
 *
 * After calibration the rules still hold (see `finalScore`): an answer below the E5 bar cannot be
 * E6, and substance (keyword-stuffing), contradiction and order caps apply to the calibrated score.
 */

/** Every feature the grader computes per answer, each roughly 0–1. A calibration uses a subset. */
export const FEATURE_NAMES = [
  /** The rule grader's score before caps, ÷ 100. */
  "rule",
  /** Weighted share of E5 / E6 criteria earned. */
  "e5",
  "e6",
  /** Coverage above the rubric's E5 / E6 threshold (0 when below). */
  "e5Above",
  "e6Above",
  /** 1 when the E5 bar is met. */
  "e5Bar",
  /** Share of criteria met / only partial. */
  "metShare",
  "partialShare",
  /** Share of concept mentions that sit in explanatory sentences. */
  "explained",
  /** Share of sentences that are lists or fragments. */
  "listShare",
  /** Rubric-term tokens per content word. */
  "termDensity",
  /** Buzzword tokens per word, × 10. */
  "buzz",
  /** Share of concept-bearing sentences that state a why (cause, purpose, consequence, counterfactual). */
  "why",
  /** Share of concept-bearing sentences that name four or more concepts. */
  "denseShare",
  /** Most distinct concepts named in one sentence, ÷ 10 (capped at 1). */
  "maxConcepts",
  /** Distinct content words (lemmas; a repeated passage adds nothing), log-scaled: log(1 + n) / log(400). */
  "length",
  /** Share of estimate criteria whose stated number is off or far off. */
  "numbersOff",
  /** 1 when a contradiction claim was found. */
  "contradiction",
  /** The lowest cap (substance, buzzwords, contradiction, order) ÷ 100. */
  "cap",
  /** Dismissive stance markers ("honestly", "not really", "just plumbing", "overkill") per sentence, capped at 1. */
  "dismissive",
  /** Explanation density: share of concept mentions explained by a predicate or causal link (explanation.ts). */
  "density",
  /** Share of concept mentions only named: in one- or two-word cells or overloaded sentences. */
  "named",
  /** Share of concept-bearing sentences that state what goes wrong (a consequence or failure), not only what a thing is. */
  "stakes",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** The levels in band order (0 below, 1 E5, 2 E6). */
const LEVEL_NAMES = ["below", "E5", "E6"] as const;

const headSchema = z.object({ weights: z.array(z.number()), intercept: z.number() });
type Head = z.output<typeof headSchema>;
/**
 * Within-band scores: one ridge per level, fitted on the answers labelled at that level, over its own
 * features (z = (feature − center) ÷ scale). The level still comes from the logistic heads; the band head
 * only orders answers inside the band, where one global line piles them at the band's floor.
 */
const bandsSchema = z.object({
  features: z.array(z.enum(FEATURE_NAMES)).min(1),
  center: z.array(z.number()),
  scale: z.array(z.number().positive()),
  lambda: z.number().min(0),
  below: headSchema,
  E5: headSchema,
  E6: headSchema,
});
const cvSchema = z.object({
  scheme: z.string(),
  accuracy: z.number(),
  spearman: z.number(),
  stuffedMax: z.number().nullable(),
  perFold: z.array(z.object({ part: z.string(), n: z.number().int(), accuracy: z.number(), spearman: z.number() })),
});

export const calibrationSchema = z
  .object({
    /** Bump when the feature definitions or the fitting procedure change. */
    version: z.number().int().min(1),
    /**
     * "banded-ridge": z = (feature − center) ÷ scale; the level is decided by two logistic heads
     * (P(at least E5), P(at least E6), each intercept + Σ weight × z, at least E6 also needs at least E5),
     * and the score = ridge intercept + Σ weight × z, clamped into that level's band; with `bands`, the
     * score is that level's band head instead (intercept + Σ weight × its own z), clamped the same way.
     */
    model: z.literal("banded-ridge"),
    features: z.array(z.enum(FEATURE_NAMES)).min(1),
    center: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    intercept: z.number(),
    lambda: z.number().min(0),
    levels: z.object({ E5: headSchema, E6: headSchema }),
    bands: bandsSchema.optional(),
    fittedOn: z.object({ parts: z.array(z.string()).min(1), n: z.number().int().positive() }),
    /** Nested leave-one-file-out CV of the whole procedure (selection included): the honest estimate. */
    cv: cvSchema.optional(),
    /** Leave-one-file-out CV of the selected features and λ (optimistic: they were chosen on it). */
    selectionCv: cvSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const n = c.features.length;
    for (const key of ["center", "scale", "weights"] as const)
      if (c[key].length !== n) ctx.addIssue({ code: "custom", path: [key], message: `${key} needs ${n} entries, one per feature` });
    for (const level of ["E5", "E6"] as const)
      if (c.levels[level].weights.length !== n)
        ctx.addIssue({ code: "custom", path: ["levels", level, "weights"], message: `needs ${n} entries, one per feature` });
    if (new Set(c.features).size !== n) ctx.addIssue({ code: "custom", path: ["features"], message: "duplicate feature" });
    if (!c.bands) return;
    const m = c.bands.features.length;
    for (const key of ["center", "scale"] as const)
      if (c.bands[key].length !== m) ctx.addIssue({ code: "custom", path: ["bands", key], message: `needs ${m} entries, one per band feature` });
    for (const level of LEVEL_NAMES)
      if (c.bands[level].weights.length !== m) ctx.addIssue({ code: "custom", path: ["bands", level, "weights"], message: `needs ${m} entries, one per band feature` });
    if (new Set(c.bands.features).size !== m) ctx.addIssue({ code: "custom", path: ["bands", "features"], message: "duplicate feature" });
  });
export type Calibration = z.output<typeof calibrationSchema>;

export function parseCalibration(raw: unknown): Calibration {
  return calibrationSchema.parse(raw);
}

function standardised(features: Features, space: { features: readonly FeatureName[]; center: readonly number[]; scale: readonly number[] }): number[] {
  return space.features.map((name, i) => (features[name] - space.center[i]!) / space.scale[i]!);
}

function applyHead(head: Head, z: readonly number[]): number {
  return z.reduce((sum, v, i) => sum + head.weights[i]! * v, head.intercept);
}

/** The raw calibrated score (unclamped, unrounded). */
export function predictScore(features: Features, calibration: Calibration): number {
  const z = standardised(features, calibration);
  return z.reduce((sum, v, i) => sum + calibration.weights[i]! * v, calibration.intercept);
}

/** The calibrated level: 0 below, 1 E5, 2 E6 (E6 needs the E5 head too). */
export function predictBand(features: Features, calibration: Calibration): number {
  const z = standardised(features, calibration);
  if (applyHead(calibration.levels.E5, z) < 0) return 0;
  return applyHead(calibration.levels.E6, z) >= 0 ? 2 : 1;
}

const BANDS = [SCORE_BANDS.below, SCORE_BANDS.E5, SCORE_BANDS.E6] as const;

/** The calibrated score before the rules: the ridge (or that band's head) score clamped into the band of the calibrated level. */
export function calibratedScore(features: Features, calibration: Calibration): number {
  const level = predictBand(features, calibration);
  const band = BANDS[level]!;
  const bands = calibration.bands;
  const raw = bands ? applyHead(bands[LEVEL_NAMES[level]!], standardised(features, bands)) : predictScore(features, calibration);
  return Math.max(band.min, Math.min(band.max, Number.isFinite(raw) ? raw : band.min));
}

/**
 * The final score from a calibrated score: rounded, clamped to 0–100, below E6 when the E5 bar is not
 * met, then capped (substance / keyword stuffing, contradictions, order). The level is the band of the score.
 */
export function finalScore(raw: number, rules: { e5Bar: boolean; e5Full?: boolean; cap: number }): number {
  let score = Math.round(Number.isFinite(raw) ? raw : 0);
  score = Math.max(0, Math.min(100, score));
  if (!rules.e5Bar) score = Math.min(score, SCORE_BANDS.E5.max);
  // Every E5 criterion met is the E5 definition ("meets the drill's core ask"): the fitted calibration
  // may not pull such an answer below the band; caps for contradictions and stuffing still apply.
  if (rules.e5Full) score = Math.max(score, SCORE_BANDS.E5.min);
  return Math.max(0, Math.min(score, rules.cap));
}

/** Standardisation of a feature matrix: center = mean, scale = standard deviation (1 when constant). */
export function standardise(rows: readonly number[][]): { center: number[]; scale: number[] } {
  const d = rows[0]?.length ?? 0;
  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  const n = rows.length;
  if (n === 0) return { center, scale };
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (const r of rows) sum += r[j]!;
    const mean = sum / n;
    let sq = 0;
    for (const r of rows) sq += (r[j]! - mean) ** 2;
    const sd = Math.sqrt(sq / n);
    center[j] = mean;
    scale[j] = sd > 1e-9 ? sd : 1;
  }
  return { center, scale };
}

/**
 * Ridge regression on standardised features: minimises Σ (y − ŷ)² + λ·n·Σ w² (the intercept is not
 * penalised). Deterministic: solved by Gaussian elimination with partial pivoting.
 */
export function fitRidge(rows: readonly number[][], y: readonly number[], lambda: number): { center: number[]; scale: number[]; weights: number[]; intercept: number } {
  if (rows.length === 0 || y.length !== rows.length) throw new Error("fitRidge: need one target per row and at least one row");
  const { center, scale } = standardise(rows);
  const z = rows.map((r) => r.map((v, j) => (v - center[j]!) / scale[j]!));
  return { center, scale, ...ridgeOnZ(z, y, lambda) };
}

/** Ridge on rows already standardised (perhaps on another set: the rows' own means are removed first). */
function ridgeOnZ(z: readonly number[][], y: readonly number[], lambda: number): Head {
  const n = z.length;
  const d = z[0]?.length ?? 0;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  const zMean = new Array<number>(d).fill(0);
  for (const zi of z) for (let p = 0; p < d; p++) zMean[p]! += zi[p]! / n;
  // normal equations (Z̃ᵀZ̃ + λ n I) w = Z̃ᵀ (y − ȳ), Z̃ = Z − z̄
  const a: number[][] = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const zi = z[i]!.map((v, p) => v - zMean[p]!);
    const yi = y[i]! - yMean;
    for (let p = 0; p < d; p++) {
      const row = a[p]!;
      for (let q = 0; q < d; q++) row[q]! += zi[p]! * zi[q]!;
      row[d]! += zi[p]! * yi;
    }
  }
  for (let p = 0; p < d; p++) a[p]![p]! += lambda * n;
  const weights = solve(a, d);
  return { weights, intercept: yMean - weights.reduce((sum, w, p) => sum + w * zMean[p]!, 0) };
}

/**
 * L2-regularised logistic regression on already standardised rows (penalty λ·n·Σ w², intercept free),
 * fitted by Newton's method from zero: deterministic.
 */
export function fitLogistic(z: readonly number[][], t: readonly number[], lambda: number, iterations = 30): { weights: number[]; intercept: number } {
  const n = z.length;
  const d = z[0]?.length ?? 0;
  let w = new Array<number>(d + 1).fill(0); // last entry: intercept
  for (let it = 0; it < iterations; it++) {
    const a: number[][] = Array.from({ length: d + 1 }, () => new Array<number>(d + 2).fill(0));
    for (let i = 0; i < n; i++) {
      const x = [...z[i]!, 1];
      const eta = x.reduce((s, v, j) => s + v * w[j]!, 0);
      const p = 1 / (1 + Math.exp(-eta));
      const g = t[i]! - p;
      const h = Math.max(p * (1 - p), 1e-6);
      for (let p1 = 0; p1 <= d; p1++) {
        const row = a[p1]!;
        for (let q = 0; q <= d; q++) row[q]! += h * x[p1]! * x[q]!;
        row[d + 1]! += g * x[p1]!;
      }
    }
    for (let p1 = 0; p1 < d; p1++) {
      a[p1]![p1]! += lambda * n;
      a[p1]![d + 1]! -= lambda * n * w[p1]!;
    }
    const step = solve(a, d + 1);
    w = w.map((v, j) => v + step[j]!);
    if (step.every((v) => Math.abs(v) < 1e-9)) break;
  }
  return { weights: w.slice(0, d), intercept: w[d]! };
}

/** Solves an augmented d × (d+1) system in place. Singular directions get weight 0. */
function solve(a: number[][], d: number): number[] {
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (pivot !== col) [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < d; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= d; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[d]! / row[i]!));
}

/** Average ranks (ties share their mean rank), 1-based. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const r = new Array<number>(values.length).fill(0);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]!.v === order[k]!.v) j++;
    const avg = (k + j) / 2 + 1;
    for (let m = k; m <= j; m++) r[order[m]!.i] = avg;
    k = j + 1;
  }
  return r;
}

/** Spearman rank correlation (Pearson on average ranks). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i]! - mean;
    const y = rb[i]! - mean;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** One labelled answer as the fit sees it. `group` is its file (the CV fold). */
export type FitRow = { group: string; features: Features; e5Bar: boolean; cap: number; score: number; stuffed: boolean };

export type FitFigures = { n: number; accuracy: number; spearman: number; stuffedMax: number | null };

function bandOf(score: number): number {
  return score >= SCORE_BANDS.E6.min ? 2 : score >= SCORE_BANDS.E5.min ? 1 : 0;
}

/** Figures for predicted final scores against labelled scores. */
export function figuresOf(rows: readonly FitRow[], predicted: readonly number[]): FitFigures {
  const stuffed = rows.flatMap((r, i) => (r.stuffed ? [predicted[i]!] : []));
  return {
    n: rows.length,
    accuracy: rows.filter((r, i) => bandOf(r.score) === bandOf(predicted[i]!)).length / Math.max(1, rows.length),
    spearman: spearman(rows.map((r) => r.score), predicted),
    stuffedMax: stuffed.length > 0 ? Math.max(...stuffed) : null,
  };
}

/** Band heads: standardised on all rows, each level's ridge fitted on the rows labelled at that level. */
function fitBands(rows: readonly FitRow[], features: readonly FeatureName[], lambda: number): NonNullable<Calibration["bands"]> {
  const { center, scale } = standardise(rows.map((r) => features.map((f) => r.features[f])));
  const space = { features, center, scale };
  const head = (level: number): Head => {
    const at = rows.filter((r) => bandOf(r.score) === level);
    if (at.length === 0) return { weights: features.map(() => 0), intercept: (BANDS[level]!.min + BANDS[level]!.max) / 2 };
    return ridgeOnZ(at.map((r) => standardised(r.features, space)), at.map((r) => r.score), lambda);
  };
  return { features: [...features], center, scale, lambda, below: head(0), E5: head(1), E6: head(2) };
}

/**
 * Fits a calibration on rows (all of them) with the given features and λ; with `bandFeatures`, also
 * the within-band heads over those features.
 */
export function fitCalibration(rows: readonly FitRow[], features: readonly FeatureName[], lambda: number, version = 1, bandFeatures?: readonly FeatureName[]): Calibration {
  const fit = fitRidge(
    rows.map((r) => features.map((f) => r.features[f])),
    rows.map((r) => r.score),
    lambda,
  );
  const parts = [...new Set(rows.map((r) => r.group))];
  const z = rows.map((r) => features.map((f, j) => (r.features[f] - fit.center[j]!) / fit.scale[j]!));
  const levels = {
    E5: fitLogistic(z, rows.map((r) => (bandOf(r.score) >= 1 ? 1 : 0)), lambda),
    E6: fitLogistic(z, rows.map((r) => (bandOf(r.score) >= 2 ? 1 : 0)), lambda),
  };
  const bands = bandFeatures ? fitBands(rows, bandFeatures, lambda) : undefined;
  return { version, model: "banded-ridge", features: [...features], ...fit, lambda, levels, ...(bands ? { bands } : {}), fittedOn: { parts, n: rows.length } };
}

/** Final scores of rows under a calibration (rules and caps applied). */
export function scoreRows(rows: readonly FitRow[], calibration: Calibration): number[] {
  return rows.map((r) => finalScore(calibratedScore(r.features, calibration), r));
}

/** Leave-one-group-out CV: each group is scored by a calibration fitted on the other groups. */
export function crossValidate(rows: readonly FitRow[], features: readonly FeatureName[], lambda: number, bandFeatures?: readonly FeatureName[]): { pooled: FitFigures; perFold: (FitFigures & { part: string })[]; predicted: number[] } {
  const groups = [...new Set(rows.map((r) => r.group))];
  const predicted = new Array<number>(rows.length).fill(0);
  const perFold: (FitFigures & { part: string })[] = [];
  for (const g of groups) {
    const train = rows.filter((r) => r.group !== g);
    const testIdx = rows.flatMap((r, i) => (r.group === g ? [i] : []));
    const cal = fitCalibration(train, features, lambda, 1, bandFeatures);
    const test = testIdx.map((i) => rows[i]!);
    const scores = scoreRows(test, cal);
    testIdx.forEach((i, k) => (predicted[i] = scores[k]!));
    perFold.push({ part: g, ...figuresOf(test, scores) });
  }
  return { pooled: figuresOf(rows, predicted), perFold, predicted };
}

/**
 * What CV maximises: level accuracy plus Spearman (times `spearmanWeight`), a stuffed answer above the E5
 * floor disqualifies.
 */
export function objective(f: FitFigures, spearmanWeight = 1): number {
  return f.accuracy + spearmanWeight * f.spearman - (f.stuffedMax !== null && f.stuffedMax > SCORE_BANDS.E5.min ? 1 : 0);
}

/**
 * The level heads are chosen mostly for accuracy: the band heads order answers inside a level afterwards,
 * so Spearman only breaks near-ties between level models (a feature that buys order by losing levels is not
 * taken at this stage).
 */
const LEVEL_STAGE_SPEARMAN = 0.5;

type Scored = { cv: FitFigures; obj: number };

/** Greedy forward selection: from `start`, add the candidate that scores best, until none adds `minGain` or at `max`. */
function forward<T extends Scored>(start: readonly FeatureName[], candidates: readonly FeatureName[], max: number, minGain: number, score: (features: readonly FeatureName[]) => T): { features: FeatureName[]; best: T } {
  let features = [...start];
  let current = score(features);
  while (features.length < max) {
    let step: { f: FeatureName; r: T } | null = null;
    for (const f of candidates) {
      if (features.includes(f)) continue;
      const r = score([...features, f]);
      if (!step || r.obj > step.r.obj + 1e-9) step = { f, r };
    }
    if (!step || step.r.obj < current.obj + minGain) break;
    features = [...features, step.f];
    current = step.r;
  }
  return { features, best: current };
}

/**
 * Greedy forward feature selection with a λ grid, scored by leave-one-group-out CV on `rows`: first the
 * level and global-score features (from `start`), then, at the chosen λ, the within-band heads' features
 * (from the chosen ones). Each stops when nothing adds `minGain` or at `maxFeatures`.
 */
export function selectModel(
  rows: readonly FitRow[],
  options: { candidates: readonly FeatureName[]; start: readonly FeatureName[]; lambdas: readonly number[]; maxFeatures: number; minGain: number },
): { features: FeatureName[]; lambda: number; bandFeatures: FeatureName[]; cv: FitFigures } {
  const withLambda = (features: readonly FeatureName[]): Scored & { lambda: number } => {
    let top: (Scored & { lambda: number }) | null = null;
    for (const lambda of options.lambdas) {
      const cv = crossValidate(rows, features, lambda).pooled;
      const obj = objective(cv, LEVEL_STAGE_SPEARMAN);
      if (!top || obj > top.obj + 1e-9) top = { lambda, cv, obj };
    }
    return top!;
  };
  const level = forward(options.start, options.candidates, options.maxFeatures, options.minGain, withLambda);
  const { lambda } = level.best;
  const banded = forward(level.features, [...options.candidates, ...options.start], options.maxFeatures, options.minGain, (bandFeatures): Scored => {
    const cv = crossValidate(rows, level.features, lambda, bandFeatures).pooled;
    return { cv, obj: objective(cv) };
  });
  return { features: level.features, lambda, bandFeatures: banded.features, cv: banded.best.cv };
}
