/**
 * Load figures on loopback with autocannon, against a server this script starts itself (port 3200,
 * its own embedded PostgreSQL in .pgdata/load, rate limits raised ×1000 so the limiter is not what
 * is measured). While the largest simulation preset (1M events) trains in the worker it measures:
 *   - page p99 (GET /drills, signed in) at 50 connections
 *   - read API p99 (GET /api/attempts?limit=20) at 50 connections
 *   - answer submissions p99 at 20 connections, and stored rows vs 2xx count
 *   - /api/predict p99 at 200 requests/s (open-loop Poisson arrivals, see poissonPhase)
 * then /api/predict again once the run has finished. Each phase also reports the web server's CPU
 * time per request (all its processes), which does not depend on what else the machine is doing.
 *   - with --soak-minutes N: web server RSS growth over N minutes of mixed reads and writes at 10
 *     connections, after a 1-minute warm-up (RELIABILITY PERF-04)
 *   - with --only predict|pages: only that phase, on a quiet machine, --repeat N times (for work on
 *     one path; the full run is what the README quotes); --only pages-training repeats the pages
 *     phase while the 1M-event run trains
 *   npm run -s load [-- --seconds 20 --soak-minutes 10 | --only predict --repeat 3]
 */
import { execSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import pg from "pg";
import { percentile } from "../lib/pipeline/serving/latency";

const PORT = 3200;
const BASE = `http://localhost:${PORT}`;
/** The server's own embedded PostgreSQL (started by start.ts with the port below), read directly for counts. */
const PG_PORT = 5437;
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/app`;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 20);
const SOAK_MINUTES = arg("soak-minutes", 0);
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
if (ONLY != null && !["predict", "pages", "pages-training"].includes(ONLY)) throw new Error("--only must be one of: predict, pages, pages-training");
const REPEAT = arg("repeat", 1);

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function session(tag: string): Promise<string> {
  const email = `load-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = "load test password";
  await fetch(`${BASE}/api/account/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token"));
  if (!cookie) throw new Error("sign-in failed");
  return cookie.split(";")[0]!;
}

async function startRun(cookie: string, scale: string): Promise<string> {
  const res = await fetch(`${BASE}/api/runs`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ scenario: "baseline", scale, seed: 3 }) });
  return ((await res.json()) as { runId: string }).runId;
}

async function waitForRun(cookie: string, runId: string) {
  for (;;) {
    const { run } = (await (await fetch(`${BASE}/api/runs/${runId}`, { headers: { cookie } })).json()) as { run: { status: string } };
    if (!["queued", "running"].includes(run.status)) return run.status;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let serverPid = 0;

/** This script's web server processes: titled "next-server" (primary and workers) and started by our start.ts. */
function webPids(): number[] {
  const out = execSync(`ps -eo pid,args | grep "next-server" | grep -v grep || true`).toString();
  const parentOf = (pid: number) => Number(readProc(pid, "stat").split(") ")[1]?.split(" ")[1] ?? 0);
  const ours = (pid: number) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (p === serverPid) return true;
    return false;
  };
  return out.split("\n").filter(Boolean).map((line) => Number(line.trim().split(/\s+/)[0])).filter(ours);
}

function webRssMb(): number {
  return Math.round(webPids().reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, "status"))?.[1] ?? 0), 0) / 1024);
}

/** CPU time (user + system, ms) the web server's processes have used so far. */
function webCpuMs(): number {
  return webPids().reduce((sum, pid) => {
    const fields = readProc(pid, "stat").split(") ")[1]?.split(" ") ?? [];
    return sum + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
  }, 0);
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

type RunState = { status: string; fraction: number };
async function runState(cookie: string, runId: string): Promise<RunState> {
  const { run } = (await (await fetch(`${BASE}/api/runs/${runId}`, { headers: { cookie } })).json()) as { run: { status: string; progress: { fraction: number } } };
  return { status: run.status, fraction: Math.round(run.progress.fraction * 100) / 100 };
}

type Background = { cookie: string; runId: string } | null;

/**
 * Runs one phase's load and adds what every phase reports beside its latencies: the web server's
 * CPU per request (a figure that does not depend on what else the machine runs), and the background
 * run's state before and after, so a reader can see the phase really overlapped training.
 */
async function measured<T>(background: Background, work: () => Promise<T>, requestsOf: (result: T) => number) {
  const before = background ? await runState(background.cookie, background.runId) : null;
  const cpu0 = webCpuMs();
  const result = await work();
  const cpuMs = webCpuMs() - cpu0;
  const after = background ? await runState(background.cookie, background.runId) : null;
  const requests = requestsOf(result);
  return {
    result,
    serverCpuMsPerRequest: requests ? Math.round((cpuMs / requests) * 100) / 100 : null,
    ...(background ? { training: { before, after } } : {}),
  };
}

/** One autocannon phase. */
async function phase(name: string, options: autocannon.Options, background: Background) {
  const startedAt = new Date().toISOString().slice(11, 19);
  const { result, ...extra } = await measured(background, () => autocannon(options), (r) => r.requests.total);
  process.stderr.write(`load: ${name} (from ${startedAt} UTC): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s\n`);
  return {
    result,
    report: {
      requests: result.requests.total, rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99,
      non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, ...extra,
    },
  };
}

/**
 * Open-loop load at `rate` requests/s with exponential gaps (Poisson arrivals) over a keep-alive pool
 * of `connections` sockets: each request is timed from when it was due, so a slow server cannot hide
 * its queueing (no coordinated omission), and arrivals do not come in the lock-step bursts that
 * autocannon's per-connection rate timers produce.
 */
async function poissonLoad({ rate, seconds, connections, body, cookie }: { rate: number; seconds: number; connections: number; body: () => string; cookie: string }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let due = start;
  let seed = 12345;
  const uniform = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  while (due - start < seconds * 1000) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const scheduled = due;
    const payload = body();
    inFlight.push(new Promise<void>((resolve) => {
      const req = http.request(`${BASE}/api/predict`, { method: "POST", agent, headers: { "content-type": "application/json", cookie, "content-length": Buffer.byteLength(payload) } }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - scheduled);
          if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx += 1;
          resolve();
        });
      });
      req.on("error", () => ((errors += 1), resolve()));
      req.end(payload);
    }));
    due += -Math.log(1 - uniform()) * (1000 / rate);
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies: Float64Array.from(latencies).sort(), seconds: (performance.now() - start) / 1000, non2xx, errors };
}

async function poissonPhase(name: string, options: Parameters<typeof poissonLoad>[0], background: Background) {
  const { result, ...extra } = await measured(background, () => poissonLoad(options), (r) => r.latencies.length);
  const at = (q: number) => Math.round(percentile(result.latencies, q) * 100) / 100;
  const rps = Math.round(result.latencies.length / result.seconds);
  process.stderr.write(`load: ${name}: p99 ${at(99)} ms, ${rps} req/s\n`);
  return {
    requests: result.latencies.length, rps, p50Ms: at(50), p90Ms: at(90), p99Ms: at(99), maxMs: at(100),
    non2xx: result.non2xx, errors: result.errors, ...extra,
    arrivals: `Poisson, ${options.rate}/s, ${options.connections} keep-alive sockets`,
  };
}

async function main() {
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), PGDATA_DIR: ".pgdata/load", EMBEDDED_PG_PORT: String(PG_PORT), RATE_LIMIT_MULTIPLIER: "1000", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  serverPid = server.pid ?? 0;
  try {
    await waitForHealth();
    const owner = await session("owner");
    process.stderr.write("load: training a 1M-preset run to serve /api/predict…\n");
    const servedRun = await startRun(owner, "1M");
    await waitForRun(owner, servedRun);
    // Random (user, post) pairs over the sample's id range, so the near-cache warms up as it would in use.
    let seed = 1;
    const nextId = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const predictLoad = { rate: 200, seconds: SECONDS, connections: 10, cookie: owner, body: () => JSON.stringify({ runId: servedRun, userId: nextId(2000), postId: nextId(50_000), device: "iOS" }) };
    const pagesLoad = { url: `${BASE}/drills`, connections: 50, duration: SECONDS, headers: { cookie: owner } };
    if (ONLY === "pages") {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push((await phase(`pages ${i + 1}/${REPEAT}, no training`, pagesLoad, null)).report);
      console.log(JSON.stringify({ secondsPerPhase: SECONDS, pagesNoTraining: runs }, null, 2));
      return;
    }
    if (ONLY === "predict") {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await poissonPhase(`predict ${i + 1}/${REPEAT}, no training`, predictLoad, null));
      console.log(JSON.stringify({ secondsPerPhase: SECONDS, predictNoTraining: runs }, null, 2));
      return;
    }
    // Warm the paths the phases measure (JIT, caches, pools), as a server that has been up a while is:
    // a fresh server's first 20 s of pages cost ~1.4× the CPU of later ones (5.6 against 4.2 ms a page).
    await autocannon({ url: `${BASE}/drills`, connections: 50, duration: 15, headers: { cookie: owner } });
    await autocannon({ url: `${BASE}/api/attempts?limit=20`, connections: 10, duration: 3, headers: { cookie: owner } });
    // Predictions too: each web process builds the served run's scorer (model, view snapshot) on its first
    // prediction and JIT-compiles the path over the next few hundred. Unwarmed, that second of work landed
    // in the predict phase and read as a spike while the background run finished (p99 112–244 ms).
    await poissonLoad({ ...predictLoad, seconds: 5 });
    process.stderr.write("load: starting the 1B-preset run (1M events) in the background…\n");
    const backgroundRun = await startRun(owner, "1B");
    for (let i = 0; i < 120 && (await runState(owner, backgroundRun)).status === "queued"; i++) await new Promise((r) => setTimeout(r, 500));
    const training = { cookie: owner, runId: backgroundRun };

    const pages = await phase("pages", pagesLoad, training);
    if (ONLY === "pages-training") {
      const runs = [pages.report];
      for (let i = 1; i < REPEAT && (await runState(owner, backgroundRun)).status === "running"; i++) runs.push((await phase(`pages ${i + 1}/${REPEAT}`, pagesLoad, training)).report);
      console.log(JSON.stringify({ secondsPerPhase: SECONDS, pagesWhileTraining: runs }, null, 2));
      return;
    }
    const reads = await phase("read API", { url: `${BASE}/api/attempts?limit=20`, connections: 50, duration: SECONDS, headers: { cookie: owner } }, training);
    const runTag = Date.now().toString(36);
    const writers = await Promise.all(Array.from({ length: 20 }, (_, i) => session(`w${runTag}-${i}`)));
    let k = 0;
    const submissions = await phase("submissions", {
      url: `${BASE}/api/attempts`, connections: 20, duration: SECONDS, method: "POST",
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "content-type": "application/json", cookie: writers[k++ % writers.length]! }, body: JSON.stringify({ drillSlug: "tradeoffs", answer: "Serving trades latency for accuracy: a bigger model ranks better but blows the p99 budget, so we distil it.", durationMs: 1000 }) }) }],
    }, training);
    const predicts = await poissonPhase("predict while training", predictLoad, training);

    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    // Requests still in flight when autocannon's window closes complete after it: let them land first.
    await new Promise((r) => setTimeout(r, 3000));
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Attempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE $1`, [`load-w${runTag}-%`]);
    await db.end();

    process.stderr.write("load: waiting for the background run to finish, then predict on a quiet machine…\n");
    const backgroundStatus = await waitForRun(owner, backgroundRun);
    const predictsQuiet = await poissonPhase("predict, no training", predictLoad, null);
    // The live percentiles merge every web process's window: each stats call should count the same.
    await new Promise((r) => setTimeout(r, 1500));
    const statsCounts: number[] = [];
    for (let i = 0; i < 4; i++) statsCounts.push(((await (await fetch(`${BASE}/api/predict/stats`, { headers: { cookie: owner } })).json()) as { count: number }).count);

    let soak: { minutes: number; warmUpMinutes: number; rssStartMb: number; rssEndMb: number; growthMb: number; p99WorstMinuteMs: number; p99ByMinuteMs: number[]; p99DriftPct: number; databaseConnectionsMax: number; non2xx: number } | null = null;
    if (SOAK_MINUTES > 0) {
      // PERF-04: mixed reads and writes at 10 connections; growth counted after a 1-minute warm-up. The
      // soak runs a minute at a time so the p99 drift (last minute against the first) and the database
      // connections in use (pg_stat_activity, sampled each minute) can be reported beside the RSS.
      let w = 0;
      const soakRequests: autocannon.Request[] = [
        { method: "GET", path: "/drills", headers: { cookie: owner } },
        { method: "GET", path: "/api/attempts?limit=20", headers: { cookie: owner } },
        { setupRequest: (req) => ({ ...req, path: "/api/attempts", method: "POST", headers: { ...req.headers, "content-type": "application/json", cookie: writers[w++ % writers.length]! }, body: JSON.stringify({ drillSlug: "tradeoffs", answer: "Freshness against cost: hourly features catch trends but cost 24× the daily batch.", durationMs: 1000 }) }) },
      ];
      const minute = () => autocannon({ url: BASE, connections: 10, overallRate: 50, duration: 60, requests: soakRequests });
      await minute();
      const rssStartMb = webRssMb();
      const monitor = new pg.Client({ connectionString: DATABASE_URL });
      await monitor.connect();
      const minutes: autocannon.Result[] = [];
      let databaseConnectionsMax = 0;
      for (let i = 0; i < SOAK_MINUTES; i++) {
        minutes.push(await minute());
        const { rows: active } = await monitor.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND pid <> pg_backend_pid()");
        databaseConnectionsMax = Math.max(databaseConnectionsMax, active[0]?.n ?? 0);
      }
      await monitor.end();
      const rssEndMb = webRssMb();
      const p99ByMinuteMs = minutes.map((m) => m.latency.p99);
      const first = p99ByMinuteMs[0] ?? 0;
      soak = {
        minutes: SOAK_MINUTES, warmUpMinutes: 1, rssStartMb, rssEndMb, growthMb: rssEndMb - rssStartMb,
        p99WorstMinuteMs: Math.max(...p99ByMinuteMs), p99ByMinuteMs, p99DriftPct: first ? Math.round((((p99ByMinuteMs.at(-1) ?? first) - first) / first) * 100) : 0,
        databaseConnectionsMax, non2xx: minutes.reduce((sum, m) => sum + m.non2xx, 0),
      };
    }
    const submissions2xx = submissions.result["2xx"];
    console.log(JSON.stringify({
      secondsPerPhase: SECONDS,
      webProcesses: webPids().length - (webPids().length > 1 ? 1 : 0),
      backgroundRun: { preset: "1B (1M events)", statusAtEnd: backgroundStatus },
      pages: { ...pages.report, target: "p99 ≤ 300 ms at 50 connections (GET /drills, signed in)" },
      readApi: { ...reads.report, target: "p99 ≤ 300 ms at 50 connections (GET /api/attempts?limit=20; RELIABILITY PERF-01)" },
      // autocannon counts responses inside its window; requests it sent but had not heard back from
      // still complete, so stored ≥ 2xx and the difference is at most the in-flight count (20).
      submissions: { ...submissions.report, "2xx": submissions2xx, storedRows: Number(rows[0]?.n ?? 0), target: "p99 ≤ 500 ms at 20 connections; stored rows = 2xx (+ ≤ 20 in flight)" },
      predict: { ...predicts, target: "p99 ≤ 10 ms at 200 req/s" },
      predictNoTraining: { ...predictsQuiet, target: "p99 ≤ 10 ms at 200 req/s" },
      predictStatsCounts: statsCounts,
      soak,
    }, null, 2));
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
