import { z } from "zod";
import type { PipelineResult } from "@/lib/pipeline";

/** A stored run result is checked for the engine's result version before the dashboard reads it. */
const storedResultSchema = z.object({ resultVersion: z.literal(1), status: z.enum(["succeeded", "failed"]), alerts: z.array(z.unknown()), metrics: z.record(z.string(), z.unknown()) }).passthrough();

export function parseStoredResult(value: unknown): PipelineResult | null {
  return storedResultSchema.safeParse(value).success ? (value as PipelineResult) : null;
}

/** The diagnosis drill that matches a scenario, when there is one. */
export const DIAGNOSIS_DRILL_BY_SCENARIO: Record<string, string> = {
  "stale-features": "diagnose-stale-features",
  "null-spike": "diagnose-null-spike",
  "concept-drift": "diagnose-concept-drift",
  "training-serving-skew": "diagnose-training-serving-skew",
  "schema-change": "diagnose-schema-change",
  "label-leakage": "diagnose-label-leakage",
  "serving-latency": "diagnose-serving-latency",
  "feedback-loop": "diagnose-feedback-loop",
};
