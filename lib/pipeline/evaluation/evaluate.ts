/**
 * TFMA-style evaluation of one model on held-out (later-in-time) examples: overall metrics,
 * curves for charts, calibration, metrics per slice, and lift over a popularity ranking.
 * NE = log loss / entropy of the evaluated rows' base rate (He et al. 2014); calibration =
 * mean predicted / observed rate (1 is perfect).
 */
import { DEVICE_SLOTS } from "../features/spec";
import type { FeatureSpec } from "../features/spec";
import type { ExampleSet } from "../features/extract-examples";
import {
  aucStandardError, baseRateEntropy, logLikelihood, logLoss, precisionRecallAt, rankingAuc, rankingPrecisionRecall, rankingRocCurve, rankScores, reliabilityCurve,
} from "./metrics";
import type { CurvePoint, Ranking, ReliabilityBin } from "./metrics";

export type MetricSummary = {
  n: number;
  positives: number;
  baseRate: number;
  auc: number;
  aucStdErr: number;
  prAuc: number;
  logLoss: number;
  ne: number;
  calibration: number;
  meanPredicted: number;
  atThreshold: ReturnType<typeof precisionRecallAt>;
};

export type SliceMetrics = { slice: string; value: string } & Pick<MetricSummary, "n" | "baseRate" | "auc" | "logLoss" | "ne" | "calibration">;

export type ModelEvaluation = {
  overall: MetricSummary;
  roc: CurvePoint[];
  pr: CurvePoint[];
  reliability: ReliabilityBin[];
  slices: SliceMetrics[];
  popularity: { auc: number; liftAuc: number; topDecilePrecisionModel: number; topDecilePrecisionPopularity: number; topDecileLift: number };
};

/** `ranking` = rankScores(y, p) and `ap` = its average precision when the caller already has them. */
export function summarize(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number, ranking: Ranking = rankScores(y, p), ap = rankingPrecisionRecall(ranking, 2).ap): MetricSummary {
  let pos = 0;
  let sumP = 0;
  for (let i = 0; i < y.length; i++) {
    pos += y[i] ?? 0;
    sumP += p[i] ?? 0;
  }
  const n = y.length;
  const baseRate = n ? pos / n : 0;
  const auc = rankingAuc(ranking);
  const ll = logLoss(y, p);
  const meanPredicted = n ? sumP / n : 0;
  return {
    n, positives: pos, baseRate, auc, aucStdErr: aucStandardError(auc, pos, n - pos),
    prAuc: ap, logLoss: ll, ne: ll / baseRateEntropy(baseRate),
    calibration: baseRate > 0 ? meanPredicted / baseRate : NaN, meanPredicted, atThreshold: precisionRecallAt(y, p, threshold),
  };
}

/** Popularity of the post at request time: recent likes (7-day window, else all time). */
export function popularityScores(spec: FeatureSpec, ex: ExampleSet): Float32Array {
  const out = new Float32Array(ex.n);
  if (spec.kind === "seed") {
    for (let k = 0; k < ex.n; k++) out[k] = ex.x[k * ex.dim + 3]!;
    return out;
  }
  const w = spec.windowsDays.indexOf(7) >= 0 ? spec.windowsDays.indexOf(7) + 1 : 0;
  const logEvents = spec.names.indexOf(`post_log_events_${w === 0 ? "all" : `${spec.windowsDays[w - 1]}d`}`);
  for (let k = 0; k < ex.n; k++) {
    const o = k * ex.dim + logEvents;
    out[k] = Math.expm1(ex.x[o]!) * ex.x[o + 1]!;
  }
  return out;
}

/** Observed positive rate among the top 10% by score (ties at the cut included). */
function topDecilePrecision(r: Ranking): number {
  const n = r.scores.length;
  const k = Math.max(1, Math.floor(n / 10));
  const cut = r.scores[n - k] ?? -Infinity;
  let first = n - k;
  while (first > 0 && r.scores[first - 1]! >= cut) first--;
  let hits = 0;
  for (let q = first; q < n; q++) hits += r.labels[q]!;
  return n - first > 0 ? hits / (n - first) : 0;
}

/** The popularity baseline's ranking of a test set, shared by the models evaluated on it. */
const popularityRankings = new WeakMap<ExampleSet, Ranking>();

