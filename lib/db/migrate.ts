/**
 * Applies the committed migrations (prisma/migrations) with Prisma's own `migrate deploy`, through the
 * JS schema engine configured in prisma.config.ts — no engine binary is downloaded.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export type MigrateResult = { applied: boolean; ms: number };

const PRISMA_BIN = path.resolve("node_modules/.bin/prisma");
/** Printed by `migrate deploy` once every migration is committed. */
const DEPLOY_DONE = /All migrations have been successfully applied|No pending migrations to apply/;

function runPrisma(args: string[], databaseUrl: string, stopWhen?: RegExp): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stoppedEarly = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The 6.19 CLI keeps a ref'd timer alive for ~10 s after finishing (TOOLCHAIN.md §2);
      // once it has printed its success line the work is committed, so end it then.
      if (stopWhen?.test(output) && !stoppedEarly) {
        stoppedEarly = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: stoppedEarly ? 0 : (code ?? 1), output }));
  });
}

/** Applies pending migrations; cheap (~1 s) when the schema is already up to date. */
export async function migrateDatabase({ databaseUrl }: { databaseUrl: string }): Promise<MigrateResult> {
  const started = performance.now();
  const status = await runPrisma(["migrate", "status"], databaseUrl);
  if (status.code === 0 && /Database schema is up to date/.test(status.output)) {
    return { applied: false, ms: performance.now() - started };
  }
  const deploy = await runPrisma(["migrate", "deploy"], databaseUrl, DEPLOY_DONE);
  if (deploy.code !== 0 || !DEPLOY_DONE.test(deploy.output)) {
    throw new Error(`prisma migrate deploy failed (exit ${deploy.code}):\n${deploy.output.slice(-2000)}`);
  }
  return { applied: true, ms: performance.now() - started };
}
