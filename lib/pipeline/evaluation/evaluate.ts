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
  aucStandardError, baseRateEntropy, logLoss, precisionRecall, precisionRecallAt, reliabilityCurve, rocAuc, rocCurve,
} from "./metrics";
import type { CurvePoint, ReliabilityBin } from "./metrics";

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

export function summarize(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): MetricSummary {
  let pos = 0;
  let sumP = 0;
  for (let i = 0; i < y.length; i++) {
    pos += y[i] ?? 0;
    sumP += p[i] ?? 0;
  }
  const n = y.length;
  const baseRate = n ? pos / n : 0;
  const auc = rocAuc(y, p);
  const ll = logLoss(y, p);
  const meanPredicted = n ? sumP / n : 0;
  return {
    n, positives: pos, baseRate, auc, aucStdErr: aucStandardError(auc, pos, n - pos),
    prAuc: precisionRecall(y, p, 2).ap, logLoss: ll, ne: ll / baseRateEntropy(baseRate),
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

function subset(idx: number[], y: ArrayLike<number>, p: ArrayLike<number>): [Uint8Array, Float32Array] {
  const ys = new Uint8Array(idx.length);
  const ps = new Float32Array(idx.length);
  idx.forEach((i, k) => {
    ys[k] = y[i] ?? 0;
    ps[k] = p[i] ?? 0;
  });
  return [ys, ps];
}

/** Observed positive rate among the top 10% by score (ties at the cut included). */
function topDecilePrecision(y: ArrayLike<number>, s: ArrayLike<number>): number {
  const sorted = Float64Array.from(s).sort();
  const k = Math.max(1, Math.floor(y.length / 10));
  const cut = sorted[sorted.length - k] ?? -Infinity;
  let hits = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    if ((s[i] ?? 0) >= cut) {
      hits += y[i] ?? 0;
      count++;
    }
  }
  return count ? hits / count : 0;
}

export type EvaluateModelOptions = { spec: FeatureSpec; examples: ExampleSet; probs: Float32Array; threshold: number; rocPoints: number; reliabilityBins: number };

export function evaluateModel(o: EvaluateModelOptions): ModelEvaluation {
  const { examples: ex, probs } = o;
  const overall = summarize(ex.y, probs, o.threshold);
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  };
  for (let i = 0; i < ex.n; i++) {
    const d = ex.device[i]!;
    add(`device=${DEVICE_SLOTS[d >= 0 && d < 3 ? d : 3]}`, i);
    add(`user=${ex.isNewUser[i] ? "new" : "returning"}`, i);
    add(`post=${ex.isFreshPost[i] ? "fresh (<24h)" : "older"}`, i);
  }
  const slices: SliceMetrics[] = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, idx]) => {
    const [slice = key, value = ""] = key.split("=");
    const [ys, ps] = subset(idx, ex.y, probs);
    const m = summarize(ys, ps, o.threshold);
    return { slice, value, n: m.n, baseRate: m.baseRate, auc: m.auc, logLoss: m.logLoss, ne: m.ne, calibration: m.calibration };
  });
  const pop = popularityScores(o.spec, ex);
  const popAuc = rocAuc(ex.y, pop);
  const tdm = topDecilePrecision(ex.y, probs);
  const tdp = topDecilePrecision(ex.y, pop);
  return {
    overall,
    roc: rocCurve(ex.y, probs, o.rocPoints),
    pr: precisionRecall(ex.y, probs, o.rocPoints).curve,
    reliability: reliabilityCurve(ex.y, probs, o.reliabilityBins),
    slices,
    popularity: { auc: popAuc, liftAuc: overall.auc - popAuc, topDecilePrecisionModel: tdm, topDecilePrecisionPopularity: tdp, topDecileLift: tdp > 0 ? tdm / tdp : NaN },
  };
}
