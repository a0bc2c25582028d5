import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { createAccount, signInApi, uniqueEmail } from "../helpers";

/** Stack frames, file positions, Prisma/SQL text: none of it may reach a response body (RELIABILITY §2 "no-leak regex"). */
export const LEAK = /(\bat \S+ \(|\bat async\b|\.tsx?:\d+|\.js:\d+:\d+|prisma|\bP\d{4}\b|SELECT |INSERT |UPDATE "|node_modules|"stack"|\bstack\b)/i;

export type ErrorBody = { error: { code: string; message: string; issues?: { field: string; message: string }[] } };

/** A fresh signed-in API context (a new user keeps every group under the per-user rate limits). */
export async function freshUser(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, tag: string): Promise<{ ctx: APIRequestContext; email: string }> {
  const ctx = await playwright.request.newContext({ baseURL });
  const email = uniqueEmail(tag);
  await createAccount(ctx, email);
  await signInApi(ctx, email);
  return { ctx, email };
}

/** Asserts the one JSON error shape, the status, no leaked internals; returns the parsed body. */
export async function expectError(res: APIResponse, status: number, label: string): Promise<ErrorBody> {
  const text = await res.text();
  expect(res.status(), `${label}: status (body ${text.slice(0, 300)})`).toBe(status);
  expect(res.headers()["content-type"] ?? "", `${label}: content type`).toMatch(/^application\/json/);
  expect(text, `${label}: leak`).not.toMatch(LEAK);
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body), `${label}: top-level keys`).toEqual(["error"]);
  expect(typeof body.error.code, `${label}: code`).toBe("string");
  expect(typeof body.error.message, `${label}: message`).toBe("string");
  for (const key of Object.keys(body.error)) expect(["code", "message", "issues"], `${label}: error keys`).toContain(key);
  if (body.error.issues !== undefined) {
    expect(Array.isArray(body.error.issues), `${label}: issues`).toBe(true);
    for (const issue of body.error.issues) {
      expect(typeof issue.field, `${label}: issue.field`).toBe("string");
      expect(typeof issue.message, `${label}: issue.message`).toBe("string");
    }
  }
  return body;
}

/** Asserts a non-5xx answer with no leaked internals, whatever its status. */
export async function expectNo5xx(res: APIResponse, label: string): Promise<string> {
  const text = await res.text();
  expect(res.status(), `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text, `${label}: leak`).not.toMatch(LEAK);
  return text;
}

export function sendRaw(ctx: APIRequestContext, method: string, path: string, body?: string | Buffer, contentType: string | null = "application/json"): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers["content-type"] = contentType;
  return ctx.fetch(path, { method, headers, ...(body === undefined ? {} : { data: typeof body === "string" ? Buffer.from(body, "utf8") : body }), maxRedirects: 0 });
}

export async function countAttempts(ctx: APIRequestContext): Promise<number> {
  const res = await ctx.get("/api/attempts");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { attempts: unknown[] }).attempts.length;
}

export async function countRuns(ctx: APIRequestContext): Promise<number> {
  const res = await ctx.get("/api/runs");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { runs: unknown[] }).runs.length;
}

/** A valid JSON document of exactly `bytes` bytes whose only content is padding in `field`. */
export function paddedJson(base: Record<string, unknown>, field: string, bytes: number): string {
  const empty = JSON.stringify({ ...base, [field]: "" });
  return JSON.stringify({ ...base, [field]: "a".repeat(bytes - Buffer.byteLength(empty)) });
}

/** The e2e server's own embedded PostgreSQL (playwright.config.ts), for seeding in bulk and counting rows. */
export function e2eDatabaseUrl(): string {
  return `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "5435"}/app`;
}
