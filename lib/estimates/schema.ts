/**
 * The scale-estimates form: four quantities at three user scales. A form and its handler share
 * this schema; every given number must be positive, finite and bounded; blank cells are allowed
 * (graded as not answered).
 */
import { z } from "zod";

export const ESTIMATE_SCALES = [
  { key: "1M", users: 1_000_000, label: "1M users" },
  { key: "100M", users: 100_000_000, label: "100M users" },
  { key: "1B", users: 1_000_000_000, label: "1B users" },
] as const;
export type ScaleKey = (typeof ESTIMATE_SCALES)[number]["key"];

export const ESTIMATE_FIELDS = [
  { key: "qps", label: "Peak QPS", unit: "requests/s", description: "Peak ranking requests per second" },
  { key: "onlineStoreGb", label: "Online store size", unit: "GB", description: "Online feature store size, GB" },
  { key: "trainingGbPerDay", label: "Training data per day", unit: "GB/day", description: "Logged training data per day, GB" },
  { key: "servingReplicas", label: "Serving replicas", unit: "replicas", description: "Ranking replicas needed at peak" },
] as const;
export type EstimateField = (typeof ESTIMATE_FIELDS)[number]["key"];

/** Far beyond any plausible answer in any of the four units; only rejects junk. */
export const MAX_ESTIMATE_VALUE = 1e15;

const estimateValueSchema = z
  .number({ error: "Enter a number" })
  .finite()
  .positive("Must be greater than 0")
  .max(MAX_ESTIMATE_VALUE, `Must be at most ${MAX_ESTIMATE_VALUE.toExponential()}`);

const scaleRowSchema = z.object({
  qps: estimateValueSchema.optional(),
  onlineStoreGb: estimateValueSchema.optional(),
  trainingGbPerDay: estimateValueSchema.optional(),
  servingReplicas: estimateValueSchema.optional(),
});

export const estimatesInputSchema = z.object({
  "1M": scaleRowSchema.prefault({}),
  "100M": scaleRowSchema.prefault({}),
  "1B": scaleRowSchema.prefault({}),
});

export type EstimatesInput = z.infer<typeof estimatesInputSchema>;
export type EstimatesInputRaw = z.input<typeof estimatesInputSchema>;

export function parseEstimatesInput(input: unknown): EstimatesInput {
  return estimatesInputSchema.parse(input);
}
