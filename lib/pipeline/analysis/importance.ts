/**
 * Permutation feature importance: AUC drop when one feature's column is shuffled (seeded) on a
 * sample of held-out rows. Model-agnostic; cheap enough to run on every pipeline run.
 * @see Breiman 2001; scikit-learn permutation_importance
 */
import { rocAuc } from "../evaluation/metrics";
import type { RowScorer } from "../model/predict";
import type { Rng } from "../ports";

export type FeatureImportance = { feature: string; aucDrop: number };

export function permutationImportance(o: { x: Float32Array; y: Uint8Array; n: number; dim: number; names: string[]; score: RowScorer; rng: Rng; sample: number }): FeatureImportance[] {
  const n = Math.min(o.n, o.sample);
  const step = o.n / n;
  const xs = new Float32Array(n * o.dim);
  const ys = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const r = Math.floor(k * step);
    xs.set(o.x.subarray(r * o.dim, (r + 1) * o.dim), k * o.dim);
    ys[k] = o.y[r]!;
  }
  const p = new Float32Array(n);
  const scoreAll = () => {
    for (let k = 0; k < n; k++) p[k] = o.score(xs, k * o.dim);
    return rocAuc(ys, p);
  };
  const base = scoreAll();
  const out: FeatureImportance[] = [];
  const saved = new Float32Array(n);
  for (let j = 0; j < o.dim; j++) {
    for (let k = 0; k < n; k++) saved[k] = xs[k * o.dim + j]!;
    for (let k = n - 1; k > 0; k--) {
      const r = Math.floor(o.rng() * (k + 1));
      const a = xs[k * o.dim + j]!;
      xs[k * o.dim + j] = xs[r * o.dim + j]!;
      xs[r * o.dim + j] = a;
    }
    out.push({ feature: o.names[j]!, aucDrop: base - scoreAll() });
    for (let k = 0; k < n; k++) xs[k * o.dim + j] = saved[k]!;
  }
  return out.sort((a, b) => b.aucDrop - a.aucDrop);
}
