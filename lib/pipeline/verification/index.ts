export { computeStatistics } from "./statistics";
export type { BatchStatistics, CategoricalStats } from "./statistics";
export { inferSchema } from "./schema";
export type { Schema, ColumnSchema } from "./schema";
export { validateStatistics } from "./validate";
export type { Anomaly, Severity, ValidateOptions } from "./validate";
