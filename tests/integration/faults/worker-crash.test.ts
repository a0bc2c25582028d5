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

  it("[JOB-06] a run past its deadline is killed: its training process is gone, the run fails once with the deadline message (no retry), and the worker goes on to the next run", async () => {
    // Only this test's worker may take these runs.
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
    const userId = (await createUser({ email: `deadline-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const config = parsePipelineConfig({ scenario: "baseline", seed: 8, data: { users: 400, events: 40_000 } });
    const ids: string[] = [];
    for (const seed of [8, 9]) {
      const { id } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed }, config });
      await dispatchPipelineRun({ runId: id });
      ids.push(id);
    }
    // A 1-second deadline: shorter than the training process takes to start, so every run outlives it.
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: { ...process.env, RUN_DEADLINE_SECONDS: "1", LOG_SILENT: "1" }, stdio: "ignore" });
    workers.push(worker);
    const isAlive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const seen = new Set<number>();
    const final = async () => db.simulationRun.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, error: true, tries: true, startedAt: true, finishedAt: true } });
    const deadline = Date.now() + 60_000;
    let runs = await final();
    while (Date.now() < deadline && !runs.every((r) => r.status === "failed" || r.status === "succeeded")) {
      // Every training process the worker forks, as it runs.
      for (const pid of spawnSync("pgrep", ["-P", String(worker.pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).map(Number)) seen.add(pid);
      await new Promise((r) => setTimeout(r, 100));
      runs = await final();
    }
    await new Promise((r) => setTimeout(r, 500));
    const left = [...seen].filter(isAlive);
    const ms = runs.map((r) => (r.finishedAt && r.startedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null));
    console.log(`JOB-06 | deadline 1 s | runs ${runs.map((r) => `${r.status} (${r.tries} try): ${r.error}`).join("; ")} | ran ${ms.join(", ")} ms | training processes seen ${seen.size}, alive afterwards ${left.length} | worker alive ${worker.exitCode === null}`);
    for (const r of runs) {
      expect(r.status).toBe("failed");
      expect(r.error).toContain("deadline");
      expect(r.tries).toBe(1);
    }
    for (const m of ms) expect(m!).toBeLessThan(1_000 + 2_000);
    expect(seen.size).toBeGreaterThanOrEqual(1);
    expect(left).toEqual([]);
    expect(worker.exitCode).toBeNull();
  }, 200_000);
});
