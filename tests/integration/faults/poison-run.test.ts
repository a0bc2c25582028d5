/**
 * RELIABILITY JOB-05: a run whose handler throws on every try (the worker's test-only
 * RUN_TEST_POISON_IDS hook) is retried RUN_RETRY_LIMIT times, then marked failed with a generic
 * message, and pg-boss copies its job to the dead-letter queue. A normal run queued behind it completes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRun, getRun } from "@/lib/db/runs";
import { createUser } from "@/lib/db/users";
import { getBoss, PIPELINE_RUN_DEAD_LETTER_QUEUE, PIPELINE_RUN_QUEUE } from "@/lib/jobs/boss";
import { dispatchPipelineRun } from "@/lib/jobs/pipeline-run-job";
import { parsePipelineConfig } from "@/lib/pipeline/config/parse-config";

const RETRY_LIMIT = 2;
let worker: ChildProcess | undefined;
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await sql.end().catch(() => undefined);
  await (await getBoss()).stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
  await db.$disconnect();
});

type JobRow = { id: string; name: string; state: string; retry_count: number; data: { runId?: string }; output: unknown };

describe("poison run", () => {
  it("[JOB-05] a run that throws on every try fails after RUN_RETRY_LIMIT (2) retries with a generic message, its job lands in the dead-letter queue, and the normal run behind it succeeds", async () => {
    await sql.connect();
    process.env.RUN_RETRY_LIMIT = String(RETRY_LIMIT); // the dispatcher's limit travels with the job
    const userId = (await createUser({ email: `poison-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const config = parsePipelineConfig({ scenario: "baseline", seed: 11, data: { users: 400, events: 40_000 } });
    const poison = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 11 }, config });
    const normal = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 12 }, config });
    const poisonJobId = await dispatchPipelineRun({ runId: poison.id });
    await dispatchPipelineRun({ runId: normal.id });

    const started = Date.now();
    worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, RUN_TEST_POISON_IDS: poison.id, RUN_RETRY_LIMIT: String(RETRY_LIMIT), LOG_SILENT: "1" },
      stdio: "ignore",
    });

    const final = new Set(["succeeded", "failed", "cancelled"]);
    const deadLettered = async () => (await sql.query<JobRow>(`SELECT id, name, state, retry_count, data, output FROM pgboss.job WHERE name = $1 AND data->>'runId' = $2`, [PIPELINE_RUN_DEAD_LETTER_QUEUE, poison.id])).rows;
    let owner = await getRun({ id: poison.id, userId });
    let other = await getRun({ id: normal.id, userId });
    let dlq: JobRow[] = [];
    let failedAfterMs: number | null = null;
    while (Date.now() - started < 120_000) {
      owner = await getRun({ id: poison.id, userId });
      other = await getRun({ id: normal.id, userId });
      if (owner?.status === "failed" && failedAfterMs === null) failedAfterMs = Date.now() - started;
      dlq = await deadLettered();
      if (final.has(owner?.status ?? "") && final.has(other?.status ?? "") && dlq.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const original = (await sql.query<JobRow>(`SELECT id, name, state, retry_count, data, output FROM pgboss.job WHERE name = $1 AND id = $2`, [PIPELINE_RUN_QUEUE, poisonJobId])).rows[0];
    const tries = await db.simulationRun.findUnique({ where: { id: poison.id }, select: { tries: true } });
    console.log(`JOB-05 | retry limit ${RETRY_LIMIT} | poison run ${owner?.status} after ${tries?.tries} tries, ${failedAfterMs} ms; owner reads ${JSON.stringify(owner?.error)} | job ${original?.state} (retry_count ${original?.retry_count}) | dead-letter copies ${dlq.length} (${dlq[0]?.state}) | normal run ${other?.status}`);

    // The owner's view: failed, after 1 + RUN_RETRY_LIMIT tries, with a generic message.
    expect(owner?.status).toBe("failed");
    expect(tries?.tries).toBe(RETRY_LIMIT + 1);
    expect(owner?.error).toBe(`The run failed on all ${RETRY_LIMIT + 1} tries. It has been set aside for review; you can start it again.`);
    expect(owner?.error).not.toMatch(/test hook|RUN_TEST_POISON_IDS|\bat .+:\d+:\d+|Error:/);
    // The queue's view: the job failed once out of retries, and exactly one copy waits in the dead-letter queue.
    expect(original?.state).toBe("failed");
    expect(original?.retry_count).toBe(RETRY_LIMIT);
    expect(dlq).toHaveLength(1);
    expect(dlq[0]?.state).toBe("created");
    expect(JSON.stringify(dlq[0]?.output)).toContain("poisoned"); // the real error is kept for review, off the run row
    // The run queued behind it was not blocked.
    expect(other?.status).toBe("succeeded");
    expect(worker.exitCode).toBeNull();
  }, 180_000);
});
