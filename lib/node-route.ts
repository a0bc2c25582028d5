/**
 * A lean path for the JSON API. Next.js spends ~1 ms of CPU per request on its router, tracing and
 * web-stream plumbing around a route handler; for POST /api/predict (a model-serving call answered
 * in ~0.1 ms) that overhead, and the garbage it makes, was the latency.
 *
 * instrumentation.ts registers the same route handler functions Next serves (app/api/.../route.ts)
 * on globalThis, and scripts/web-server.mjs hands matching requests to them through `toNodeHandler`
 * instead of to Next. The handler, its auth, validation, rate limit and error mapping are identical;
 * only the HTTP adapter differs. Handlers answer with a complete body (JSON), which is buffered.
 * Pages, next-auth, unmatched paths and `next dev` go through Next as usual.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import apiHeaders from "@/lib/api-headers.json";
import { MAX_BODY_BYTES } from "@/lib/http";
import { log } from "@/lib/log";

/** Any app/api route handler (its params type is its own: the router supplies what the path names). */
export type WebRouteHandler = (req: Request, route: { params: Promise<never> }) => Promise<Response>;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, params?: Record<string, string>) => Promise<void>;

/** Where web-server.mjs looks for the lean router: (req, res) => whether it took the request. */
export const NODE_ROUTES_KEY = Symbol.for("beyond-the-model.node-routes");

type Route = { method: string; segments: string[]; handler: NodeHandler };

/**
 * Registers route handlers by "METHOD /api/path/[param]" (one [param] per dynamic segment, as in
 * app/api). A request is taken only on an exact match whose segments all decode and none is "." or
 * ".."; anything else (HEAD, OPTIONS, trailing slashes, dot segments, unknown paths) goes to Next.
 */
export function registerNodeRoutes(routes: Record<string, WebRouteHandler>) {
  const table: Route[] = Object.entries(routes).map(([key, handler]) => {
    const [method, path] = key.split(" ") as [string, string];
    return { method, segments: path.split("/"), handler: toNodeHandler(handler) };
  });
  (globalThis as Record<symbol, unknown>)[NODE_ROUTES_KEY] = (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = matchRoute(table, req.method ?? "GET", req.url ?? "/");
    if (!match) return false;
    void match.route.handler(req, res, match.params);
    return true;
  };
}

export function matchRoute<R extends { method: string; segments: string[] }>(table: R[], method: string, url: string): { route: R; params: Record<string, string> } | null {
  const q = url.indexOf("?");
  const parts = (q < 0 ? url : url.slice(0, q)).split("/");
  for (const route of table) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const want = route.segments[i]!;
      const got = parts[i]!;
      if (want.startsWith("[") && want.endsWith("]")) {
        const value = decodeSegment(got);
        if (value === null || value === "" || value === "." || value === "..") ok = false;
        else params[want.slice(1, -1)] = value;
      } else ok = want === got;
    }
    if (ok) return { route, params };
  }
  return null;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The request body, buffered up to one chunk past the route limit: the handler's own size check
 * then answers 413. The rest of an oversize body is read and dropped (never buffered), so the client
 * can finish sending and read the answer; a body still streaming 10 s after that is cut off.
 */
function readBody(req: IncomingMessage): Promise<{ chunks: Buffer[]; size: number; isTruncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isTruncated = false;
    req.on("data", (chunk: Buffer) => {
      if (isTruncated) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        isTruncated = true;
        resolve({ chunks, size, isTruncated });
        setTimeout(() => req.complete || req.destroy(), 10_000).unref();
      }
    });
    req.once("end", () => resolve({ chunks, size, isTruncated }));
    req.once("error", reject);
  });
}

/** Runs a Web-standard route handler for a Node request, with the API routes' security headers. */
export function toNodeHandler(handler: WebRouteHandler): NodeHandler {
  return async (req, res, params = {}) => {
    const aborted = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      const { chunks, size } = req.method === "GET" || req.method === "HEAD" ? { chunks: [], size: 0 } : await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name === "content-length" || name === "transfer-encoding") continue;
        headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      // The body as read (past the limit when truncated), so the handler's size check sees it too.
      if (chunks.length > 0) headers.set("content-length", String(size));
      const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        signal: aborted.signal,
      });
      const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
      const body = Buffer.from(await response.arrayBuffer());
      res.statusCode = response.status;
      for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) res.setHeader("set-cookie", cookies);
      for (const [name, value] of Object.entries(apiHeaders)) res.setHeader(name, value);
      res.end(body);
    } catch (error) {
      log.error({ error: String(error), path: req.url }, "lean route failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", ...apiHeaders });
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side" } }));
    }
  };
}
