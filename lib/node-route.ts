/**
 * A lean path for the hottest JSON route. Next.js spends ~1.5 ms of CPU per request on its router,
 * tracing and web-stream plumbing before and after a route handler runs; for POST /api/predict (a
 * model-serving call answered in ~0.1 ms) that overhead, and the garbage it makes, is the latency.
 *
 * instrumentation.ts registers the same route handler functions Next serves (app/api/.../route.ts)
 * on globalThis, and scripts/web-server.mjs hands matching requests to them through `toNodeHandler`
 * instead of to Next. The handler, its auth, validation, rate limit and error mapping are identical;
 * only the HTTP adapter differs. Everything else (and `next dev`) goes through Next as usual.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import apiHeaders from "@/lib/api-headers.json";
import { MAX_BODY_BYTES } from "@/lib/http";
import { log } from "@/lib/log";

export type WebRouteHandler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Where web-server.mjs looks for lean routes, keyed by "METHOD /exact/path". */
export const NODE_ROUTES_KEY = Symbol.for("beyond-the-model.node-routes");

export function registerNodeRoutes(routes: Record<string, WebRouteHandler>) {
  const table: Record<string, NodeHandler> = {};
  for (const [key, handler] of Object.entries(routes)) table[key] = toNodeHandler(handler);
  (globalThis as Record<symbol, unknown>)[NODE_ROUTES_KEY] = table;
}

const noParams = Promise.resolve({});

/** Runs a Web-standard route handler for a Node request, with the API routes' security headers. */
export function toNodeHandler(handler: WebRouteHandler): NodeHandler {
  return async (req, res) => {
    const aborted = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      // Read at most one byte past the limit: the handler's own body check then answers 413, and
      // the rest of an oversize body is never buffered.
      const chunks: Buffer[] = [];
      let size = 0;
      let isTruncated = false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            isTruncated = true;
            break;
          }
        }
      }
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
      const response = await handler(request, { params: noParams });
      const body = Buffer.from(await response.arrayBuffer());
      res.statusCode = response.status;
      for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) res.setHeader("set-cookie", cookies);
      for (const [name, value] of Object.entries(apiHeaders)) res.setHeader(name, value);
      // An oversize body was left unread: close the connection rather than drain it.
      if (isTruncated) res.setHeader("connection", "close");
      res.end(body);
      if (isTruncated) req.destroy();
    } catch (error) {
      log.error({ error: String(error), path: req.url }, "lean route failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", ...apiHeaders });
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side" } }));
    }
  };
}
