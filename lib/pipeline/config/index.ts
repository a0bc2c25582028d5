export { parsePipelineConfig } from "./parse-config";
export { pipelineConfigSchema } from "./schema";
export type { PipelineConfig, PipelineConfigInput, ScenarioKnobs, CapacityAssumptions } from "./schema";
