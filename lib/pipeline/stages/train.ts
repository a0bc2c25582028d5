/** Stages `train-logistic` / `train-mlp`: standardise with training statistics, fit with early stopping. */
import { fitStandardizer } from "../model/standardize";
import { trainModel } from "../model/train";
import type { ModelKind } from "../model/types";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng } from "../random";

export function trainStage(kind: ModelKind) {
  return async (ctx: PipelineContext): Promise<Record<string, unknown>> => {
    const { config } = ctx;
    const ex = ctx.examples!;
    const rows = ctx.nTrain + ctx.nVal;
    const { mean, std } = fitStandardizer(ex.x, ex.dim, ctx.nTrain);
    const isLogistic = kind === "logistic";
    const model = await trainModel({
      kind, x: ex.x.subarray(0, rows * ex.dim), y: ex.y.subarray(0, rows), dim: ex.dim, trainRows: ctx.nTrain, valRows: ctx.nVal,
      hiddenUnits: config.model.hiddenUnits,
      batchSize: isLogistic ? config.model.logisticBatchSize : config.model.batchSize,
      maxEpochs: isLogistic ? config.model.logisticMaxEpochs : config.model.maxEpochs, patience: config.model.patience,
      learningRate: isLogistic ? config.model.logisticLearningRate : config.model.learningRate,
      l2: config.model.l2, rng: deriveRng(config.seed, `train-${kind}`), featureNames: ex.names, mean, std,
    });
    ctx.models[kind] = model;
    const last = model.layers.at(-1)!;
    ctx.result.models[kind] = {
      parameterCount: model.parameterCount, bestEpoch: model.bestEpoch, hasStoppedEarly: model.hasStoppedEarly, history: model.history, trainSeconds: 0,
      ...(isLogistic ? { coefficients: ex.names.map((feature, j) => ({ feature, weight: last.w[j]! })) } : {}),
    };
    return { epochs: model.history.length, bestEpoch: model.bestEpoch, bestValLoss: model.history[model.bestEpoch - 1]?.valLoss ?? null };
  };
}
