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
  aucStandardError, baseRateEntropy, logLoss, precisionRecallAt, rankingAuc, rankingPrecisionRecall, rankingRocCurve, rankScores, reliabilityCurve, subRanking,
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

/** `ranking` = rankScores(y, p) when the caller already has it. */
export function summarize(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number, ranking: Ranking = rankScores(y, p)): MetricSummary {
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
    prAuc: rankingPrecisionRecall(ranking, 2).ap, logLoss: ll, ne: ll / baseRateEntropy(baseRate),
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

export function evaluateModel(o: EvaluateModelOptions): ModelEvaluation {
  const { examples: ex, probs } = o;
  const ranking = rankScores(ex.y, probs);
  const overall = summarize(ex.y, probs, o.threshold, ranking);
  // slice membership by integer code: device slot 0–3, user new/returning, post fresh/older
  const slots = [...DEVICE_SLOTS.map((d) => `device=${d}`), "user=new", "user=returning", "post=fresh (<24h)", "post=older"];
  const slotOf = new Uint8Array(3 * ex.n);
  const sizes = new Int32Array(slots.length);
  for (let i = 0; i < ex.n; i++) {
    const d = ex.device[i]!;
    const a = d >= 0 && d < 3 ? d : 3;
    const b = ex.isNewUser[i] ? 4 : 5;
    const c = ex.isFreshPost[i] ? 6 : 7;
    slotOf[3 * i] = a;
    slotOf[3 * i + 1] = b;
    slotOf[3 * i + 2] = c;
    sizes[a]!++;
    sizes[b]!++;
    sizes[c]!++;
  }
  const member = new Uint8Array(ex.n);
  const slices: SliceMetrics[] = slots.map((key, g) => ({ key, g })).filter(({ g }) => sizes[g]! > 0).sort((a, b) => a.key.localeCompare(b.key)).map(({ key, g }) => {
    const [slice = key, value = ""] = key.split("=");
    const ys = new Uint8Array(sizes[g]!);
    const ps = new Float32Array(sizes[g]!);
    const part = 3 * ex.n;
    let k = 0;
    for (let q = g < 4 ? 0 : g < 6 ? 1 : 2; q < part; q += 3) {
      const i = (q / 3) | 0;
      const isIn = slotOf[q] === g ? 1 : 0;
      member[i] = isIn;
      if (!isIn) continue;
      ys[k] = ex.y[i]!;
      ps[k++] = probs[i]!;
    }
    const m = summarize(ys, ps, o.threshold, subRanking(ranking, member));
    return { slice, value, n: m.n, baseRate: m.baseRate, auc: m.auc, logLoss: m.logLoss, ne: m.ne, calibration: m.calibration };
  });
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
    pr: rankingPrecisionRecall(ranking, o.rocPoints).curve,
    reliability: reliabilityCurve(ex.y, probs, o.reliabilityBins),
    slices,
    popularity: { auc: popAuc, liftAuc: overall.auc - popAuc, topDecilePrecisionModel: tdm, topDecilePrecisionPopularity: tdp, topDecileLift: tdp > 0 ? tdm / tdp : NaN },
  };
}
