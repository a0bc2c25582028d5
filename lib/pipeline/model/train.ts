/**
 * Mini-batch training with TensorFlow.js: Adam, sigmoid cross-entropy + L2, seeded shuffling,
 * early stopping on a later-in-time validation split (patience in epochs; the best epoch's
 * weights are kept). A custom loop rather than model.fit: fit's per-batch callbacks and shuffling
 * cost more than the logistic model's maths. Every tensor is disposed before returning.
 * The logistic-regression baseline goes to full-batch Newton steps instead (train-logistic.ts).
 */
import type { Rng } from "../ports";
import { shuffleInPlace } from "../random";
import { createRankingLayers } from "./create-ranking-model";
import { tf } from "./tf";
import { trainLogistic } from "./train-logistic";
import type { DenseLayer, EpochLog, ModelKind, TrainedModel } from "./types";

export type TrainModelOptions = {
  kind: ModelKind;
  /** Raw features, row-major, training rows first then validation rows (standardised here with mean/std). */
  x: Float32Array;
  y: Uint8Array;
  dim: number;
  trainRows: number;
  valRows: number;
  hiddenUnits: number[];
  batchSize: number;
  maxEpochs: number;
  patience: number;
  learningRate: number;
  l2: number;
  rng: Rng;
  featureNames: string[];
  mean: Float32Array;
  std: Float32Array;
};

type VarLayer = { w: tf.Variable; b: tf.Variable; activation: DenseLayer["activation"] };
type Vars = { deep: VarLayer[]; wide: VarLayer | null };

function forward(vars: Vars, x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  for (const v of vars.deep) {
    const z = tf.add(tf.matMul(h, v.w), v.b) as tf.Tensor2D;
    h = v.activation === "relu" ? tf.relu(z) : z;
  }
  return vars.wide ? (tf.add(h, tf.add(tf.matMul(x, vars.wide.w), vars.wide.b)) as tf.Tensor2D) : h;
}

/** Variables keep their data; the initial-value tensors are released right away. */
function toVar(l: DenseLayer): VarLayer {
  const w0 = tf.tensor2d(l.w, [l.inDim, l.outDim]);
  const b0 = tf.tensor1d(l.b);
  const v = { w: tf.variable(w0), b: tf.variable(b0), activation: l.activation };
  tf.dispose([w0, b0]);
  return v;
}

const allLayers = (vars: Vars) => (vars.wide ? [...vars.deep, vars.wide] : vars.deep);

