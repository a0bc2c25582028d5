// POST /api/runs — queue a simulation run (scenario, scale preset, seed) for the signed-in learner;
//                  an optional Idempotency-Key makes a repeat answer 200 with the same run
// GET  /api/runs — the learner's runs, newest first
import { createRun, failUnqueuedRun, findRunByIdempotencyKey, listRuns, setRunJobId, type StartedRun } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { otherMethods, readIdempotencyKey, readJson, withRoute } from "@/lib/http";
import { consumeLimit } from "@/lib/rate-limit";
import { dispatchPipelineRun } from "@/lib/jobs/pipeline-run-job";
import { startRunSchema, toPipelineConfig, type StartRunInput } from "@/lib/simulations/schema";

const answer = (run: StartedRun) => Response.json({ runId: run.id, url: `/simulations/${run.id}` }, { status: run.isReplay ? 200 : 202 });

export const POST = withRoute(async ({ req, user, log }) => {
  const idempotencyKey = readIdempotencyKey(req);
  let input: StartRunInput;
  if (idempotencyKey) {
    input = await readJson(req, startRunSchema);
    // A repeat of a start already accepted (double click, client retry) is answered before the limiter counts it.
    const earlier = await findRunByIdempotencyKey({ userId: user.id, idempotencyKey, input });
    if (earlier) {
      log.info({ runId: earlier.id }, "run start repeated");
      return answer(earlier);
    }
    await consumeLimit("runs", user.id);
  } else {
    await consumeLimit("runs", user.id); // before the body: bad bodies count too
    input = await readJson(req, startRunSchema);
  }
  const run = await createRun({ userId: user.id, input, config: toPipelineConfig(input), idempotencyKey });
  if (run.isReplay) return answer(run);
  try {
    const jobId = await dispatchPipelineRun({ runId: run.id });
    if (jobId) await setRunJobId({ id: run.id, jobId });
  } catch (error) {
    await failUnqueuedRun({ id: run.id });
    log.error({ runId: run.id, error }, "queueing failed");
    throw new AppError("UNAVAILABLE", "The simulation queue is unavailable; try again shortly", { retryAfterSeconds: 10 });
  }
  log.info({ runId: run.id, scenario: input.scenario, scale: input.scale }, "run queued");
  return answer(run);
});

export const GET = withRoute(async ({ user }) => Response.json({ runs: await listRuns({ userId: user.id }) }));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
