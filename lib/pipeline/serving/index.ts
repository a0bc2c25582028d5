export { createScorer } from "./scorer";
export type { Scorer, ScorerOptions, ScoreRequest, ScoreResponse, Fallback, LookupFault } from "./scorer";
export { summarizeLatencies, percentile, LATENCY_BUCKETS_MS } from "./latency";
export type { LatencySummary } from "./latency";