export async function trainModel(o: TrainModelOptions): Promise<TrainedModel> {
  // the convex baseline: full-batch Newton steps (train-logistic.ts) rather than mini-batch Adam
  if (o.kind === "logistic") return trainLogistic(o);
  const init = createRankingLayers(o.kind, o.dim, o.hiddenUnits, o.rng);
  const vars: Vars = { deep: init.layers.map(toVar), wide: init.wide ? toVar(init.wide) : null };
  const optimizer = tf.train.adam(o.learningRate);
  const d = o.dim;
  // at least ~32 steps per epoch on small data
  const bs = Math.max(1, Math.min(o.batchSize, Math.max(64, Math.ceil(o.trainRows / 32)), o.trainRows));
  // Shuffle and standardise once into one contiguous copy; each epoch then visits the batches in a
  // new seeded order. Per-epoch row gathers cost more than the logistic model's maths at 1M rows.
  const perm = new Int32Array(o.trainRows);
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  shuffleInPlace(perm, o.rng);
  const xs = new Float32Array(o.trainRows * d);
  const ys = new Float32Array(o.trainRows);
  for (let k = 0; k < o.trainRows; k++) {
    const r = perm[k]!;
    for (let j = 0; j < d; j++) xs[k * d + j] = (o.x[r * d + j]! - o.mean[j]!) / o.std[j]!;
    ys[k] = o.y[r]!;
  }
  const xv = new Float32Array(o.valRows * d);
  for (let i = 0; i < o.valRows * d; i++) {
    const j = i % d;
    xv[i] = (o.x[o.trainRows * d + i]! - o.mean[j]!) / o.std[j]!;
  }
  const yv = o.y.subarray(o.trainRows, o.trainRows + o.valRows);
  const nBatches = Math.max(1, Math.floor(o.trainRows / bs));
  const batchOrder = new Int32Array(nBatches);
  for (let b = 0; b < nBatches; b++) batchOrder[b] = b;
  const history: EpochLog[] = [];
  let best = { loss: Infinity, epoch: 0, layers: snapshot(vars) };
  let sinceBest = 0;
  let hasStoppedEarly = false;

  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    shuffleInPlace(batchOrder, o.rng);
    let lossSum = 0;
    let steps = 0;
    for (let b = 0; b < nBatches; b++) {
      const start = batchOrder[b]! * bs;
      // the last batch absorbs the remainder rows
      const n = batchOrder[b] === nBatches - 1 ? o.trainRows - start : bs;
      const xt = tf.tensor2d(xs.subarray(start * d, (start + n) * d), [n, d]);
      const yt = tf.tensor2d(ys.subarray(start, start + n), [n, 1]);
      const cost = optimizer.minimize(() => {
        const loss = tf.losses.sigmoidCrossEntropy(yt, forward(vars, xt));
        if (o.l2 <= 0) return loss as tf.Scalar;
        const penalty = allLayers(vars).reduce<tf.Tensor>((acc, v) => tf.add(acc, tf.sum(tf.square(v.w))), tf.scalar(0));
        return tf.add(loss, tf.mul(penalty, o.l2)) as tf.Scalar;
      }, steps % 16 === 0);
      if (cost) {
        lossSum += cost.dataSync()[0] ?? 0;
        cost.dispose();
      }
      xt.dispose();
      yt.dispose();
      steps++;
    }
    const valLoss = o.valRows > 0 ? meanLogLoss(vars, xv, yv, d, 0, o.valRows) : lossSum / Math.max(1, Math.ceil(steps / 16));
    history.push({ epoch, trainLoss: lossSum / Math.max(1, Math.ceil(steps / 16)), valLoss });
    if (valLoss < best.loss - 1e-5) {
      best = { loss: valLoss, epoch, layers: snapshot(vars) };
      sinceBest = 0;
    } else if (++sinceBest > o.patience) {
      hasStoppedEarly = epoch < o.maxEpochs;
      break;
    }
  }
  for (const v of allLayers(vars)) {
    v.w.dispose();
    v.b.dispose();
  }
  optimizer.dispose();
  const parameterCount = [...best.layers.layers, ...(best.layers.wide ? [best.layers.wide] : [])].reduce((s, l) => s + l.w.length + l.b.length, 0);
  return {
    kind: o.kind, featureNames: o.featureNames, mean: o.mean, std: o.std, layers: best.layers.layers, wide: best.layers.wide,
    history, bestEpoch: best.epoch, hasStoppedEarly, parameterCount,
  };
}

function toDense(v: VarLayer): DenseLayer {
  const [inDim = 1, outDim = 1] = v.w.shape;
  return { inDim, outDim, w: Float32Array.from(v.w.dataSync()), b: Float32Array.from(v.b.dataSync()), activation: v.activation };
}

function snapshot(vars: Vars): { layers: DenseLayer[]; wide: DenseLayer | null } {
  return { layers: vars.deep.map(toDense), wide: vars.wide ? toDense(vars.wide) : null };
}

const EVAL_CHUNK = 16_384;

function meanLogLoss(vars: Vars, x: Float32Array, y: Uint8Array, d: number, start: number, rows: number): number {
  let total = 0;
  for (let s = start; s < start + rows; s += EVAL_CHUNK) {
    const n = Math.min(EVAL_CHUNK, start + rows - s);
    const sum = tf.tidy(() => {
      const xt = tf.tensor2d(x.subarray(s * d, (s + n) * d), [n, d]);
      const yt = tf.tensor2d(Float32Array.from(y.subarray(s, s + n)), [n, 1]);
      return tf.losses.sigmoidCrossEntropy(yt, forward(vars, xt), undefined, undefined, tf.Reduction.SUM);
    });
    total += sum.dataSync()[0] ?? 0;
    sum.dispose();
  }
  return total / Math.max(1, rows);
}
