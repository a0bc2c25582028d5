/**
 * Distribution drift statistics. PSI over reference-quantile bins (categorical/binary features
 * get one bin per distinct value because equal quantile edges collapse); two-sample KS statistic
 * with its asymptotic p-value (Evidently's default test for small numeric references).
 * PSI rule of thumb: < 0.1 stable, 0.1–0.25 moderate, > 0.25 significant.
 * @see https://docs-old.evidentlyai.com/reference/data-drift-algorithm
 */
const EPS = 1e-4;

/**
 * Bin edges at reference quantiles, each placed midway to the next distinct value, so a point
 * mass (e.g. a smoothed rate's prior for unseen entities) that moves by a hair stays in its bin.
 */
export function quantileEdges(ref: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(ref).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    let i = Math.floor((k / bins) * (sorted.length - 1));
    const v = sorted[i]!;
    while (i < sorted.length && sorted[i]! === v) i++;
    if (i >= sorted.length) break;
    const edge = (v + sorted[i]!) / 2;
    if (edges.length === 0 || edge > edges.at(-1)!) edges.push(edge);
  }
  return edges;
}

function histogram(values: Float64Array, edges: number[]): Float64Array {
  const h = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v >= edges[mid]!) lo = mid + 1;
      else hi = mid;
    }
    h[lo]! += 1;
  }
  for (let b = 0; b < h.length; b++) h[b] = h[b]! / Math.max(1, values.length);
  return h;
}

export function psi(ref: Float64Array, cur: Float64Array, bins = 10): number {
  if (ref.length === 0 || cur.length === 0) return NaN;
  return psiAgainst(createPsiReference(ref, bins), cur);
}

export type PsiReference = { edges: number[]; shares: Float64Array };

/** Reference bins computed once, reused for every tick. */
export function createPsiReference(ref: Float64Array, bins = 10): PsiReference {
  const edges = quantileEdges(ref, bins);
  return { edges, shares: histogram(ref, edges) };
}

export function psiAgainst(reference: PsiReference, cur: Float64Array): number {
  if (cur.length === 0) return NaN;
  const r = reference.shares;
  const c = histogram(cur, reference.edges);
  let s = 0;
  for (let b = 0; b < r.length; b++) {
    const rb = Math.max(r[b]!, EPS);
    const cb = Math.max(c[b]!, EPS);
    s += (cb - rb) * Math.log(cb / rb);
  }
  return s;
}

/** Two-sample Kolmogorov–Smirnov statistic D and asymptotic p-value. */
export function ksTest(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  if (!a.length || !b.length) return { statistic: NaN, pValue: NaN };
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const ne = (x.length * y.length) / (x.length + y.length);
  const lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)) };
}
