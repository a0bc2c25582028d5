/**
 * Plain-JS scoring of one row over a TrainedModel's weights (no TensorFlow.js): what online serving
 * and the predict API run, allocation-free per call.
 */
import type { TrainedModel } from "./types";

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
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
