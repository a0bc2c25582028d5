/**
 * The worker side of `pipeline-run-job`: forks lib/jobs/run-child.ts, streams its stage progress
 * into the run row, enforces the deadline and cancellation by killing the child, stores the result.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { beatRun, cancelRunningRun, failRun, finishRun, getRunForWorker, HEARTBEAT_EVERY_MS, isHeartbeatStale, saveRunProgress, startRun, type RunProgress } from "@/lib/db/runs";
import type { Logger } from "@/lib/log";
import { RUN_DEADLINE_SECONDS } from "@/lib/simulations/schema";
import { runFailureMessage } from "@/lib/simulations/status";
import { pipelineRunPayloadSchema } from "./pipeline-run-job";
import { lowerPriority } from "./priority";
import type { ChildMessage } from "./run-child";

class RunStopped extends Error {
  constructor(readonly reason: "cancelled" | "deadline") {
    super(reason === "cancelled" ? "cancelled by its owner" : `stopped after the ${deadlineSeconds() % 60 === 0 ? `${deadlineSeconds() / 60}-minute` : `${deadlineSeconds()}-second`} deadline`);
    this.name = "RunStopped";
  }
}

const CHILD_SCRIPT = path.resolve("lib/jobs/run-child.ts");
/** RUN_DEADLINE_SECONDS; the worker may only shorten it (RUN_DEADLINE_SECONDS env, for tests of the deadline). */
const deadlineSeconds = () => Math.min(RUN_DEADLINE_SECONDS, Number(process.env.RUN_DEADLINE_SECONDS) || RUN_DEADLINE_SECONDS);

/**
 * Test hook for a poison job (RELIABILITY JOB-05): the runs named in the worker's own
 * RUN_TEST_POISON_IDS throw on every try. Read only when NODE_ENV is "test" (Vitest sets it; `npm
 * start` never does), and it names server-made run ids, so no request can reach it.
 */
function isPoisonedForTest(runId: string): boolean {
  return process.env.NODE_ENV === "test" && (process.env.RUN_TEST_POISON_IDS ?? "").split(",").includes(runId);
}

/**
 * One try of a run. `retryCount` and `retryLimit` are the pg-boss job's: the dispatcher's limit
 * (RUN_RETRY_LIMIT) travels with the job. A failed try throws so pg-boss retries it, or, on the last
 * try, marks the job failed and copies it to the dead-letter queue.
 */
export async function handlePipelineRun({ payload, retryCount, retryLimit, log }: { payload: unknown; retryCount: number; retryLimit: number; log: Logger }): Promise<void> {
  const { runId } = pipelineRunPayloadSchema.parse(payload);
  const run = await getRunForWorker({ id: runId });
  if (!run || run.status === "succeeded" || run.status === "cancelled" || run.status === "failed") {
    log.info({ runId, status: run?.status }, "run already final; nothing to do");
    return;
  }
  if (run.status === "running") {
    // Another worker holds it while its heartbeat is fresh: a duplicate job must not run it twice.
    if (!isHeartbeatStale(run.heartbeatAt)) {
      log.info({ runId }, "run is alive on another worker; nothing to do");
      return;
    }
    await failRun({ id: runId, error: "worker stopped mid-run; retrying", willRetry: true });
  }
  if (!(await startRun({ id: runId }))) return;
  log.info({ runId, try: retryCount + 1 }, "run started");

  const progress: RunProgress = { fraction: 0, stages: [] };
  let child: ChildProcess | undefined;
  let stop: RunStopped | undefined;
  const kill = (reason: RunStopped["reason"]) => {
    stop ??= new RunStopped(reason);
    child?.kill("SIGKILL");
  };
  const deadline = setTimeout(() => kill("deadline"), deadlineSeconds() * 1000);
  // Training stages can run for a while without progress events: beat independently of them.
  const heartbeat = setInterval(() => void beatRun({ id: runId }).catch(() => undefined), HEARTBEAT_EVERY_MS);
  let lastWrite = Promise.resolve();

  try {
    if (isPoisonedForTest(runId)) throw new Error(`test hook: run ${runId} is poisoned (RUN_TEST_POISON_IDS)`);
    const result = await new Promise<unknown>((resolve, reject) => {
      child = fork(CHILD_SCRIPT, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, SERVICE_NAME: "pipeline-child", DATABASE_POOL_SIZE: "1" } });
      lowerPriority(child.pid, "pipeline", log, { idle: true });
      child.on("message", (message: ChildMessage) => {
        if (message.type === "progress") {
          const { stage, status, seconds, fraction } = message.progress;
          const existing = progress.stages.find((s) => s.stage === stage);
          if (existing) Object.assign(existing, { status, seconds });
          else progress.stages.push({ stage, status, ...(seconds !== undefined ? { seconds } : {}) });
          progress.fraction = fraction;
          lastWrite = lastWrite.then(async () => {
            const { cancelRequested } = await saveRunProgress({ id: runId, progress });
            if (cancelRequested) kill("cancelled");
          }).catch((error: unknown) => log.warn({ runId, error }, "progress write failed"));
        } else if (message.type === "result") resolve(message.result);
        else reject(new Error(message.message));
      });
      child.on("exit", (code, signal) => reject(stop ?? new Error(`pipeline process exited (code ${code}, signal ${signal})`)));
      child.send({ runId, config: run.config });
    });
    await lastWrite;
    await finishRun({ id: runId, result });
    log.info({ runId }, "run succeeded");
  } catch (error) {
    await lastWrite;
    if (error instanceof RunStopped && error.reason === "cancelled") {
      await cancelRunningRun({ id: runId });
      log.info({ runId }, "run cancelled");
      return;
    }
    if (error instanceof RunStopped) {
      // The deadline is final: a retry would spend the same time again. The job completes.
      await failRun({ id: runId, error: error.message, willRetry: false });
      log.warn({ runId, reason: error.reason }, "run stopped");
      return;
    }
    const willRetry = retryCount < retryLimit;
    await failRun({ id: runId, error: runFailureMessage({ tryNumber: retryCount + 1, tries: retryLimit + 1 }), willRetry });
    log.warn({ runId, error, try: retryCount + 1, tries: retryLimit + 1, willRetry }, willRetry ? "run failed; retrying" : "run failed on every try; dead-lettered");
    throw error; // pg-boss retries the job, or fails it into the dead-letter queue
  } finally {
    clearTimeout(deadline);
    clearInterval(heartbeat);
    if (child && child.exitCode === null) child.kill("SIGKILL");
  }
}
