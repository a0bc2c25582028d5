/**
 * `npm run regrade` — regrades stored attempts whose grade used an older rubric version than the
 * drill's newest rubric (run after changing prisma/content/rubrics/ and seeding). Uses DATABASE_URL,
 * or starts the embedded PostgreSQL the way `npm start` does (stop the app first in that case).
 * Prints {"regraded","unchanged",…} as JSON; exits non-zero on error.
 */
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";

async function main(): Promise<void> {
  let database: RunningPostgres | undefined;
  try {
    if (!process.env.DATABASE_URL) {
      database = await startEmbeddedPostgres({
        dataDir: path.resolve(process.env.PGDATA_DIR ?? ".pgdata/data"),
        port: Number(process.env.EMBEDDED_PG_PORT ?? 5433),
        databases: ["app"],
      });
      process.env.DATABASE_URL = database.urlFor("app");
    }
    // Imported after DATABASE_URL is final: the Prisma client reads it when the module loads.
    const { regradeStaleAttempts } = await import("@/lib/grading/server/regrade");
    const result: { regraded: number; unchanged: number; failed?: number } = await regradeStaleAttempts();
    console.log(JSON.stringify(result));
    if ((result.failed ?? 0) > 0) process.exitCode = 1;
  } finally {
    await database?.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`regrade: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
