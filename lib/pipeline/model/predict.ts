/**
 * Scoring a TrainedModel. Batch scoring runs through TensorFlow.js in chunks inside tf.tidy, with
 * the standardisation folded into the first layer's weights;
 * single-request scoring is plain JS over the same weights with preallocated buffers, since a
 * per-call tensor round trip costs more than a 45×32×16 forward pass.
 */
import { tf } from "./tf";
import type { DenseLayer, TrainedModel } from "./types";

const CHUNK = 32_768;

export { sigmoid, createRowScorer, type RowScorer } from "./row-scorer";

/**
 * Folds the standardisation into a dense layer that reads the standardised inputs:
 * ((x − mean) / std)·W + b = x·(W / std) + (b − (mean / std)·W), so scoring needs no per-value pass.
 */
function foldStandardizer(l: DenseLayer, mean: Float32Array, std: Float32Array): DenseLayer {
  const w = new Float32Array(l.w.length);
  const b = Float64Array.from(l.b);
  for (let j = 0; j < l.inDim; j++) {
    for (let o = 0; o < l.outDim; o++) {
      const v = l.w[j * l.outDim + o]! / std[j]!;
      w[j * l.outDim + o] = v;
      b[o] = b[o]! - mean[j]! * v;
    }
  }
  return { ...l, w, b: Float32Array.from(b) };
}

/** Probabilities for n raw (unstandardised) rows. */
export function predictBatch(model: TrainedModel, x: Float32Array, n: number): Float32Array {
  const d = model.mean.length;
  const layers = model.layers.map((l, k) => (k === 0 ? foldStandardizer(l, model.mean, model.std) : l));
  const wide = model.wide ? foldStandardizer(model.wide, model.mean, model.std) : null;
  const out = new Float32Array(n);
  for (let s = 0; s < n; s += CHUNK) {
    const m = Math.min(CHUNK, n - s);
    const probs = tf.tidy(() => {
      const raw = tf.tensor2d(x.subarray(s * d, (s + m) * d), [m, d]);
      let h = raw;
      for (const l of layers) {
        const z = tf.add<tf.Tensor2D>(tf.matMul(h, tf.tensor2d(l.w, [l.inDim, l.outDim])), tf.tensor1d(l.b));
        h = l.activation === "relu" ? tf.relu(z) : z;
      }
      return tf.sigmoid(wide ? tf.add(h, tf.add(tf.matMul(raw, tf.tensor2d(wide.w, [wide.inDim, 1])), tf.tensor1d(wide.b))) : h);
    });
    out.set(probs.dataSync(), s);
    probs.dispose();
  }
  return out;
}
