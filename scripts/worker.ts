/**
 * The simulation worker: consumes `pipeline-run-job` from the PostgreSQL queue, one run at a time.
 * Started by `npm start` next to the web server; on another machine run `DATABASE_URL=… npm run worker`.
 */
import { getBoss, PIPELINE_RUN_QUEUE } from "@/lib/jobs/boss";
import { reclaimStaleRuns } from "@/lib/db/runs";
import { handlePipelineRun } from "@/lib/jobs/handle-pipeline-run";
import { dispatchPipelineRun, getRunRetryLimit } from "@/lib/jobs/pipeline-run-job";
import { createLogger } from "@/lib/log";

const log = createLogger({ service: "worker" });

// pg-boss 10 lets a rejection escape when it cannot record a job's failure while PostgreSQL is down
// (Manager.fail → pg-pool ECONNREFUSED), and Node would exit on it. The job then stays active; the
// heartbeat reclaim below (or pg-boss's own expiry) retries the run once PostgreSQL is back. So log
// it and keep the worker alive (tests/e2e/faults/database-outage.spec.ts).
process.on("unhandledRejection", (error) => log.error({ error }, "unhandled rejection; the worker keeps running"));

/**
 * pg-boss's start() fails when PostgreSQL is not up yet and never retries (pg-boss#510): keep trying
 * with backoff (1 s, doubling to 10 s) so a worker started before its database serves as soon as the
 * database is back (RELIABILITY JOB-04), instead of exiting and leaving runs queued.
 */
async function startBoss(): Promise<Awaited<ReturnType<typeof getBoss>>> {
  for (let attempt = 0, delay = 1000; ; attempt++, delay = Math.min(10_000, delay * 2)) {
    try {
      return await getBoss();
    } catch (error) {
      log.warn({ attempt, retryInMs: delay, error: (error as Error).message }, "queue not reachable; retrying");
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function main(): Promise<void> {
  const retryLimit = getRunRetryLimit(); // a bad RUN_RETRY_LIMIT stops the worker here, with its name
  const boss = await startBoss();
  await boss.work<unknown>(PIPELINE_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
    if (!job) return;
    await handlePipelineRun({ payload: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit, log: log.child({ job: PIPELINE_RUN_QUEUE, jobId: job.id }) });
  });
  log.info({ queue: PIPELINE_RUN_QUEUE, retryLimit }, "worker ready");

  // Runs whose worker died (kill -9, lost machine) go back to the queue once their heartbeat is stale.
  const reclaim = async () => {
    const ids = await reclaimStaleRuns({ maxTries: retryLimit + 1 });
    for (const runId of ids) await dispatchPipelineRun({ runId });
    if (ids.length > 0) log.warn({ runIds: ids }, "reclaimed runs from a stopped worker");
  };
  await reclaim().catch((error: unknown) => log.error({ error }, "reclaim failed"));
  const reclaimer = setInterval(() => void reclaim().catch((error: unknown) => log.error({ error }, "reclaim failed")), Number(process.env.RECLAIM_INTERVAL_MS) || 15_000);

  const shutdown = async () => {
    log.info({}, "worker stopping");
    clearInterval(reclaimer);
    await boss.stop({ graceful: true, timeout: 5_000 }).catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
}

main().catch((error: unknown) => {
  log.error({ error }, "worker failed to start");
  process.exit(1);
});
