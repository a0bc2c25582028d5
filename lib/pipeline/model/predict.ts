/**
 * Scoring a TrainedModel. Batch scoring runs through TensorFlow.js in chunks inside tf.tidy;
 * single-request scoring is plain JS over the same weights with preallocated buffers, since a
 * per-call tensor round trip costs more than a 45×32×16 forward pass.
 */
import { tf } from "./tf";
import type { TrainedModel } from "./types";

const CHUNK = 32_768;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probabilities for n raw (unstandardised) rows. */
export function predictBatch(model: TrainedModel, x: Float32Array, n: number): Float32Array {
  const d = model.mean.length;
  const out = new Float32Array(n);
  for (let s = 0; s < n; s += CHUNK) {
    const m = Math.min(CHUNK, n - s);
    const probs = tf.tidy(() => {
      const raw = tf.tensor2d(x.subarray(s * d, (s + m) * d), [m, d]);
      const xs = tf.div(tf.sub(raw, tf.tensor1d(model.mean)), tf.tensor1d(model.std)) as tf.Tensor2D;
      let h = xs;
      for (const l of model.layers) {
        const z = tf.add(tf.matMul(h, tf.tensor2d(l.w, [l.inDim, l.outDim])), tf.tensor1d(l.b)) as tf.Tensor2D;
        h = l.activation === "relu" ? tf.relu(z) : z;
      }
      const wide = model.wide;
      return tf.sigmoid(wide ? tf.add(h, tf.add(tf.matMul(xs, tf.tensor2d(wide.w, [wide.inDim, 1])), tf.tensor1d(wide.b))) : h);
    });
    out.set(probs.dataSync(), s);
    probs.dispose();
  }
  return out;
}

export type RowScorer = (x: Float32Array, offset: number) => number;

/** Plain-JS forward pass for one row; allocation-free per call. */
export function createRowScorer(model: TrainedModel): RowScorer {
  const widest = Math.max(model.mean.length, ...model.layers.map((l) => l.outDim));
  let a = new Float32Array(widest);
  let b = new Float32Array(widest);
  const { mean, std, layers, wide } = model;
  const d = mean.length;
  return (x, offset) => {
    let wideLogit = wide ? wide.b[0]! : 0;
    for (let j = 0; j < d; j++) {
      a[j] = (x[offset + j]! - mean[j]!) / std[j]!;
      if (wide) wideLogit += a[j]! * wide.w[j]!;
    }
    for (const l of layers) {
      for (let o = 0; o < l.outDim; o++) b[o] = l.b[o]!;
      for (let i = 0; i < l.inDim; i++) {
        const v = a[i]!;
        if (v === 0) continue;
        const row = i * l.outDim;
        for (let o = 0; o < l.outDim; o++) b[o] = b[o]! + v * l.w[row + o]!;
      }
      if (l.activation === "relu") for (let o = 0; o < l.outDim; o++) if (b[o]! < 0) b[o] = 0;
      const t = a;
      a = b;
      b = t;
    }
    return sigmoid(a[0]! + wideLogit);
  };
}
