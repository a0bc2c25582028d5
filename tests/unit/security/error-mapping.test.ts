import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/generated/prisma/client";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn() }));
const { toErrorResponse } = await import("@/lib/http");
const { log } = await import("@/lib/log");
const quiet = log.child({});
quiet.warn = () => undefined;
quiet.error = () => undefined;

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const prismaError = (code: string, message: string) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "test" });

describe("[RL-03] errors while PostgreSQL is unreachable answer 503 with Retry-After, never 500", () => {
  it.each([
    ["refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["reset", withCode("read ECONNRESET", "ECONNRESET")],
    ["admin shutdown", withCode("terminating connection due to administrator command", "57P01")],
    ["starting up", withCode("the database system is starting up", "57P03")],
    ["connection failure class", withCode("connection failure", "08006")],
    ["too many connections", withCode("sorry, too many clients already", "53300")],
    ["Prisma: can't reach", prismaError("P1001", "Can't reach database server at 127.0.0.1:5432")],
    ["Prisma: server closed the connection", prismaError("P1017", "Server has closed the connection.")],
    ["Prisma: pool timeout", prismaError("P2024", "Timed out fetching a new connection from the connection pool.")],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg: client not queryable", new Error("Client has encountered a connection error and is not queryable")],
  ])("%s", async (_, error) => {
    const res = toErrorResponse(error, quiet);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).not.toMatch(/127\.0\.0\.1|ECONN|P10/);
  });

  it("keeps real bugs and data errors apart from outages", () => {
    expect(toErrorResponse(new TypeError("cannot read properties of undefined"), quiet).status).toBe(500);
    expect(toErrorResponse(prismaError("P2002", "Unique constraint failed"), quiet).status).toBe(500);
    expect(toErrorResponse(prismaError("P2025", "Record not found"), quiet).status).toBe(404);
  });
});
