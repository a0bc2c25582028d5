export * from "./spec";
export { composeFeatures } from "./compose";
export type { ComposeOptions } from "./compose";
export { indexEntities, createAggregateState, advanceTo, pairHistory } from "./aggregate-state";
export type { EntityIndex, AggregateState } from "./aggregate-state";
export { extractExamples, extractLeakyExamples, labeledRows, isLabeledAction, allocateExamples } from "./extract-examples";
export type { ExampleSet, ExtractOptions, ExtractResult } from "./extract-examples";
