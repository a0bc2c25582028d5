/**
 * The worker side of `pipeline-run-job`: forks lib/jobs/run-child.ts, streams its stage progress
 * into the run row, enforces the deadline and cancellation by killing the child, stores the result.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { beatRun, cancelRunningRun, failRun, finishRun, getRunForWorker, isHeartbeatStale, saveRunProgress, startRun, type RunProgress } from "@/lib/db/runs";
import type { Logger } from "@/lib/log";
import { RUN_DEADLINE_SECONDS } from "@/lib/simulations/schema";
import { pipelineRunPayloadSchema, RUN_RETRY_LIMIT } from "./pipeline-run-job";
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

export async function handlePipelineRun({ payload, retryCount, log }: { payload: unknown; retryCount: number; log: Logger }): Promise<void> {
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
  const heartbeat = setInterval(() => void beatRun({ id: runId }).catch(() => undefined), 5_000);
  let lastWrite = Promise.resolve();

  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      child = fork(CHILD_SCRIPT, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, SERVICE_NAME: "pipeline-child", DATABASE_POOL_SIZE: "1" } });
      lowerPriority(child.pid, "pipeline", log);
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
    const willRetry = !(error instanceof RunStopped) && retryCount < RUN_RETRY_LIMIT;
    await failRun({ id: runId, error: error instanceof Error ? error.message : String(error), willRetry });
    log.warn({ runId, error, willRetry }, "run failed");
    if (willRetry) throw error; // pg-boss retries the job
  } finally {
    clearTimeout(deadline);
    clearInterval(heartbeat);
    if (child && child.exitCode === null) child.kill("SIGKILL");
  }
}
