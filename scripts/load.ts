/**
 * Load figures on loopback with autocannon, against a server this script starts itself (port 3200,
 * its own embedded PostgreSQL in .pgdata/load, rate limits raised ×1000 so the limiter is not what
 * is measured). While the largest simulation preset trains in the worker it measures:
 *   - page p99 (GET /drills, signed in) at 50 connections
 *   - answer submissions p99 at 20 connections, and stored rows vs 2xx count
 *   - /api/predict p99 at 200 requests/s
 *   - with --soak-minutes N: web server RSS growth while pages are loaded for N minutes
 *   npm run -s load [-- --seconds 20 --soak-minutes 10]
 */
import { spawn } from "node:child_process";
import { execSync } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";

const PORT = 3200;
const BASE = `http://localhost:${PORT}`;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 20);
const SOAK_MINUTES = arg("soak-minutes", 0);

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

function webRssMb(): number {
  const out = execSync(`ps -eo rss,args | grep "next-server" | grep -v grep || true`).toString();
  return Math.round(out.split("\n").filter(Boolean).reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0) / 1024);
}

const fmt = (r: autocannon.Result) => ({ requests: r.requests.total, rps: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors });

async function main() {
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), PGDATA_DIR: ".pgdata/load", EMBEDDED_PG_PORT: "5437", RATE_LIMIT_MULTIPLIER: "1000", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth();
    const owner = await session("owner");
    process.stderr.write("training a 1M-preset run for /api/predict…\n");
    const servedRun = await startRun(owner, "1M");
    await waitForRun(owner, servedRun);
    process.stderr.write("starting the 1B-preset run in the background (1M events)…\n");
    const backgroundRun = await startRun(owner, "1B");

    const pages = await autocannon({ url: `${BASE}/drills`, connections: 50, duration: SECONDS, headers: { cookie: owner } });
    const runTag = Date.now().toString(36);
    const writers = await Promise.all(Array.from({ length: 20 }, (_, i) => session(`w${runTag}-${i}`)));
    let k = 0;
    const submissions = await autocannon({
      url: `${BASE}/api/attempts`, connections: 20, duration: SECONDS, method: "POST",
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "content-type": "application/json", cookie: writers[k++ % writers.length]! }, body: JSON.stringify({ drillSlug: "tradeoffs", answer: "Serving trades latency for accuracy: a bigger model ranks better but blows the p99 budget, so we distil it.", durationMs: 1000 }) }) }],
    });
    // Random (user, post) pairs over the sample's id range, so the near-cache warms up as it would in use.
    let seed = 1;
    const nextId = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const predicts = await autocannon({
      url: `${BASE}/api/predict`, connections: 10, overallRate: 200, duration: SECONDS, method: "POST",
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "content-type": "application/json", cookie: owner }, body: JSON.stringify({ runId: servedRun, userId: nextId(2000), postId: nextId(50_000), device: "iOS" }) }) }],
    });
    const bgStatus = await (await fetch(`${BASE}/api/runs/${backgroundRun}`, { headers: { cookie: owner } })).json() as { run: { status: string; progress: { fraction: number } } };

    const db = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:5437/app" });
    await db.connect();
    // Requests still in flight when autocannon's window closes complete after it: let them land first.
    await new Promise((r) => setTimeout(r, 3000));
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Attempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE $1`, [`load-w${runTag}-%`]);
    await db.end();

    let soak: { minutes: number; rssStartMb: number; rssEndMb: number; growthMb: number } | null = null;
    if (SOAK_MINUTES > 0) {
      const rssStartMb = webRssMb();
      await autocannon({ url: `${BASE}/drills`, connections: 10, overallRate: 50, duration: SOAK_MINUTES * 60, headers: { cookie: owner } });
      const rssEndMb = webRssMb();
      soak = { minutes: SOAK_MINUTES, rssStartMb, rssEndMb, growthMb: rssEndMb - rssStartMb };
    }
    const submissions2xx = submissions["2xx"];
    console.log(JSON.stringify({
      secondsPerPhase: SECONDS,
      backgroundRun: { preset: "1B (1M events)", statusAtEnd: bgStatus.run.status, fraction: bgStatus.run.progress.fraction },
      pages: { ...fmt(pages), target: "p99 ≤ 300 ms at 50 connections" },
      // autocannon counts responses inside its window; requests it sent but had not heard back from
      // still complete, so stored ≥ 2xx and the difference is at most the in-flight count (20).
      submissions: { ...fmt(submissions), "2xx": submissions2xx, storedRows: Number(rows[0]?.n ?? 0), target: "p99 ≤ 500 ms at 20 connections; stored rows = 2xx (+ ≤ 20 in flight)" },
      predict: { ...fmt(predicts), target: "p99 ≤ 10 ms at 200 req/s" },
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
