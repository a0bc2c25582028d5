/**
 * lib/node-route.ts: the lean HTTP adapter web-server.mjs uses for POST /api/predict must answer
 * exactly as the route handler does through Next — status, body, the handler's headers and cookies,
 * the API security headers — and must never buffer more than the body limit.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn() }));
const { matchRoute, toNodeHandler } = await import("@/lib/node-route");
const { MAX_BODY_BYTES } = await import("@/lib/http");
const apiHeaders = (await import("@/lib/api-headers.json")).default;

let seen: { url: string; method: string; body: string; cookie: string | null; contentLength: string | null }[] = [];
const handler = toNodeHandler(async (req) => {
  const body = await req.text();
  seen.push({ url: req.url, method: req.method, body, cookie: req.headers.get("cookie"), contentLength: req.headers.get("content-length") });
  if (body.length > MAX_BODY_BYTES) return Response.json({ error: { code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
  if (body === "throw") throw new Error("boom");
  const res = Response.json({ echo: JSON.parse(body || "null") as unknown }, { status: 201, headers: { "x-request-id": "r1" } });
  res.headers.append("set-cookie", "a=1; Path=/");
  res.headers.append("set-cookie", "b=2; Path=/");
  return res;
});

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("toNodeHandler", () => {
  it("passes method, path with query, body and cookies through, and answers with the handler's status, body, headers and cookies plus the API security headers", async () => {
    seen = [];
    const res = await fetch(`${base}/api/predict?x=1`, { method: "POST", headers: { "content-type": "application/json", cookie: "s=abc; t=d" }, body: JSON.stringify({ userId: 3 }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ echo: { userId: 3 } });
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    for (const [name, value] of Object.entries(apiHeaders)) expect(res.headers.get(name)).toBe(value);
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!.url).pathname + new URL(seen[0]!.url).search).toBe("/api/predict?x=1");
    expect(seen[0]).toMatchObject({ method: "POST", body: '{"userId":3}', cookie: "s=abc; t=d", contentLength: "12" });
  });

  it("buffers at most one chunk past the body limit, lets the handler refuse it, and drops the rest of the body", async () => {
    seen = [];
    const res = await fetch(`${base}/api/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(MAX_BODY_BYTES * 8) });
    expect(res.status).toBe(413);
    expect(seen[0]!.body.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(seen[0]!.body.length).toBeLessThan(MAX_BODY_BYTES * 8);
  });

  it("answers a handler that throws with the JSON error shape and no detail", async () => {
    const res = await fetch(`${base}/api/predict`, { method: "POST", body: "throw" });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("matchRoute", () => {
  const table = ["GET /api/attempts", "POST /api/attempts", "GET /api/attempts/[id]", "POST /api/runs/[id]/cancel"].map((key) => {
    const [method, path] = key.split(" ") as [string, string];
    return { key, method, segments: path.split("/") };
  });
  const match = (method: string, url: string) => {
    const m = matchRoute(table, method, url);
    return m && { key: m.route.key, params: m.params };
  };

  it("matches exact paths and methods, with the query string ignored", () => {
    expect(match("GET", "/api/attempts?limit=20")).toEqual({ key: "GET /api/attempts", params: {} });
    expect(match("POST", "/api/attempts")).toEqual({ key: "POST /api/attempts", params: {} });
    expect(match("PUT", "/api/attempts")).toBeNull();
    expect(match("HEAD", "/api/attempts")).toBeNull();
  });

  it("fills dynamic segments, percent-decoded", () => {
    expect(match("GET", "/api/attempts/abc123")).toEqual({ key: "GET /api/attempts/[id]", params: { id: "abc123" } });
    expect(match("POST", "/api/runs/r%20x/cancel")).toEqual({ key: "POST /api/runs/[id]/cancel", params: { id: "r x" } });
  });

  it("leaves trailing slashes, extra or empty segments, dot segments and malformed escapes to Next", () => {
    for (const url of ["/api/attempts/", "/api/attempts/x/y", "/api/attempts//", "/api/attempts/%2e%2e", "/api/attempts/..", "/api/attempts/.", "/api/attempts/%E0%A4%A", "/api/nothing"]) {
      expect(match("GET", url), url).toBeNull();
    }
  });
});
