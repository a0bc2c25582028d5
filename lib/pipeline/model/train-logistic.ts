/**
 * The logistic-regression baseline, trained with TensorFlow.js by Newton's method (IRLS) on the
 * full training set instead of mini-batch Adam. The model is convex with dim + 1 parameters, so a
 * few full-batch Newton steps reach the regularised optimum that SGD epochs only approach (at 1M
 * rows: 2 steps, i.e. 3 passes over the training rows, vs 4 Adam epochs that stopped short of it).
 *
 * Per step, TF.js computes on the backend: the exact training loss and gradient and the validation
 * loss, streaming the raw rows through in CHUNK_ROWS chunks (so the wasm heap never grows by the
 * size of the data: that costs page faults and external-memory GCs), and the Hessian on a fixed
 * seeded subsample of HESSIAN_ROWS rows (the direction only needs an estimate; the fixed point is
 * set by the exact gradient). The (dim + 1)² system is solved in plain JS (Cholesky, float64; TF.js
 * has no solver), damped when collinear features make it singular, with backtracking on the exact
 * training loss. The standardisation is folded into the weights, z = ((x − mean) / std)·w + b =
 * x·(w / std) + (b − mean·w / std), so no standardised copy of the rows is made.
 *
 * Same contract as trainModel: weights in standardised space, early stopping on the validation
 * loss (patience in steps, the best step's weights are kept), `history` has one entry per step
 * (a full pass), every tensor is disposed before returning. The bias starts at the training
 * log-odds and the weights at createRankingLayers' (zero) initialisation. Stops early once the
 * Newton decrement predicts less than CONVERGED of further training-loss reduction.
 * @see https://en.wikipedia.org/wiki/Iteratively_reweighted_least_squares
 * @see Byrd, Chin, Neveitt & Nocedal 2011, "On the use of stochastic Hessian information in optimization methods for machine learning"
 */
import { createRankingLayers } from "./create-ranking-model";
import { tf } from "./tf";
import type { TrainModelOptions } from "./train";
import type { EpochLog, TrainedModel } from "./types";

/** Rows per chunk streamed through the backend: small enough to stay in cache, so the transposed gradient kernel stays fast. */
const CHUNK_ROWS = 16_384;
/** Rows of the seeded subsample the Hessian is computed on (all rows when there are fewer). */
export const HESSIAN_ROWS = 32_768;
/**
 * Stop once half the Newton decrement (the predicted remaining training-loss reduction) is below
 * this, in nats per row: ~40× below the validation loss's standard error at 1M rows, and above the
 * float32 noise floor of the gradient (~3e-6).
 */
const CONVERGED = 5e-5;
const MIN_DELTA = 1e-5;

/** Solves A x = b for a symmetric positive definite D×D matrix (Cholesky); null if A is not positive definite. */
export function solveSpd(a: Float64Array, b: Float64Array, D: number): Float64Array | null {
  const L = new Float64Array(D * D);
  for (let i = 0; i < D; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * D + j]!;
      for (let k = 0; k < j; k++) s -= L[i * D + k]! * L[j * D + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * D + i] = Math.sqrt(s);
      } else L[i * D + j] = s / L[j * D + j]!;
    }
  }
  const y = new Float64Array(D);
  for (let i = 0; i < D; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * D + k]! * y[k]!;
    y[i] = s / L[i * D + i]!;
  }
  const x = new Float64Array(D);
  for (let i = D - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < D; k++) s -= L[k * D + i]! * x[k]!;
    x[i] = s / L[i * D + i]!;
  }
  return x;
}

type Evaluation = { gradRaw: Float64Array; residualSum: number; trainLoss: number; valLoss: number; hessian: Float32Array };

