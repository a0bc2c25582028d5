/**
 * Layer shapes and seeded Glorot-uniform initial weights. Drawing the initial weights from the
 * run's seeded rng (not tf's global seed) keeps them identical across backends and runs.
 * @see http://proceedings.mlr.press/v9/glorot10a.html (Glorot & Bengio 2010)
 */
import { PipelineConfigError } from "../errors";
import type { Rng } from "../ports";
import type { DenseLayer, ModelKind } from "./types";

export function createRankingLayers(kind: ModelKind, inputDim: number, hiddenUnits: number[], rng: Rng): { layers: DenseLayer[]; wide: DenseLayer | null } {
  if (!Number.isInteger(inputDim) || inputDim < 1) throw new PipelineConfigError(`Expected inputDim to be a positive integer, got ${inputDim}`);
  const dims = kind === "logistic" ? [inputDim, 1] : [inputDim, ...hiddenUnits, 1];
  for (const d of dims) if (!Number.isInteger(d) || d < 1) throw new PipelineConfigError(`Expected layer sizes to be positive integers, got ${dims.join(",")}`);
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < dims.length; l++) {
    const inDim = dims[l] ?? 1;
    const outDim = dims[l + 1] ?? 1;
    const w = new Float32Array(inDim * outDim);
    const limit = kind === "logistic" ? 0 : Math.sqrt(6 / (inDim + outDim));
    for (let i = 0; i < w.length; i++) w[i] = (2 * rng() - 1) * limit;
    layers.push({ inDim, outDim, w, b: new Float32Array(outDim), activation: l + 2 < dims.length ? "relu" : "linear" });
  }
  const wide: DenseLayer | null = kind === "mlp" ? { inDim: inputDim, outDim: 1, w: new Float32Array(inputDim), b: new Float32Array(1), activation: "linear" } : null;
  return { layers, wide };
}
