/**
 * PostgreSQL stopped and restarted under a live client: while it is down, requests get 503 with
 * Retry-After (never a 500 or a stack); after it is back the same client recovers without a
 * restart, and every acknowledged write is still there.
 */
import { rmSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { startPostgresProcess, type PostgresProcess } from "../../support/postgres-process";

// lib/http.ts is server-only in the app bundle; here we only need its error mapping.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn() }));
const { toErrorResponse } = await import("@/lib/http");

const DATA_DIR = ".pgdata/fault-test";
const PORT = "5438";
let server: PostgresProcess | undefined;

async function startPostgres(): Promise<string> {
  server = await startPostgresProcess({ dataDir: DATA_DIR, port: PORT });
  return server.url;
}

async function stopPostgres(): Promise<void> {
  await server?.stop();
}

afterAll(async () => {
  await stopPostgres();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

describe("database outage", () => {
  it("[JOB-03][RL-03] answers 503 with Retry-After while PostgreSQL is down, recovers after, and loses no acknowledged write", async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    const url = await startPostgres();
    await migrateDatabase({ databaseUrl: url });
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2000 }) });

    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) acknowledged.push((await db.user.create({ data: { email: `before-${i}@example.com` }, select: { id: true } })).id);

    await stopPostgres();
    const failure = await db.user.count().then(() => null, (error: unknown) => error);
    expect(failure).not.toBeNull();
    const response = toErrorResponse(failure);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).not.toMatch(/prisma|ECONN|stack|at /i);

    await startPostgres();
    // The same client (and its pool) reconnects on its own once the server is back.
    let count = -1;
    for (let attempt = 0; attempt < 20 && count < 0; attempt++) {
      count = await db.user.count().catch(async () => {
        await new Promise((r) => setTimeout(r, 250));
        return -1;
      });
    }
    expect(count).toBe(5);
    acknowledged.push((await db.user.create({ data: { email: "after@example.com" }, select: { id: true } })).id);
    expect(await db.user.count({ where: { id: { in: acknowledged } } })).toBe(acknowledged.length);
    await db.$disconnect();
  });
});