export async function trainLogistic(o: TrainModelOptions): Promise<TrainedModel> {
  const d = o.dim;
  const n = o.trainRows;
  const nv = o.valRows;
  const D = d + 1;
  const init = createRankingLayers("logistic", d, [], o.rng).layers[0]!;
  const inv = Float64Array.from(o.std, (s) => 1 / s);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += o.y[i]!;
  const rate = Math.min(Math.max(positives / Math.max(1, n), 1e-6), 1 - 1e-6);

  // standardised Hessian subsample with a ones column for the bias: rows [m, D] and its transpose [D, m]
  const m = Math.min(n, HESSIAN_ROWS);
  const sub = new Float32Array(m * D);
  const subT = new Float32Array(D * m);
  for (let k = 0; k < m; k++) {
    const r = m === n ? k : Math.floor(o.rng() * n);
    for (let j = 0; j < d; j++) {
      const v = (o.x[r * d + j]! - o.mean[j]!) * inv[j]!;
      sub[k * D + j] = v;
      subT[j * m + k] = v;
    }
    sub[k * D + d] = 1;
    subT[d * m + k] = 1;
  }
  const labels = Float32Array.from(o.y.subarray(0, n + nv));
  const subRows = tf.tensor2d(sub, [m, D]);
  const subCols = tf.tensor2d(subT, [D, m]);

  /**
   * Σ log loss over rows [from, to) and, with `grad`, the raw-feature gradient Σ r·x and Σ r
   * (r = p − y), streamed in chunks. `w` null means all-zero weights: every logit is `bias`, so
   * the loss has a closed form and only the gradient needs the rows.
   */
  const pass = (w: tf.Tensor2D | null, bias: number, from: number, to: number, grad: Float64Array | null) => {
    let residualSum = 0;
    let loss = 0;
    const p0 = 1 / (1 + Math.exp(-bias));
    if (!w) {
      let pos = 0;
      for (let i = from; i < to; i++) pos += labels[i]!;
      loss = -(pos * Math.log(p0) + (to - from - pos) * Math.log(1 - p0));
      if (!grad) return { loss, residualSum };
    }
    for (let s = from; s < to; s += CHUNK_ROWS) {
      const c = Math.min(CHUNK_ROWS, to - s);
      const out = tf.tidy(() => {
        const x = tf.tensor2d(o.x.subarray(s * d, (s + c) * d), [c, d]);
        const y = tf.tensor2d(labels.subarray(s, s + c), [c, 1]);
        const z = w ? tf.add(tf.matMul(x, w), bias) : null;
        const lossSum = z ? tf.reshape(tf.losses.sigmoidCrossEntropy(y, z, undefined, undefined, tf.Reduction.SUM), [1]) : tf.zeros([1]);
        if (!grad) return lossSum;
        const r = z ? tf.sub<tf.Tensor2D>(tf.sigmoid(z), y) : tf.sub<tf.Tensor2D>(p0, y);
        return tf.concat([tf.reshape(tf.matMul(x, r, true), [d]), tf.reshape(tf.sum(r), [1]), lossSum]);
      });
      const a = out.dataSync();
      out.dispose();
      if (w) loss += a[a.length - 1]!;
      if (grad) {
        for (let j = 0; j < d; j++) grad[j]! += a[j]!;
        residualSum += a[d]!;
      }
    }
    return { loss, residualSum };
  };

  /** Exact training loss and gradient, validation loss, and the subsample Hessian at theta = [w; b] (standardised space). */
  const evaluate = (theta: Float64Array): Evaluation => {
    const wEff = new Float32Array(d);
    let bEff = theta[d]!;
    let isZero = true;
    for (let j = 0; j < d; j++) {
      wEff[j] = theta[j]! * inv[j]!;
      bEff -= o.mean[j]! * wEff[j]!;
      if (wEff[j] !== 0) isZero = false;
    }
    const w = isZero ? null : tf.tensor2d(wEff, [d, 1]);
    const gradRaw = new Float64Array(d);
    try {
      const train = pass(w, bEff, 0, n, gradRaw);
      const val = nv > 0 ? pass(w, bEff, n, n + nv, null).loss / nv : train.loss / n;
      const h = tf.tidy(() => {
        const p = tf.sigmoid(tf.matMul(subRows, tf.tensor2d(Float32Array.from(theta), [D, 1])));
        return tf.matMul(tf.mul(subCols, tf.reshape(tf.mul(p, tf.sub(1, p)), [1, m])), subRows);
      });
      const hessian = h.dataSync() as Float32Array;
      h.dispose();
      return { gradRaw, residualSum: train.residualSum, trainLoss: train.loss / n, valLoss: val, hessian };
    } finally {
      w?.dispose();
    }
  };

  let theta = new Float64Array(D);
  init.w.forEach((v, j) => (theta[j] = v));
  theta[d] = Math.log(rate / (1 - rate));
  const history: EpochLog[] = [];
  let best = { loss: Infinity, epoch: 0, theta: theta.slice() };
  let sinceBest = 0;
  let hasStoppedEarly = false;
  try {
    let cur = evaluate(theta);
    for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
      // gradient and Hessian of the mean loss + l2·|w|² in standardised space (x_std = (x − mean)·inv)
      const g = new Float64Array(D);
      for (let j = 0; j < d; j++) g[j] = ((cur.gradRaw[j]! - o.mean[j]! * cur.residualSum) * inv[j]!) / n + 2 * o.l2 * theta[j]!;
      g[d] = cur.residualSum / n;
      const H = new Float64Array(D * D);
      let trace = 0;
      for (let i = 0; i < D * D; i++) H[i] = cur.hessian[i]! / m;
      for (let j = 0; j < D; j++) {
        H[j * D + j]! += j < d ? 2 * o.l2 : 0;
        trace += H[j * D + j]!;
      }
      // duplicated or collinear features make H singular: damp until it factorises (Levenberg–Marquardt)
      let step: Float64Array | null = null;
      for (let mu = 1e-6 * (trace / D); !step && mu < 1e6 * (trace / D); mu *= 10) {
        const damped = H.slice();
        for (let j = 0; j < D; j++) damped[j * D + j]! += mu;
        step = solveSpd(damped, g, D);
      }
      if (!step) break;
      const found = step;
      const decrement = g.reduce((s, gj, j) => s + gj * found[j]!, 0);
      if (epoch > 1 && decrement / 2 < CONVERGED) {
        hasStoppedEarly = true;
        break;
      }
      // backtracking: halve the step while the exact training loss does not decrease
      const next = new Float64Array(D);
      let t = 1;
      let res: Evaluation;
      for (;;) {
        for (let j = 0; j < D; j++) next[j] = theta[j]! - t * step[j]!;
        res = evaluate(next);
        if (res.trainLoss <= cur.trainLoss + 1e-7 || t < 1 / 32) break;
        t /= 2;
      }
      theta = next;
      cur = res;
      history.push({ epoch, trainLoss: cur.trainLoss, valLoss: cur.valLoss });
      if (cur.valLoss < best.loss - MIN_DELTA) {
        best = { loss: cur.valLoss, epoch, theta: theta.slice() };
        sinceBest = 0;
      } else if (++sinceBest > o.patience) {
        hasStoppedEarly = epoch < o.maxEpochs;
        break;
      }
    }
  } finally {
    tf.dispose([subRows, subCols]);
  }
  return {
    kind: "logistic", featureNames: o.featureNames, mean: o.mean, std: o.std,
    layers: [{ inDim: d, outDim: 1, w: Float32Array.from(best.theta.subarray(0, d)), b: Float32Array.of(best.theta[d]!), activation: "linear" }],
    wide: null, history, bestEpoch: best.epoch, hasStoppedEarly, parameterCount: D,
  };
}
