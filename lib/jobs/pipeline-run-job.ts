/**
 * `pipeline-run-job`: its payload schema and dispatch (web side). The worker's handler is in
 * handle-pipeline-run.ts, kept apart so the web bundle never traces the child-process code.
 */
import { z } from "zod";
import { RUN_DEADLINE_SECONDS } from "@/lib/simulations/schema";
import { getBoss, PIPELINE_RUN_QUEUE } from "./boss";

export const pipelineRunPayloadSchema = z.object({ runId: z.string().min(1).max(64) });
export type PipelineRunPayload = z.infer<typeof pipelineRunPayloadSchema>;

/** Retries after a crash or failure, on top of the first try, unless RUN_RETRY_LIMIT says otherwise. */
export const DEFAULT_RUN_RETRY_LIMIT = 2;
export const MAX_RUN_RETRY_LIMIT = 10;

/**
 * Retries after a crash or failure (RUN_RETRY_LIMIT, 0–10, default 2 as RELIABILITY JOB-05 asks).
 * Each retry trains the whole run again, so a run that always fails costs limit + 1 tries of CPU
 * before it is marked failed and copied to the dead-letter queue. Throws, naming the variable, on a
 * bad value; the worker calls it at start, and lib/env.ts checks the same rule when the web server starts.
 */
export function getRunRetryLimit(value = process.env.RUN_RETRY_LIMIT): number {
  if (value === undefined || value === "") return DEFAULT_RUN_RETRY_LIMIT;
  if (!/^([0-9]|10)$/.test(value)) throw new Error(`Expected RUN_RETRY_LIMIT to be an integer from 0 to ${MAX_RUN_RETRY_LIMIT}, got ${JSON.stringify(value)}`);
  return Number(value);
}

export async function dispatchPipelineRun(payload: PipelineRunPayload): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(PIPELINE_RUN_QUEUE, pipelineRunPayloadSchema.parse(payload), {
    retryLimit: getRunRetryLimit(),
    retryDelay: 2,
    expireInSeconds: RUN_DEADLINE_SECONDS + 60,
  });
}
