/**
 * Public API of the feed-ranking pipeline engine (pure: data, config and ports in, plain data out).
 * @see ../../../shared/STYLE.md §1–2
 */
export { parsePipelineConfig } from "./config/parse-config";
export { pipelineConfigSchema, knobsSchema } from "./config/schema";
export type { PipelineConfig, PipelineConfigInput, ScenarioKnobs, CapacityAssumptions } from "./config/schema";
export { runPipeline, pipelineStages } from "./run-pipeline";
export { SCENARIOS, SCENARIO_IDS, getScenario } from "./scenarios/catalog";
export type { Scenario, ScenarioId } from "./scenarios/catalog";
export type { PipelineResult, ModelMetrics } from "./result-types";
export type { PipelinePorts, Clock, Rng, Timer, MemoryProbe, ByteSource, StageProgress, RunOptions } from "./ports";
export type { FeatureStore, FeatureRecord, OnlineRecord, FeatureViewSpec, FeatureViewVersion, Freshness, EntityQuery } from "./feature-store/types";
export { createInMemoryFeatureStore } from "./feature-store/in-memory";
export { diffRuns } from "./analysis/diff-runs";
export type { RunDiff } from "./analysis/diff-runs";
export { capacityModel, fitPowerLaw } from "./resources/capacity";
export { PipelineError, PipelineConfigError, PipelineInputError } from "./errors";
export { createRng } from "./random";
