/**
 * Binary-classification metrics on typed arrays. AUC by sorting positives and negatives
 * separately (Mann–Whitney U, ties count half); average precision by a merged descending walk.
 * @see He et al. 2014, "Practical Lessons from Predicting Clicks on Ads at Facebook" (NE)
 * @see Hanley & McNeil 1982 (standard error of AUC)
 */
import { lowerBound } from "../sorted";

export type CurvePoint = { x: number; y: number; threshold: number };
export type ReliabilityBin = { lower: number; upper: number; meanPredicted: number; observedRate: number; count: number };

const EPS = 1e-7;

function splitSorted(y: ArrayLike<number>, p: ArrayLike<number>): { pos: Float64Array; neg: Float64Array } {
  let np = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) np++;
  const pos = new Float64Array(np);
  const neg = new Float64Array(y.length - np);
  let a = 0;
  let b = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) pos[a++] = p[i] ?? 0;
    else neg[b++] = p[i] ?? 0;
  }
  pos.sort();
  neg.sort();
  return { pos, neg };
}

export function rocAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const { pos, neg } = splitSorted(y, p);
  if (pos.length === 0 || neg.length === 0) return NaN;
  let u = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < pos.length; i++) {
    const s = pos[i]!;
    while (lo < neg.length && neg[lo]! < s) lo++;
    if (hi < lo) hi = lo;
    while (hi < neg.length && neg[hi]! <= s) hi++;
    u += lo + 0.5 * (hi - lo);
  }
  return u / (pos.length * neg.length);
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
  const { pos, neg } = splitSorted(y, p);
  const all = Float64Array.from(p).sort();
  const out: CurvePoint[] = [{ x: 1, y: 1, threshold: -Infinity }];
  for (let k = 1; k < points - 1; k++) {
    const thr = all[Math.floor((k / (points - 1)) * (all.length - 1))] ?? 0;
    out.push({ x: 1 - lowerBound(neg, thr) / Math.max(1, neg.length), y: 1 - lowerBound(pos, thr) / Math.max(1, pos.length), threshold: thr });
  }
  out.push({ x: 0, y: 0, threshold: Infinity });
  return out;
}

/** Average precision (area under the PR curve, step-wise) and a thinned PR curve (x = recall, y = precision). */
export function precisionRecall(y: ArrayLike<number>, p: ArrayLike<number>, points: number): { ap: number; curve: CurvePoint[] } {
  const { pos, neg } = splitSorted(y, p);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  const curve: CurvePoint[] = [];
  const step = Math.max(1, Math.floor((pos.length + neg.length) / points));
  let sinceLast = 0;
  while (i >= 0 || j >= 0) {
    const s = Math.max(i >= 0 ? pos[i]! : -Infinity, j >= 0 ? neg[j]! : -Infinity);
    while (i >= 0 && pos[i] === s) { tp++; i--; sinceLast++; }
    while (j >= 0 && neg[j] === s) { fp++; j--; sinceLast++; }
    const recall = pos.length ? tp / pos.length : 0;
    const precision = tp / (tp + fp);
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
    if (sinceLast >= step || (i < 0 && j < 0)) {
      curve.push({ x: recall, y: precision, threshold: s });
      sinceLast = 0;
    }
  }
  return { ap, curve };
}

export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i] ?? 0, EPS), 1 - EPS);
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
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
