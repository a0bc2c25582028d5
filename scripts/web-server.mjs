/**
 * The production web server: Next.js's request handler on a plain Node HTTP server, in
 * WEB_CONCURRENCY processes sharing one port (node:cluster). A Node process renders on one core;
 * on a machine that also trains simulations, a second web process keeps pages quick while the
 * (niced) training takes what is left. Started by scripts/start.ts; runs on its own too:
 *   NODE_ENV=production PORT=3000 node scripts/web-server.mjs
 * With WEB_DEV=1 it runs Next's development server instead (one process, `npm run dev`), so pages get
 * the same headers in development as in production.
 *
 * Workers that die are replaced. Messages a worker posts as { type: "broadcast", … } reach every
 * other worker (lib/cluster-bus.ts uses it so a session ended in one process ends in all).
 */
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import { createRenderGate } from "./render-gate.mjs";

const port = Number(process.env.PORT ?? 3000);
const isDev = process.env.WEB_DEV === "1";
const concurrency = isDev ? 1 : Math.max(1, Math.min(16, Number(process.env.WEB_CONCURRENCY) || Math.min(2, os.availableParallelism())));
const decodes = (path) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};
const contentSecurityPolicy = (nonce) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React Flow, Recharts and Next inject inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
const PAGE_HEADERS = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
  ["permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ["cross-origin-opener-policy", "same-origin"],
];
const log = (level, msg, extra = {}) => process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: "web", msg, ...extra })}\n`);

if (cluster.isPrimary && concurrency > 1) {
  process.title = "next-server (primary)";
  let stopping = false;
  const startedAt = new Map();
  let quickExits = 0;
  const fork = () => startedAt.set(cluster.fork({ WEB_WORKER: "1" }).id, Date.now());
  for (let i = 0; i < concurrency; i++) fork();
  // The primary accepts connections and hands each to the worker holding the fewest (least
  // connections), rather than node:cluster's round-robin. A keep-alive connection stays with its worker,
  // and round-robin hands a burst of connections to whichever worker acknowledges first: at 50
  // connections one worker held enough more that its pages took 1.6× as long (per-connection mean
  // latency 206 vs 130 ms), and that imbalance was most of the page p99.
  // The workers that have said they are ready, with the connections each holds.
  const held = new Map();
  const release = (id) => held.has(id) && held.set(id, Math.max(0, held.get(id) - 1));
  const distributor = net.createServer({ pauseOnConnect: true }, (socket) => {
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w && held.has(w.id) && w.isConnected());
    if (workers.length === 0) return void socket.destroy();
    const worker = workers.reduce((a, b) => (held.get(a.id) <= held.get(b.id) ? a : b));
    held.set(worker.id, held.get(worker.id) + 1);
    worker.send({ type: "connection" }, socket, { keepOpen: false }, (error) => {
      if (!error) return;
      release(worker.id);
      socket.destroy();
    });
  });
  distributor.on("error", (error) => {
    log("error", "web server cannot listen", { port, error: String(error) });
    stop(1);
  });
  // A broadcast with an id wants to know when every other worker has handled it (lib/cluster-bus.ts):
  // count their acknowledgements, then tell the sender.
  const pendingAcks = new Map();
  const done = (from, id) => from.isConnected() && from.send({ type: "broadcast-done", id });
  cluster.on("message", (from, message) => {
    if (message?.type === "connection-closed") return void release(from.id);
    if (message?.type === "ready") {
      held.set(from.id, 0);
      if (!distributor.listening) distributor.listen(port, () => log("info", "web server listening", { port, processes: concurrency }));
      return;
    }
    if (message?.type === "broadcast-ack") {
      const pending = pendingAcks.get(message.id);
      if (pending && --pending.left === 0) {
        pendingAcks.delete(message.id);
        done(pending.from, message.id);
      }
      return;
    }
    if (message?.type !== "broadcast") return;
    const others = Object.values(cluster.workers ?? {}).filter((worker) => worker && worker !== from && worker.isConnected());
    if (typeof message.id === "string") {
      if (others.length === 0) done(from, message.id);
      else pendingAcks.set(message.id, { from, left: others.length });
      setTimeout(() => pendingAcks.delete(message.id), 5_000).unref();
    }
    for (const worker of others) worker.send(message);
  });
  cluster.on("exit", (worker, code, signal) => {
    held.delete(worker.id);
    if (stopping) return;
    // A worker that dies right after starting (port taken, broken build) would die again: back off,
    // and give up after five such exits in a row so the supervisor sees the failure.
    quickExits = Date.now() - (startedAt.get(worker.id) ?? 0) < 10_000 ? quickExits + 1 : 0;
    if (quickExits >= 5) {
      log("error", "web workers keep exiting at start; stopping", { code, signal });
      stop(1);
      return;
    }
    log("error", "web worker exited; starting another", { pid: worker.process.pid, code, signal });
    setTimeout(fork, 1000 * 2 ** quickExits);
  });
  function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    distributor.close();
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    for (const worker of workers) {
      worker.once("exit", () => --left === 0 && process.exit(exitCode));
      worker.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(exitCode), 10_000).unref();
  }
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
} else {
  process.title = "next-server";
  const { default: next } = await import("next");
  const app = next({ dev: isDev, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The lean API router registered by instrumentation.ts (lib/node-route.ts): the same route handlers,
  // called without Next's router and stream plumbing. Looked up per request: registration may come late.
  const NODE_ROUTES = Symbol.for("beyond-the-model.node-routes");
  const apiHeaders = JSON.parse(readFileSync(new URL("../lib/api-headers.json", import.meta.url), "utf8"));
  // The client address the sign-in limiter counts (RELIABILITY AUTH-04): the TCP peer, never a header
  // the client chose. Only with TRUSTED_PROXY=1 (one reverse proxy in front that appends the address
  // it saw) is the last X-Forwarded-For entry taken instead. Either way the handlers see exactly one.
  const trustProxy = process.env.TRUSTED_PROXY === "1";
  const clientAddress = (req) => {
    const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
    return forwarded || req.socket.remoteAddress || "unknown";
  };
  const server = http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = clientAddress(req);
    delete req.headers["x-real-ip"];
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    // Next's router answers a path it cannot percent-decode (/api/attempts/%E0%A4%A) with a plain-text
    // 500 before any app code runs: refuse it here as the bad request it is.
    if (pathname.includes("%") && !decodes(pathname)) {
      const isApi = pathname.startsWith("/api/");
      res.writeHead(400, isApi ? { "content-type": "application/json", ...apiHeaders } : { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
      res.end(isApi ? JSON.stringify({ error: { code: "BAD_REQUEST", message: "The path has a malformed percent-escape" } }) : "Bad request: the path has a malformed percent-escape");
      return;
    }
    if (pathname.startsWith("/api/")) {
      // In development route modules reload on edit: only the production server takes the lean path.
      if (!isDev && globalThis[NODE_ROUTES]?.(req, res)) return;
      return void toNext(req, res);
    }
    if (pathname.startsWith("/_next/")) return void toNext(req, res);
    securePage(req, res);
    gateRender(req, res);
  });
  // Pages carry a Content-Security-Policy with a fresh nonce and the usual security headers
  // (RELIABILITY HDR-01/02). Next applies the nonce it finds in the request's CSP header to its own
  // scripts. This was a Next proxy (middleware); done here it costs microseconds instead of ~1 ms of
  // a ~7 ms page. Signed-out visitors are sent to sign-in by each page itself (requirePageUser).
  // JSON routes carry fixed headers from lib/api-headers.json instead; static files need none.
  const securePage = (req, res) => {
    const nonce = randomBytes(18).toString("base64");
    const csp = contentSecurityPolicy(nonce);
    req.headers["content-security-policy"] = csp;
    delete req.headers["content-security-policy-report-only"];
    res.setHeader("content-security-policy", csp);
    for (const [name, value] of PAGE_HEADERS) res.setHeader(name, value);
    const https = req.socket.encrypted || (trustProxy && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() === "https");
    if (https) res.setHeader("strict-transport-security", "max-age=63072000; includeSubDomains");
  };
  const toNext = (req, res) =>
    handle(req, res).catch((error) => {
      log("error", "request failed outside the app", { error: String(error) });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side" } }));
    });
  // Page renders run at most WEB_RENDER_CONCURRENCY at a time per process, the rest wait in arrival
  // order (scripts/render-gate.mjs says why). Static files and the JSON API are not gated.
  const renderLimit = Math.max(0, Number(process.env.WEB_RENDER_CONCURRENCY ?? 2) || 0);
  const gateRender = renderLimit > 0 ? createRenderGate(renderLimit, toNext) : toNext;
  // Longer than typical proxies' idle timeouts, so they never reuse a socket Node just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Development: hot reloading talks over a WebSocket on the same port.
  if (isDev) server.on("upgrade", app.getUpgradeHandler());
  let open = 0;
  if (cluster.isWorker) {
    // Connections come from the primary (least connections, above); say when each one ends.
    process.on("message", (message, socket) => {
      if (message?.type !== "connection" || !socket) return;
      open += 1;
      socket.once("close", () => {
        open -= 1;
        if (process.connected) process.send({ type: "connection-closed" });
      });
      server.emit("connection", socket);
      socket.resume();
    });
    process.send({ type: "ready" });
  } else {
    server.listen(port, () => log("info", "web server listening", { port, processes: concurrency }));
  }
  // Stop taking connections, let requests in flight finish (up to 5 s), then exit.
  const stop = () => {
    server.close(() => cluster.isWorker || process.exit(0));
    server.closeIdleConnections();
    // A worker does not listen itself: it exits once the connections it was handed have gone idle and closed.
    if (cluster.isWorker) setInterval(() => (server.closeIdleConnections(), open === 0 && process.exit(0)), 50).unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
