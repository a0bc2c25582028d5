import { describe, expect, it } from "vitest";
import { createRankingLayers } from "@/lib/pipeline/model/create-ranking-model";
import { createRowScorer, predictBatch } from "@/lib/pipeline/model/predict";
import { initTf, tf } from "@/lib/pipeline/model/tf";
import { trainModel } from "@/lib/pipeline/model/train";
import { createRng, normal } from "@/lib/pipeline/random";
import { rocAuc } from "@/lib/pipeline/evaluation/metrics";

function data(n: number, d: number) {
  const rng = createRng(2);
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = -1;
    for (let j = 0; j < d; j++) {
      const v = normal(rng);
      x[i * d + j] = v;
      z += (j % 2 ? 0.8 : -0.5) * v + (j === 0 ? v * v * 0.5 : 0);
    }
    y[i] = rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x, y };
}

const base = (kind: "logistic" | "mlp", x: Float32Array, y: Uint8Array, d: number) => ({
  kind, x, y, dim: d, trainRows: 3000, valRows: 1000, hiddenUnits: [8], batchSize: 128, maxEpochs: 6, patience: 1,
  learningRate: 0.02, l2: 1e-5, rng: createRng(9), featureNames: [], mean: new Float32Array(d), std: new Float32Array(d).fill(1),
});

describe("ranking models", () => {
  it("runs on the wasm backend (setBackend really succeeded)", async () => {
    const info = await initTf();
    expect(info.name).toBe("wasm");
    expect(info.isFallback).toBe(false);
  });

  it("trains both models without leaking tensors, stops early, and learns", async () => {
    await initTf();
    const d = 4;
    const { x, y } = data(5000, d);
    const before = tf.memory().numTensors;
    for (const kind of ["logistic", "mlp"] as const) {
      const m = await trainModel(base(kind, x, y, d));
      const p = predictBatch(m, x.subarray(4000 * d), 1000);
      expect(rocAuc(y.subarray(4000), p)).toBeGreaterThan(0.65);
      expect(m.history.length).toBeLessThanOrEqual(6);
      expect(m.bestEpoch).toBeGreaterThan(0);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("the plain-JS row scorer matches TF batch scoring", async () => {
    await initTf();
    const d = 4;
    const { x, y } = data(5000, d);
    const m = await trainModel(base("mlp", x, y, d));
    const batch = predictBatch(m, x, 50);
    const score = createRowScorer(m);
    for (let i = 0; i < 50; i++) expect(score(x, i * d)).toBeCloseTo(batch[i]!, 5);
  });

  it("seeded initialisers are identical for the same seed and reject bad sizes", () => {
    expect(createRankingLayers("mlp", 5, [4], createRng(1)).layers[0]!.w).toEqual(createRankingLayers("mlp", 5, [4], createRng(1)).layers[0]!.w);
    expect(() => createRankingLayers("mlp", 0, [4], createRng(1))).toThrow(/inputDim to be a positive integer, got 0/);
  });
});
