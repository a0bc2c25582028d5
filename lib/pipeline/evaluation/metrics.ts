/**
 * Binary-classification metrics on typed arrays. AUC by sorting positives and negatives
 * separately (Mann–Whitney U, ties count half); average precision by a merged descending walk.
 * @see He et al. 2014, "Practical Lessons from Predicting Clicks on Ads at Facebook" (NE)
 * @see Hanley & McNeil 1982 (standard error of AUC)
 */
import { argsortFloat64 } from "./radix-sort";

export type CurvePoint = { x: number; y: number; threshold: number };
export type ReliabilityBin = { lower: number; upper: number; meanPredicted: number; observedRate: number; count: number };

const EPS = 1e-7;

/**
 * Scores sorted ascending with their labels (1 = positive, anything else negative): one sort that
 * AUC, average precision, the ROC and PR curves and the top-decile precision all walk, and that
 * slices filter (a subset of a sorted list is sorted) instead of sorting again.
 */
export type Ranking = {
  /** Row indices in ascending score order. */
  order: Int32Array;
  scores: Float64Array;
  labels: Uint8Array;
  positives: number;
};

export function rankScores(y: ArrayLike<number>, p: ArrayLike<number>): Ranking {
  const n = y.length;
  const values = p.length === n ? Float64Array.from(p) : Float64Array.from({ length: n }, (_, i) => p[i] ?? 0);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) labels[i] = y[i] === 1 ? 1 : 0;
  return fromOrder(argsortFloat64(values), labels, values);
}

/** The ranking of the rows where `keep[row]` is non-zero, in the same order (no sort). */
export function subRanking(r: Ranking, keep: ArrayLike<number>): Ranking {
  let m = 0;
  for (let k = 0; k < r.order.length; k++) if (keep[r.order[k]!]) m++;
  const out: Ranking = { order: new Int32Array(m), scores: new Float64Array(m), labels: new Uint8Array(m), positives: 0 };
  m = 0;
  for (let k = 0; k < r.order.length; k++) {
    if (!keep[r.order[k]!]) continue;
    out.order[m] = r.order[k]!;
    out.scores[m] = r.scores[k]!;
    out.labels[m] = r.labels[k]!;
    out.positives += r.labels[k]!;
    m++;
  }
  return out;
}

function fromOrder(order: Int32Array, y: Uint8Array, values: Float64Array): Ranking {
  const scores = new Float64Array(order.length);
  const labels = new Uint8Array(order.length);
  let positives = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    scores[k] = values[i]!;
    labels[k] = y[i]!;
    positives += y[i]!;
  }
  return { order, scores, labels, positives };
}

export function rocAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  return rankingAuc(rankScores(y, p));
}

/** Mann–Whitney U over tie groups: each positive counts the negatives below it plus half of those tied with it. */
export function rankingAuc(r: Ranking): number {
  const { scores, labels } = r;
  const n = scores.length;
  const negatives = n - r.positives;
  if (r.positives === 0 || negatives === 0) return NaN;
  let u = 0;
  let below = 0;
  for (let a = 0; a < n; ) {
    let b = a;
    let pos = 0;
    while (b < n && scores[b] === scores[a]) pos += labels[b++]!;
    const neg = b - a - pos;
    u += pos * (below + 0.5 * neg);
    below += neg;
    a = b;
  }
  return u / (r.positives * negatives);
}

/** Hanley–McNeil standard error of an AUC estimate. */
export function aucStandardError(auc: number, nPos: number, nNeg: number): number {
  if (!(nPos > 0 && nNeg > 0) || !Number.isFinite(auc)) return NaN;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const v = (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) / (nPos * nNeg);
  return Math.sqrt(Math.max(v, 0));
}

/** ROC points (x = FPR, y = TPR) at `points` score quantiles, plus both ends. */
export function rocCurve(y: ArrayLike<number>, p: ArrayLike<number>, points: number): CurvePoint[] {
  return rankingRocCurve(rankScores(y, p), points);
}

export function rankingRocCurve(r: Ranking, points: number): CurvePoint[] {
  const { scores, labels } = r;
  const n = scores.length;
  const negatives = n - r.positives;
  const out: CurvePoint[] = [{ x: 1, y: 1, threshold: -Infinity }];
  // thresholds ascend with k, so one pointer counts the rows scored below each
  let at = 0;
  let posBelow = 0;
  for (let k = 1; k < points - 1; k++) {
    const thr = scores[Math.floor((k / (points - 1)) * (n - 1))] ?? 0;
    while (at < n && scores[at]! < thr) posBelow += labels[at++]!;
    out.push({ x: 1 - (at - posBelow) / Math.max(1, negatives), y: 1 - posBelow / Math.max(1, r.positives), threshold: thr });
  }
  out.push({ x: 0, y: 0, threshold: Infinity });
  return out;
}

/** Average precision (area under the PR curve, step-wise) and a thinned PR curve (x = recall, y = precision). */
export function precisionRecall(y: ArrayLike<number>, p: ArrayLike<number>, points: number): { ap: number; curve: CurvePoint[] } {
  return rankingPrecisionRecall(rankScores(y, p), points);
}

/** Walks tie groups from the top score down. */
export function rankingPrecisionRecall(r: Ranking, points: number): { ap: number; curve: CurvePoint[] } {
  const { scores, labels, positives } = r;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  const curve: CurvePoint[] = [];
  const step = Math.max(1, Math.floor(scores.length / points));
  let sinceLast = 0;
  for (let b = scores.length - 1; b >= 0; ) {
    const s = scores[b]!;
    let a = b;
    let pos = 0;
    while (a >= 0 && scores[a] === s) pos += labels[a--]!;
    tp += pos;
    fp += b - a - pos;
    sinceLast += b - a;
    b = a;
    const recall = positives ? tp / positives : 0;
    const precision = tp / (tp + fp);
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
    if (sinceLast >= step || b < 0) {
      curve.push({ x: recall, y: precision, threshold: s });
      sinceLast = 0;
    }
  }
  return { ap, curve };
}

/** log of the probability given to the observed label (p clipped to [EPS, 1 − EPS]); log loss subtracts it. */
export function logLikelihood(y: number | undefined, p: number): number {
  const q = Math.min(Math.max(p, EPS), 1 - EPS);
  return y === 1 ? Math.log(q) : Math.log(1 - q);
}

export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= logLikelihood(y[i], p[i] ?? 0);
  return s / Math.max(1, y.length);
}

/** Entropy of a constant predictor at base rate r (the NE denominator). */
export function baseRateEntropy(r: number): number {
  const q = Math.min(Math.max(r, EPS), 1 - EPS);
  return -(q * Math.log(q) + (1 - q) * Math.log(1 - q));
}

export function reliabilityCurve(y: ArrayLike<number>, p: ArrayLike<number>, bins: number): ReliabilityBin[] {
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  for (let i = 0; i < y.length; i++) {
    const q = p[i] ?? 0;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(q * bins)));
    sumP[b]! += q;
    sumY[b]! += y[i] ?? 0;
    cnt[b]! += 1;
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const c = cnt[b]!;
    out.push({ lower: b / bins, upper: (b + 1) / bins, meanPredicted: c ? sumP[b]! / c : 0, observedRate: c ? sumY[b]! / c : 0, count: c });
  }
  return out;
}

export function precisionRecallAt(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const isPredicted = (p[i] ?? 0) >= threshold;
    if (isPredicted && y[i] === 1) tp++;
    else if (isPredicted) fp++;
    else if (y[i] === 1) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predictedPositiveRate: (tp + fp) / Math.max(1, y.length) };
}
