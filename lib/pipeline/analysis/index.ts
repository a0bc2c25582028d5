export { permutationImportance } from "./importance";
export type { FeatureImportance } from "./importance";
export { rankSliceErrors } from "./error-analysis";
export type { SliceError } from "./error-analysis";
export { diffRuns } from "./diff-runs";
export type { RunDiff, RunLike } from "./diff-runs";
