export { initTf, tf } from "./tf";
export type { BackendInfo } from "./tf";
export type { TrainedModel, ModelKind, DenseLayer, EpochLog } from "./types";
export { createRankingLayers } from "./create-ranking-model";
export { fitStandardizer, applyStandardizer } from "./standardize";
export { trainModel } from "./train";
export type { TrainModelOptions } from "./train";
export { predictBatch, createRowScorer, sigmoid } from "./predict";
export type { RowScorer } from "./predict";
