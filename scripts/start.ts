/**
 * `npm start` — the supervisor. Starts the embedded PostgreSQL (unless DATABASE_URL is set), applies
 * migrations, seeds content, builds the app when the sources are newer than the last build, then runs
 * the web server. SIGINT/SIGTERM stop the children first, then the database it started.
 *
 *   --dev   run Next's development server (scripts/web-server.mjs with WEB_DEV=1) instead of building and
 *           running the production one
 *
 * It also starts one simulation worker (START_WORKER=0 skips it; `npm run worker` runs one elsewhere).
 *
 * Environment: PORT (3000), DATABASE_URL, PGDATA_DIR (.pgdata/data), EMBEDDED_PG_PORT (5433),
 * NEXTAUTH_SECRET (generated once into the data folder), NEXTAUTH_URL, GITHUB_ID/GITHUB_SECRET,
 * WEB_CONCURRENCY, WEB_MAX_HEAP_MB (512), WEB_NODE_FLAGS (extra node flags for the web server, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` or `--trace-gc`, which NODE_OPTIONS refuses).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { lowerPriority } from "@/lib/jobs/priority";
import { createLogger } from "@/lib/log";

const log = createLogger({ service: "supervisor" });
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataRoot = path.resolve(process.env.PGDATA_DIR ?? ".pgdata/data");
const startedAt = performance.now();

let database: RunningPostgres | undefined;
const children: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    database = await startEmbeddedPostgres({
      dataDir: dataRoot,
      port: Number(process.env.EMBEDDED_PG_PORT ?? 5433),
      databases: ["app"],
      onLog: (m) => m && log.debug({ m }, "postgres"),
    });
    process.env.DATABASE_URL = database.urlFor("app");
    log.info({ dataDir: dataRoot, port: database.port }, "embedded postgres started");
  } else {
    log.info({}, "using DATABASE_URL");
  }
  process.env.NEXTAUTH_SECRET ??= loadOrCreateSecret(path.join(path.dirname(dataRoot), "nextauth-secret"));
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const migration = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL });
  log.info({ applied: migration.applied, ms: Math.round(migration.ms) }, "migrations checked");

  // Imported after DATABASE_URL is final: the Prisma client reads it when the module loads.
  const { seedFromContentFiles } = await import("@/lib/db/seed-files");
  const seeded = await seedFromContentFiles();
  log.info(seeded, "content seeded");
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();

  if (!isDev && needsBuild()) {
    log.info({}, "building the app (sources changed since the last build)");
    const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  }

  // Production: scripts/web-server.mjs runs Next's handler in WEB_CONCURRENCY processes on one port.
  const web = isDev
    ? spawn(process.execPath, ["scripts/web-server.mjs"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development", WEB_DEV: "1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" } })
    : spawn(process.execPath, [`--max-old-space-size=${Number(process.env.WEB_MAX_HEAP_MB) || 512}`, ...(process.env.WEB_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []), "scripts/web-server.mjs"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" } });
  children.push(web);
  web.on("exit", (code, signal) => {
    if (!stopping) {
      log.error({ code, signal }, "web server exited");
      void shutdown(code ?? 1);
    }
  });
  // The simulation worker: consumes pipeline runs from the PostgreSQL job queue (scripts/worker.ts).
  if (process.env.START_WORKER !== "0") {
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: "inherit", env: { ...process.env, SERVICE_NAME: "worker" } });
    children.push(worker);
    // Everything the worker does is batch work (its runs' processes are niced too): when it shares the
    // machine with the web server, storing a finished run's result must not take the CPU from requests.
    lowerPriority(worker.pid, "worker", log);
    worker.on("exit", (code, signal) => {
      if (!stopping) log.error({ code, signal }, "worker exited; simulations will wait until it is restarted");
    });
  }
  await waitForHealth(port);
  log.info({ url: `http://localhost:${port}`, ms: Math.round(performance.now() - startedAt) }, "ready");
}

function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** True when there is no build, or any source file is newer than it. */
function needsBuild(): boolean {
  const marker = path.resolve(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "generated", "prisma/content", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  return sources.some((source) => newestMtime(path.resolve(source)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

async function waitForHealth(webPort: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`http://127.0.0.1:${webPort}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`web server did not become healthy on port ${webPort}`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({}, "shutting down");
  await Promise.all(children.map((child) => stopChild(child)));
  if (database) {
    await database.stop().catch((error: unknown) => log.error({ error }, "postgres stop failed"));
    log.info({}, "embedded postgres stopped");
  }
  process.exit(code);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, 10_000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
    child.kill("SIGTERM");
  });
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch((error: unknown) => {
  log.error({ error }, "start failed");
  void shutdown(1);
});
