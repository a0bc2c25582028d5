/**
 * Stage names of a run in execution order, for the progress bar. Mirrors pipelineStages() in
 * lib/pipeline/run-pipeline.ts without loading TensorFlow.js into the web process; a unit test
 * keeps the two in step.
 */
export function runStageNames(modelKinds: readonly string[]): string[] {
  return ["collect", "verify", "clean", "features", "feature-store", ...modelKinds.map((k) => `train-${k}`), "evaluate", "serve", "monitor", "analyze"];
}
