/**
 * RELIABILITY JOB-04: a worker started while its database is unreachable keeps retrying (it used to
 * exit with code 1, and `npm start` does not restart it, so runs waited forever), and serves the
 * queued run once the database answers. "Unreachable" is a TCP proxy in front of the test database
 * that refuses connections until the test opens it; the test itself talks to the database directly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRun } from "@/lib/db/runs";
import { createUser } from "@/lib/db/users";
import { getBoss } from "@/lib/jobs/boss";
import { dispatchPipelineRun } from "@/lib/jobs/pipeline-run-job";
import { parsePipelineConfig } from "@/lib/pipeline/config/parse-config";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let worker: ChildProcess | undefined;
let proxy: net.Server | undefined;
const sockets = new Set<net.Socket>();

/** Forwards 127.0.0.1:<port> to the test database once listening. */
function openProxy(port: number, target: URL): Promise<void> {
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => proxy!.listen(port, "127.0.0.1", resolve));
}

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  for (const s of sockets) s.destroy();
  proxy?.close();
  await (await getBoss()).stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
  await db.$disconnect();
});

describe("worker start-up while the database is down", () => {
  it("[JOB-04] keeps retrying with backoff, then runs the queued job within 15 s of the database coming up", async () => {
    const target = new URL(process.env.DATABASE_URL!);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const viaProxy = new URL(target);
    viaProxy.port = String(port);

    const userId = (await createUser({ email: `start-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const config = parsePipelineConfig({ scenario: "baseline", seed: 9, data: { users: 200, events: 10_000 } });
    const { id: runId } = await createRun({ userId, input: { scenario: "baseline", scale: "1M", seed: 9 }, config });
    await dispatchPipelineRun({ runId });

    let output = "";
    worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: { ...process.env, DATABASE_URL: viaProxy.toString(), LOG_SILENT: "0", LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
    worker.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    worker.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    await sleep(8000);
    expect(worker.exitCode, `the worker must not exit while the database is down:\n${output.slice(-2000)}`).toBeNull();
    expect(output).toContain("queue not reachable; retrying");

    await openProxy(port, target);
    const up = Date.now();
    let status = "queued";
    let startedAfterMs: number | null = null;
    while (Date.now() - up < 120_000) {
      status = (await db.simulationRun.findUnique({ where: { id: runId }, select: { status: true } }))!.status;
      if (status !== "queued" && startedAfterMs === null) startedAfterMs = Date.now() - up;
      if (status === "succeeded" || status === "failed") break;
      await sleep(250);
    }
    console.log(`JOB-04 | worker alive through 8 s of database outage | run picked up ${startedAfterMs} ms after the database came back | final status ${status}`);
    expect(startedAfterMs).not.toBeNull();
    expect(startedAfterMs!).toBeLessThanOrEqual(15_000);
    expect(status).toBe("succeeded");
  }, 200_000);
});