export type EvaluateModelOptions = { spec: FeatureSpec; examples: ExampleSet; probs: Float32Array; threshold: number; rocPoints: number; reliabilityBins: number };

/**
 * Metrics per slice (device slot 0–3, user new/returning, post fresh/older): every row is in
 * three slices. One pass over the rows accumulates each slice's count, positives, Σp and Σ log
 * loss in row order (the sums summarize would make over the slice's rows, so the same values),
 * one pass over the shared ranking splits it into the slices' rankings for their AUCs.
 */
function sliceMetrics(ex: ExampleSet, probs: Float32Array, ranking: Ranking): SliceMetrics[] {
  const slots = [...DEVICE_SLOTS.map((d) => `device=${d}`), "user=new", "user=returning", "post=fresh (<24h)", "post=older"];
  const G = slots.length;
  const n = ex.n;
  const slotOf = new Uint8Array(3 * n);
  const sizes = new Int32Array(G);
  const positives = new Float64Array(G);
  const sumP = new Float64Array(G);
  const lossSum = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    const d = ex.device[i]!;
    const y = ex.y[i]!;
    const p = probs[i]!;
    const ll = logLikelihood(y, p);
    for (let s = 0; s < 3; s++) {
      const g = s === 0 ? (d >= 0 && d < 3 ? d : 3) : s === 1 ? (ex.isNewUser[i] ? 4 : 5) : ex.isFreshPost[i] ? 6 : 7;
      slotOf[3 * i + s] = g;
      sizes[g]!++;
      positives[g]! += y;
      sumP[g]! += p;
      lossSum[g]! -= ll;
    }
  }
  const parts = Array.from(sizes, (m): Ranking => ({ order: new Int32Array(m), scores: new Float64Array(m), labels: new Uint8Array(m), positives: 0 }));
  const fill = new Int32Array(G);
  for (let k = 0; k < n; k++) {
    const i = ranking.order[k]!;
    for (let s = 0; s < 3; s++) {
      const g = slotOf[3 * i + s]!;
      const part = parts[g]!;
      const q = fill[g]!++;
      part.order[q] = i;
      part.scores[q] = ranking.scores[k]!;
      part.labels[q] = ranking.labels[k]!;
      part.positives += ranking.labels[k]!;
    }
  }
  return slots.map((key, g) => ({ key, g })).filter(({ g }) => sizes[g]! > 0).sort((a, b) => a.key.localeCompare(b.key)).map(({ key, g }) => {
    const [slice = key, value = ""] = key.split("=");
    const m = sizes[g]!;
    const baseRate = positives[g]! / m;
    const logLoss = lossSum[g]! / m;
    return {
      slice, value, n: m, baseRate, auc: rankingAuc(parts[g]!), logLoss, ne: logLoss / baseRateEntropy(baseRate),
      calibration: baseRate > 0 ? sumP[g]! / m / baseRate : NaN,
    };
  });
}

export function evaluateModel(o: EvaluateModelOptions): ModelEvaluation {
  const { examples: ex, probs } = o;
  const ranking = rankScores(ex.y, probs);
  // one walk gives the PR curve and the average precision (the curve's thinning does not change it)
  const pr = rankingPrecisionRecall(ranking, o.rocPoints);
  const overall = summarize(ex.y, probs, o.threshold, ranking, pr.ap);
  const slices = sliceMetrics(ex, probs, ranking);
  let pop = popularityRankings.get(ex);
  if (!pop) {
    pop = rankScores(ex.y, popularityScores(o.spec, ex));
    popularityRankings.set(ex, pop);
  }
  const popAuc = rankingAuc(pop);
  const tdm = topDecilePrecision(ranking);
  const tdp = topDecilePrecision(pop);
  return {
    overall,
    roc: rankingRocCurve(ranking, o.rocPoints),
    pr: pr.curve,
    reliability: reliabilityCurve(ex.y, probs, o.reliabilityBins),
    slices,
    popularity: { auc: popAuc, liftAuc: overall.auc - popAuc, topDecilePrecisionModel: tdm, topDecilePrecisionPopularity: tdp, topDecileLift: tdp > 0 ? tdm / tdp : NaN },
  };
}
