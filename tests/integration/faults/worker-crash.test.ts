/**
 * The worker killed mid-run (SIGKILL, no cleanup): a second worker reclaims the run once its
 * heartbeat is stale and runs it again; it completes once, with one stored model and no duplicates.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRun, getRunForWorker } from "@/lib/db/runs";
import { createUser } from "@/lib/db/users";
import { getBoss } from "@/lib/jobs/boss";
import { dispatchPipelineRun } from "@/lib/jobs/pipeline-run-job";
import { parsePipelineConfig } from "@/lib/pipeline/config/parse-config";

const workers: ChildProcess[] = [];
function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, RUN_HEARTBEAT_STALE_MS: "3000", RECLAIM_INTERVAL_MS: "1000", LOG_SILENT: "1" },
    stdio: "ignore",
  });
  workers.push(worker);
  return worker;
}

async function waitFor<T>(read: () => Promise<T>, until: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await (await getBoss()).stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
  await db.$disconnect();
});

describe("worker crash", () => {
  it("[JOB-02] reclaims a run from a killed worker and completes it exactly once", async () => {
    const userId = (await createUser({ email: `crash-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const config = parsePipelineConfig({ scenario: "baseline", seed: 5, data: { users: 400, events: 40_000 } });
    const { id: runId } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 5 }, config });
    await dispatchPipelineRun({ runId });

    const first = startWorker();
    const running = await waitFor(() => getRunForWorker({ id: runId }), (r) => r?.status === "running", 60_000);
    expect(running?.status).toBe("running");
    await new Promise((r) => setTimeout(r, 1500)); // mid-run
    first.kill("SIGKILL");

    startWorker();
    const done = await waitFor(() => db.simulationRun.findUnique({ where: { id: runId }, select: { status: true, tries: true, result: true } }), (r) => r?.status === "succeeded" || r?.status === "failed", 120_000);
    expect(done?.status).toBe("succeeded");
    expect(done?.tries).toBe(2);
    expect(done?.result).not.toBeNull();
    // Let any straggler (the killed worker's orphaned child, a duplicate job) finish its attempt.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await db.modelVersion.count({ where: { runId } })).toBe(1);
  }, 200_000);

  it("[JOB-08] SIGTERM mid-run: the worker stops within its 5 s grace and exits 0, and the run is reclaimed and completes exactly once", async () => {
    const userId = (await createUser({ email: `term-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const config = parsePipelineConfig({ scenario: "baseline", seed: 6, data: { users: 400, events: 40_000 } });
    const { id: runId } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 6 }, config });
    await dispatchPipelineRun({ runId });

    const first = startWorker();
    const running = await waitFor(() => getRunForWorker({ id: runId }), (r) => r?.status === "running", 60_000);
    expect(running?.status).toBe("running");
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise<number | null>((resolve) => first.once("exit", (code) => resolve(code)));
    const t = Date.now();
    first.kill("SIGTERM");
    const code = await exited;
    const stopMs = Date.now() - t;
    expect(code).toBe(0);
    expect(stopMs).toBeLessThanOrEqual(7_000);

    startWorker();
    const done = await waitFor(() => db.simulationRun.findUnique({ where: { id: runId }, select: { status: true, tries: true } }), (r) => r?.status === "succeeded" || r?.status === "failed", 120_000);
    console.log(`JOB-08 | SIGTERM → worker exited ${code} after ${stopMs} ms | run ${done?.status} after ${done?.tries} tries`);
    expect(done?.status).toBe("succeeded");
    await new Promise((r) => setTimeout(r, 3000));
    expect(await db.modelVersion.count({ where: { runId } })).toBe(1);
  }, 200_000);

  it("[JOB-06] a run past its deadline is killed: its training process is gone, the run fails once with the deadline message (no retry), and the worker takes the next run", async () => {
    const userId = (await createUser({ email: `deadline-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const slow = parsePipelineConfig({ scenario: "baseline", seed: 8, data: { users: 2000, events: 300_000 } });
    const quick = parsePipelineConfig({ scenario: "baseline", seed: 9, data: { users: 200, events: 10_000 } });
    const { id: slowId } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 8 }, config: slow });
    const { id: quickId } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 9 }, config: quick });
    await dispatchPipelineRun({ runId: slowId });
    await dispatchPipelineRun({ runId: quickId });
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: { ...process.env, RUN_DEADLINE_SECONDS: "4", LOG_SILENT: "1" }, stdio: "ignore" });
    workers.push(worker);
    const t = Date.now();
    await waitFor(() => getRunForWorker({ id: slowId }), (r) => r?.status === "running", 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    // The slow run's training process (the worker's only child while it runs).
    const training = spawnSync("pgrep", ["-P", String(worker.pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).map(Number);
    expect(training.length).toBe(1);
    const failed = await waitFor(() => db.simulationRun.findUnique({ where: { id: slowId }, select: { status: true, error: true, tries: true, startedAt: true, finishedAt: true } }), (r) => r?.status === "failed" || r?.status === "succeeded", 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const isAlive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const left = training.filter(isAlive).join(",");
    const quickDone = await waitFor(() => db.simulationRun.findUnique({ where: { id: quickId }, select: { status: true } }), (r) => r?.status === "succeeded" || r?.status === "failed", 60_000);
    const ranMs = failed?.finishedAt && failed.startedAt ? failed.finishedAt.getTime() - failed.startedAt.getTime() : null;
    console.log(`JOB-06 | deadline 4 s | slow run ${failed?.status} after ${ranMs} ms (${failed?.tries} try): ${failed?.error} | training process ${training.join(",")} alive afterwards: ${left || "no"} | next run ${quickDone?.status} | ${Date.now() - t} ms in all`);
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toContain("deadline");
    expect(failed?.tries).toBe(1);
    expect(ranMs!).toBeLessThan(4_000 + 3_000);
    expect(left, "the killed run's training process").toBe("");
    expect(quickDone?.status).toBe("succeeded");
  }, 200_000);
});
