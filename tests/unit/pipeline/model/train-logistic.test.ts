import { describe, expect, it } from "vitest";
import { fitStandardizer } from "@/lib/pipeline/model/standardize";
import { initTf, tf } from "@/lib/pipeline/model/tf";
import { trainModel } from "@/lib/pipeline/model/train";
import { solveSpd } from "@/lib/pipeline/model/train-logistic";
import { createRng, normal } from "@/lib/pipeline/random";

/** Rows with a duplicated column (1 = 0) and a constant one (4): the Hessian is singular without damping. */
function data(n: number) {
  const d = 5;
  const rng = createRng(4);
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = normal(rng);
    const b = normal(rng, 2, 3);
    const c = normal(rng);
    x.set([a, a, b, c, 1], i * d);
    y[i] = rng() < 1 / (1 + Math.exp(-(-1.5 + 0.8 * a - 0.3 * b + 0.2 * c))) ? 1 : 0;
  }
  return { x, y, d };
}

/** Gradient of the mean log loss + l2·|w|² in standardised space, in float64. */
function gradient(x: Float32Array, y: Uint8Array, d: number, rows: number, mean: Float32Array, std: Float32Array, w: Float32Array, b: number, l2: number) {
  const g = new Float64Array(d + 1);
  for (let i = 0; i < rows; i++) {
    let z = b;
    for (let j = 0; j < d; j++) z += ((x[i * d + j]! - mean[j]!) / std[j]!) * w[j]!;
    const r = 1 / (1 + Math.exp(-z)) - y[i]!;
    for (let j = 0; j < d; j++) g[j]! += (r * (x[i * d + j]! - mean[j]!)) / std[j]! / rows;
    g[d]! += r / rows;
  }
  for (let j = 0; j < d; j++) g[j]! += 2 * l2 * w[j]!;
  return g;
}

describe("logistic regression (full-batch Newton in TF.js)", () => {
  it("solves symmetric positive definite systems and rejects indefinite ones", () => {
    const a = Float64Array.of(4, 2, 0, 2, 3, 1, 0, 1, 2);
    const x = solveSpd(a, Float64Array.of(2, 1, 3), 3)!;
    const ax = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, k) => s + a[i * 3 + k]! * x[k]!, 0));
    ax.forEach((v, i) => expect(v).toBeCloseTo([2, 1, 3][i]!, 10));
    expect(solveSpd(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toBeNull();
  });

  it("reaches the regularised optimum despite collinear columns, replays, and leaks no tensors", async () => {
    // no validation rows: the validation loss is the training loss, so the last step is the best
    await initTf();
    const n = 6000;
    const { x, y, d } = data(n);
    const trainRows = 5000;
    const { mean, std } = fitStandardizer(x, d, trainRows);
    const opts = {
      kind: "logistic" as const, x, y, dim: d, trainRows, valRows: 0, hiddenUnits: [], batchSize: 256, maxEpochs: 20, patience: 20,
      learningRate: 0.05, l2: 1e-4, featureNames: ["a", "a2", "b", "c", "one"], mean, std,
    };
    const before = tf.memory().numTensors;
    const m = await trainModel({ ...opts, rng: createRng(3) });
    expect(tf.memory().numTensors).toBe(before);
    const w = m.layers[0]!.w;
    const b = m.layers[0]!.b[0]!;
    expect([...w, b].every(Number.isFinite)).toBe(true);
    const g = gradient(x, y, d, trainRows, mean, std, w, b, opts.l2);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-3);
    // duplicated columns share the weight (the L2 term breaks the tie)
    expect(w[0]!).toBeCloseTo(w[1]!, 3);
    expect(m.history.length).toBeGreaterThan(0);
    expect(m.history.length).toBeLessThan(20);
    expect(m.hasStoppedEarly).toBe(true);
    expect(m.history.at(-1)!.trainLoss).toBeLessThanOrEqual(m.history[0]!.trainLoss);
    const again = await trainModel({ ...opts, rng: createRng(3) });
    expect(again.layers[0]!.w).toEqual(w);
  });

  it("keeps the step with the best validation loss", async () => {
    await initTf();
    const { x, y, d } = data(6000);
    const { mean, std } = fitStandardizer(x, d, 5000);
    const m = await trainModel({
      kind: "logistic", x, y, dim: d, trainRows: 5000, valRows: 1000, hiddenUnits: [], batchSize: 256, maxEpochs: 20, patience: 0,
      learningRate: 0.05, l2: 1e-4, rng: createRng(3), featureNames: [], mean, std,
    });
    const best = Math.min(...m.history.map((h) => h.valLoss));
    expect(m.history[m.bestEpoch - 1]!.valLoss).toBe(best);
  });
});
