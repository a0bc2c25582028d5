import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";

const run = promisify(execFile);
// This file starts from an empty database of its own, as a first `npm start` does.
const adminUrl = inject("adminDatabaseUrl");
const databaseName = `app_startup_${process.pid}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
process.env.DATABASE_URL = databaseUrl;

describe("start-up path: migrations and content seed", () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  const client = new pg.Client({ connectionString: databaseUrl });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  });

  it("applies every committed migration to an empty database, then finds nothing pending", async () => {
    const first = await migrateDatabase({ databaseUrl });
    expect(first.applied).toBe(true);
    const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["User", "Drill", "Rubric", "Attempt", "_prisma_migrations"]));
    const second = await migrateDatabase({ databaseUrl });
    expect(second.applied).toBe(false);
  });

  it("seeds the drill content once and writes nothing on a second start", async () => {
    const { seedFromContentFiles } = await import("@/lib/db/seed-files");
    const first = await seedFromContentFiles();
    expect(first.drillsWritten).toBeGreaterThanOrEqual(11);
    const second = await seedFromContentFiles();
    expect(second).toMatchObject({ drillsWritten: 0, drillsUnchanged: first.drillsWritten, rubricsWritten: 0 });
    const { rows } = await client.query<{ slug: string }>('SELECT slug FROM "Drill"');
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(["whiteboard-system", "framework-steps", "diagnose-null-spike"]));
  });

  it("keeps schema.prisma and the committed migrations in sync (no drift)", async () => {
    // Exit 0: in sync; exit 2: the schema has changes no migration carries.
    const result = await run("node_modules/.bin/prisma", ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    }).then(
      () => 0,
      (error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toBe(0);
  });
});
