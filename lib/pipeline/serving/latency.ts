/** Latency histogram with fixed bucket bounds (ms) and exact percentiles over the samples. */
export const LATENCY_BUCKETS_MS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, Infinity];

export type LatencySummary = {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  histogram: { leMs: number | "+Inf"; count: number }[];
};

/** Linear-interpolated percentile (numpy's default), q in 0..100. */
export function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  const pos = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarizeLatencies(samplesMs: Float64Array): LatencySummary {
  const s = Float64Array.from(samplesMs).sort();
  const counts = LATENCY_BUCKETS_MS.map(() => 0);
  let sum = 0;
  for (const v of s) {
    sum += v;
    const b = LATENCY_BUCKETS_MS.findIndex((le) => v <= le);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return {
    count: s.length, p50Ms: percentile(s, 50), p95Ms: percentile(s, 95), p99Ms: percentile(s, 99),
    meanMs: s.length ? sum / s.length : NaN, maxMs: s.length ? s[s.length - 1]! : NaN,
    histogram: LATENCY_BUCKETS_MS.map((le, i) => ({ leMs: Number.isFinite(le) ? le : "+Inf", count: counts[i] ?? 0 })),
  };
}
