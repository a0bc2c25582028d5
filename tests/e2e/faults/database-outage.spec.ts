/**
 * RELIABILITY JOB-03 through the running app: PostgreSQL is stopped for 10 s and started again while
 * the web server (2 processes) takes answers at 5 req/s and the worker trains a run. The processes
 * must survive; during the outage every answer gets a 503 JSON with Retry-After within 5 s (no hang,
 * no 500); within 30 s of PostgreSQL returning answers succeed again; every answer that got a 2xx is
 * stored; the run completes.
 *
 * This suite starts its own PostgreSQL, web server and worker (on ports E2E_PG_PORT + 4 / E2E_PORT + 10,
 * by default 5439 / 3110), reusing the build the e2e web server made in .next-e2e.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";
import { startPostgresProcess, type PostgresProcess } from "../../support/postgres-process";
import { PASSWORD, signInApi, uniqueEmail } from "../helpers";

const DATA_DIR = ".pgdata/outage";
// Its own ports, offset from the main e2e server's (E2E_PORT / E2E_PG_PORT) so parallel checkouts do not collide.
const PG_PORT = String(Number(process.env.E2E_PG_PORT ?? 5435) + 4);
const WEB_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://localhost:${WEB_PORT}`;

let postgres: PostgresProcess | undefined;
const children: ChildProcess[] = [];

async function startPostgres(): Promise<string> {
  postgres = await startPostgresProcess({ dataDir: DATA_DIR, port: PG_PORT });
  return postgres.url;
}

async function stopPostgres(): Promise<void> {
  await postgres?.stop();
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.describe("[FAULTS][JOB-03][RL-03] PostgreSQL restarts under live traffic and a training run", () => {
  test.setTimeout(300_000);

  test.afterAll(async () => {
    for (const child of children) if (alive(child)) child.kill("SIGTERM");
    await sleep(2000);
    await stopPostgres();
    rmSync(DATA_DIR, { recursive: true, force: true });
  });

  test("the web server and worker survive, answers get 503 then 2xx, none acknowledged is lost, the run completes", async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    const databaseUrl = await startPostgres();
    const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };
    for (const command of ["migrate", "seed"]) {
      const done = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", command], { env, encoding: "utf8" });
      expect(done.status, done.stderr).toBe(0);
    }
    let webLog = "";
    const web = spawn(process.execPath, ["scripts/web-server.mjs"], {
      env: { ...env, NODE_ENV: "production", PORT: String(WEB_PORT), NEXT_DIST_DIR: ".next-e2e", WEB_CONCURRENCY: "2", NEXTAUTH_SECRET: "outage-test-secret-outage-test-secret-0000", NEXTAUTH_URL: BASE, RATE_LIMIT_MULTIPLIER: "100" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    web.stdout?.on("data", (chunk: Buffer) => (webLog += chunk.toString()));
    web.stderr?.on("data", (chunk: Buffer) => (webLog += chunk.toString()));
    let workerLog = "";
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: { ...env, SERVICE_NAME: "worker" }, stdio: ["ignore", "pipe", "pipe"] });
    worker.stdout?.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
    worker.stderr?.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
    children.push(web, worker);
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
      await sleep(500);
    }

    const api = await playwrightRequest.newContext({ baseURL: BASE });
    const email = uniqueEmail("outage");
    expect((await api.post("/api/account/sign-up", { data: { email, password: PASSWORD } })).status()).toBe(201);
    await signInApi(api, email);

    const started = await api.post("/api/runs", { data: { scenario: "baseline", scale: "1M", seed: 5 } });
    expect(started.status(), await started.text()).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    for (let i = 0; i < 120; i++) {
      const { run } = (await (await api.get(`/api/runs/${runId}`)).json()) as { run: { status: string } };
      if (run.status === "running") break;
      await sleep(500);
    }

    // Answers at 5 per second for the whole test, each recorded with its status and duration.
    type Outcome = { at: number; status: number; ms: number; id?: string; retryAfter?: string; code?: string };
    const outcomes: Outcome[] = [];
    let sending = true;
    const t0 = Date.now();
    const sender = (async () => {
      const inFlight: Promise<void>[] = [];
      for (let i = 0; sending; i++) {
        inFlight.push((async () => {
          const at = Date.now() - t0;
          const res = await api.post("/api/attempts", { data: { drillSlug: "tradeoffs", answer: `Answer ${i}: batch features are cheap but stale; streaming ones are fresh but cost more to run.`, durationMs: 1000 }, timeout: 15_000 }).catch(() => null);
          if (!res) return void outcomes.push({ at, status: 0, ms: Date.now() - t0 - at });
          const body = (await res.json().catch(() => ({}))) as { id?: string; error?: { code?: string } };
          outcomes.push({ at, status: res.status(), ms: Date.now() - t0 - at, id: body.id, retryAfter: res.headers()["retry-after"], code: body.error?.code });
        })());
        await sleep(200);
      }
      await Promise.all(inFlight);
    })();

    await sleep(4000);
    const outageStart = Date.now() - t0;
    await stopPostgres();
    await sleep(2000);
    // RL-03: sign-in fails closed while the limiter's store is down: 503 + Retry-After in ≤ 2 s, no session.
    const logins: { status: number; ms: number; retryAfter?: string; cookie: boolean }[] = [];
    const probe = await playwrightRequest.newContext({ baseURL: BASE });
    for (let i = 0; i < 3; i++) {
      const { csrfToken } = (await (await probe.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const t = Date.now();
      const res = await probe.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" }, timeout: 10_000 });
      logins.push({ status: res.status(), ms: Date.now() - t, retryAfter: res.headers()["retry-after"], cookie: (res.headers()["set-cookie"] ?? "").includes("session-token") });
    }
    await probe.dispose();
    await sleep(8000);
    await startPostgres();
    const outageEnd = Date.now() - t0;
    // Keep sending until 30 s after PostgreSQL is back, then 10 s more that must all succeed.
    await sleep(40_000);
    sending = false;
    await sender;

    const during = outcomes.filter((o) => o.at > outageStart + 1000 && o.at + o.ms < outageEnd);
    const recovered = outcomes.filter((o) => o.at > outageEnd + 30_000);
    const statuses = (list: Outcome[]) => list.reduce<Record<number, number>>((m, o) => ((m[o.status] = (m[o.status] ?? 0) + 1), m), {});
    console.log(`outage | answers sent ${outcomes.length} | during outage ${JSON.stringify(statuses(during))} | after recovery ${JSON.stringify(statuses(recovered))} | slowest answer during outage ${Math.max(0, ...during.map((o) => o.ms))} ms`);

    console.log(`outage | RL-03 sign-ins during the outage: ${logins.map((l) => `${l.status} in ${l.ms} ms`).join(", ")}`);
    for (const l of logins) {
      expect(l.status, "sign-in while PostgreSQL is down").toBe(503);
      expect(Number(l.retryAfter)).toBeGreaterThan(0);
      expect(l.ms).toBeLessThanOrEqual(2000);
      expect(l.cookie).toBe(false);
    }
    expect(alive(web), webLog).toBe(true);
    expect(alive(worker), workerLog.slice(-4000)).toBe(true);
    expect(webLog).not.toContain("web worker exited");
    expect(during.length).toBeGreaterThan(20);
    for (const o of during) {
      expect(o.status, `${JSON.stringify(o)}\n${webLog.split("\n").filter((l) => l.includes('"error"')).slice(-5).join("\n")}`).toBe(503);
      expect(o.code).toBe("UNAVAILABLE");
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
      expect(o.ms).toBeLessThanOrEqual(5000);
    }
    expect(recovered.length).toBeGreaterThan(20);
    expect(recovered.every((o) => o.status === 201)).toBe(true);

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Attempt" WHERE id = ANY($1)`, [acknowledged]);
    await db.end();
    console.log(`outage | acknowledged answers ${acknowledged.length} | stored ${rows.length}`);
    expect(rows.length).toBe(acknowledged.length);

    let status = "";
    for (let i = 0; i < 240; i++) {
      ({ run: { status } } = (await (await api.get(`/api/runs/${runId}`)).json()) as { run: { status: string } });
      if (!["queued", "running"].includes(status)) break;
      await sleep(1000);
    }
    console.log(`outage | run status after the outage: ${status}`);
    expect(status, workerLog.slice(-4000)).toBe("succeeded");
    expect(alive(worker), workerLog.slice(-4000)).toBe(true);
    await api.dispose();
  });
});
