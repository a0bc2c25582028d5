/**
 * Scale-estimates drill — pure: learner numbers in, a per-cell verdict with the arithmetic out.
 *
 *   import { checkEstimates, estimatesInputSchema, describeAssumptions } from "@/lib/estimates";
 *   const input = estimatesInputSchema.parse(formValues);   // { "1M": { qps, onlineStoreGb, ... }, "100M": ..., "1B": ... }
 *   const check = checkEstimates(input);                    // { cells[scale][field], score, level, ... }
 *   check.cells["1B"].qps;  // { expected, given, ratio, withinTolerance, explanation, message, ... }
 *
 * Expected values come from the pipeline's capacityModel with the default capacity assumptions
 * (override any of them via `assumptions`).
 */
export { ESTIMATE_SCALES, ESTIMATE_FIELDS, MAX_ESTIMATE_VALUE, estimatesInputSchema, parseEstimatesInput, type EstimatesInput, type EstimatesInputRaw, type ScaleKey, type EstimateField } from "./schema";
export { expectedEstimates, describeAssumptions, resolveAssumptions, type ExpectedEstimate, type ExpectedEstimates, type AssumptionRow } from "./expected";
export { checkEstimates, DEFAULT_TOLERANCE_FACTOR, type EstimateCell, type EstimatesCheck, type CheckEstimatesOptions } from "./check-estimates";
export { formatEstimate, formatCompact, formatGb, parseEstimateText } from "./format";
