/**
 * Integration tests run against a real PostgreSQL: the embedded server on its own port and data
 * folder, with a database created fresh for each run and migrated by the same code `npm start` uses.
 * DATABASE_URL=… (e.g. in CI with a managed server) skips the embedded server.
 */
import type { TestProject } from "vitest/node";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { startPostgresProcess, type PostgresProcess } from "../support/postgres-process";

let server: PostgresProcess | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    server = await startPostgresProcess({ dataDir: ".pgdata/test", port: process.env.TEST_PG_PORT ?? "5434" });
    adminUrl = server.url;
  }
  const database = `app_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  // Every test file gets a migrated, seeded database, made by the same code `npm start` runs.
  await migrateDatabase({ databaseUrl: url.toString() });
  process.env.DATABASE_URL = url.toString();
  const { seedFromContentFiles } = await import("@/lib/db/seed-files");
  await seedFromContentFiles();
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  project.provide("databaseUrl", url.toString());
  project.provide("adminDatabaseUrl", adminUrl);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}
