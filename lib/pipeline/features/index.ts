export * from "./spec";
export { composeFeatures, composeFromCounts } from "./compose";
export type { ComposeOptions } from "./compose";
export { indexEntities, createAggregateState, advanceTo, pairHistory, entityRows, counterStride } from "./aggregate-state";
export type { EntityIndex, AggregateState } from "./aggregate-state";
export { extractExamples, extractLeakyExamples, labeledRows, isLabeledAction, allocateExamples } from "./extract-examples";
export type { ExampleSet, ExtractOptions, ExtractResult } from "./extract-examples";
