export * from "./metrics";
export { evaluateModel, summarize, popularityScores } from "./evaluate";
export type { MetricSummary, SliceMetrics, ModelEvaluation, EvaluateModelOptions } from "./evaluate";
