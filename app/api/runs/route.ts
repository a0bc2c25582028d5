// POST /api/runs — queue a simulation run (scenario, scale preset, seed) for the signed-in learner
// GET  /api/runs — the learner's runs, newest first
import { createRun, failRun, listRuns, setRunJobId } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { otherMethods, readJson, withRoute } from "@/lib/http";
import { consumeLimit } from "@/lib/rate-limit";
import { dispatchPipelineRun } from "@/lib/jobs/pipeline-run-job";
import { startRunSchema, toPipelineConfig } from "@/lib/simulations/schema";

export const POST = withRoute(async ({ req, user, log }) => {
  await consumeLimit("runs", user.id);
  const input = await readJson(req, startRunSchema);
  const run = await createRun({ userId: user.id, input, config: toPipelineConfig(input) });
  try {
    const jobId = await dispatchPipelineRun({ runId: run.id });
    if (jobId) await setRunJobId({ id: run.id, jobId });
  } catch (error) {
    await failRun({ id: run.id, error: "could not be queued", willRetry: false });
    log.error({ runId: run.id, error }, "queueing failed");
    throw new AppError("UNAVAILABLE", "The simulation queue is unavailable; try again shortly", { retryAfterSeconds: 10 });
  }
  log.info({ runId: run.id, scenario: input.scenario, scale: input.scale }, "run queued");
  return Response.json({ runId: run.id, url: `/simulations/${run.id}` }, { status: 202 });
});

export const GET = withRoute(async ({ user }) => Response.json({ runs: await listRuns({ userId: user.id }) }));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
