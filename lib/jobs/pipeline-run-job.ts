/**
 * `pipeline-run-job`: its payload schema and dispatch (web side). The worker's handler is in
 * handle-pipeline-run.ts, kept apart so the web bundle never traces the child-process code.
 */
import { z } from "zod";
import { RUN_DEADLINE_SECONDS } from "@/lib/simulations/schema";
import { getBoss, PIPELINE_RUN_QUEUE } from "./boss";

export const pipelineRunPayloadSchema = z.object({ runId: z.string().min(1).max(64) });
export type PipelineRunPayload = z.infer<typeof pipelineRunPayloadSchema>;

/** Retries after a crash or failure, on top of the first try. */
export const RUN_RETRY_LIMIT = 1;

export async function dispatchPipelineRun(payload: PipelineRunPayload): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(PIPELINE_RUN_QUEUE, pipelineRunPayloadSchema.parse(payload), {
    retryLimit: RUN_RETRY_LIMIT,
    retryDelay: 2,
    expireInSeconds: RUN_DEADLINE_SECONDS + 60,

  });
}
