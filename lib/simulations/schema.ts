/**
 * What a learner may start from the browser: a scenario, a scale preset and a seed. Each preset runs
 * the engine on a sample this machine can train in seconds; the capacity model extrapolates to the
 * preset's user count, and the dashboard labels which figures were measured and which extrapolated.
 */
import { z } from "zod";
// Direct module imports: the web process must not load TensorFlow.js through the engine index.
import type { PipelineConfig } from "@/lib/pipeline/config/schema";
import { parsePipelineConfig } from "@/lib/pipeline/config/parse-config";
import { SCENARIO_IDS } from "@/lib/pipeline/scenarios/catalog";

export const SCALE_PRESETS = {
  "1M": { label: "1M users", dailyActiveUsers: 1_000_000, sample: { users: 2_000, events: 100_000 } },
  "100M": { label: "100M users", dailyActiveUsers: 100_000_000, sample: { users: 5_000, events: 300_000 } },
  "1B": { label: "1B users", dailyActiveUsers: 1_000_000_000, sample: { users: 10_000, events: 1_000_000 } },
} as const;
export type ScalePreset = keyof typeof SCALE_PRESETS;
export const SCALE_IDS = Object.keys(SCALE_PRESETS) as [ScalePreset, ...ScalePreset[]];

export const MAX_SEED = 2 ** 31 - 1;

export const startRunSchema = z.object({
  scenario: z.enum(SCENARIO_IDS, { error: `scenario must be one of: ${SCENARIO_IDS.join(", ")}` }),
  scale: z.enum(SCALE_IDS, { error: `scale must be one of: ${SCALE_IDS.join(", ")}` }),
  seed: z
    .number({ error: "seed must be a number" })
    .int("seed must be a whole number")
    .min(0, "seed must not be negative")
    .max(MAX_SEED, `seed must be at most ${MAX_SEED}`),
});
export type StartRunInput = z.infer<typeof startRunSchema>;

/** The engine config a run stores and replays. */
export function toPipelineConfig({ scenario, scale, seed }: StartRunInput): PipelineConfig {
  const { sample } = SCALE_PRESETS[scale];
  return parsePipelineConfig({ scenario, seed, data: { users: sample.users, events: sample.events } });
}

/** Per learner: one running plus a few queued; beyond that, starting a run answers 429. */
export const MAX_ACTIVE_RUNS_PER_USER = 4;
/** Across all learners: queued + running runs the worker pool accepts. */
export const MAX_ACTIVE_RUNS_GLOBAL = 50;
/**
 * How long POST /api/runs remembers an Idempotency-Key: a repeat within this window answers with the
 * first run; after it, the same key starts a new run.
 */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** A run past this deadline is stopped and marked failed. */
export const RUN_DEADLINE_SECONDS = 15 * 60;
