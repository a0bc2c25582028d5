/**
 * Scoring a TrainedModel. Batch scoring runs through TensorFlow.js in chunks inside tf.tidy;
 * single-request scoring is plain JS over the same weights with preallocated buffers, since a
 * per-call tensor round trip costs more than a 45×32×16 forward pass.
 */
import { tf } from "./tf";
import type { TrainedModel } from "./types";

const CHUNK = 32_768;

export { sigmoid, createRowScorer, type RowScorer } from "./row-scorer";

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

