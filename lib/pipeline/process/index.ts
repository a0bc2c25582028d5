export { runDag, topoSort } from "./dag";
export type { StageDef, StageReport, StageStatus, RunDagOptions } from "./dag";
