/**
 * The edge helper every route handler uses: request id + structured request log, optional auth, body
 * parsing with a size limit, and one mapping from errors to the JSON error shape (lib/errors.ts).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError, type ZodType } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { requireUser, type CurrentUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { AppError, type ErrorBody } from "@/lib/errors";
import { log as rootLog, type Logger } from "@/lib/log";

/** Largest JSON body any route accepts, in bytes (a 10,000-character answer is at most ~40 kB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** `audit` collects what the request log line reports besides the request itself (the signed-in user). */
type Context<P> = { req: Request; params: P; log: Logger; audit: { userId?: string } };
type RouteHandler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

/** A route for signed-in users: answers 401 before the handler runs when there is no valid session. */
export function withRoute<P = Record<string, string>>(handler: (ctx: Context<P> & { user: CurrentUser }) => Promise<Response>): RouteHandler<P> {
  return wrap<P>(async (ctx) => {
    const user = await requireUser(ctx.req);
    ctx.audit.userId = user.id;
    return handler({ ...ctx, user, log: ctx.log.child({ userId: user.id }) });
  });
}

/** A route anyone may call (health, sign-up). */
export function withPublicRoute<P = Record<string, string>>(handler: (ctx: Context<P>) => Promise<Response>): RouteHandler<P> {
  return wrap<P>(handler);
}

function wrap<P>(handler: (ctx: Context<P>) => Promise<Response>): RouteHandler<P> {
  return async (req, route) => {
    const requestId = randomUUID();
    const started = performance.now();
    const path = new URL(req.url).pathname;
    const log = rootLog.child({ requestId });
    const audit: { userId?: string } = {};
    let response: Response;
    try {
      assertSameOrigin(req);
      response = await handler({ req, params: await route.params, log, audit });
    } catch (error) {
      // The client hung up mid-request (a closed tab, a load generator's window ending): nobody reads
      // the answer, and it says nothing about the database.
      response = req.signal.aborted ? new Response(null, { status: 499 }) : toErrorResponse(error, log);
    }
    response.headers.set("x-request-id", requestId);
    // Answers carry the learner's own data (or say whether a session is valid): no cache may keep them.
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    // With the caller's address and (withRoute) the user id, a refused request (401/403/404/429) is its own audit line (RELIABILITY LOG-01).
    log.info({ method: req.method, path, status: response.status, userId: audit.userId, ip: req.headers.get("x-forwarded-for") ?? undefined, ms: Math.round(performance.now() - started) }, "request");
    return response;
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery defence for route handlers (Next gives them none): a state-changing
 * request that a browser marks as coming from another site is refused with 403 before the handler,
 * the session check or the body parse (a body-less POST such as sign-out-everywhere never reaches
 * readJson's content-type check). A browser always sends Origin on a cross-origin POST (or
 * `Origin: null` from sandboxed frames, data: URLs and some redirects) and Sec-Fetch-Site on every
 * request; the Origin's host must equal the request's own Host. Requests with neither header are not
 * from a browser (curl, server-to-server) and carry no ambient cookie to abuse, so they pass; the JSON
 * content-type check in readJson then refuses the "simple" cross-site form/text/plain bodies too.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new AppError("FORBIDDEN", "Cross-site requests are not accepted");
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost === null || (originHost.toLowerCase() !== host.toLowerCase() && originHost.toLowerCase() !== publicHost())) {
    throw new AppError("FORBIDDEN", "Cross-site requests are not accepted");
  }
}

/** The host of NEXTAUTH_URL (the public URL), for a proxy in front that rewrites Host; "" when unset. */
function publicHost(): string {
  try {
    const url = getEnv().NEXTAUTH_URL;
    return url ? new URL(url).host.toLowerCase() : "";
  } catch {
    return "";
  }
}

/** Record ids are cuids; anything else (NUL bytes, path tricks, huge strings) is simply not found. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export function isRecordId(value: string): boolean {
  return ID_PATTERN.test(value);
}
export function requireRecordId(value: string, what = "Record"): string {
  if (!isRecordId(value)) throw new AppError("NOT_FOUND", `${what} not found`);
  return value;
}

/** RFC 9110 visible characters (VCHAR, "!" to "~"): no spaces, controls or non-ASCII. */
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

/**
 * The optional `Idempotency-Key` request header: null when absent, else 1–200 visible ASCII
 * characters (a UUID fits), or 400 naming the header and what arrived.
 */
export function readIdempotencyKey(req: Request): string | null {
  const value = req.headers.get("idempotency-key");
  if (value === null || IDEMPOTENCY_KEY_PATTERN.test(value)) return value;
  const got = value.length === 0 ? "an empty value" : value.length > 200 ? `${value.length} characters` : "a space, control or non-ASCII character";
  const message = `Expected the Idempotency-Key header to be 1–200 visible ASCII characters, got ${got}`;
  throw new AppError("BAD_REQUEST", message, { issues: [{ field: "Idempotency-Key", message }] });
}

/** Reads a JSON body: checks content type and size, then validates it with the schema. */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Expected a JSON body (Content-Type: application/json)");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Body must be at most ${MAX_BODY_BYTES} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Body must be at most ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not valid JSON");
  }
  return schema.parse(body);
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not serve: 405 with an Allow header and the JSON error
 * shape (Next's automatic 405 has neither). A route destructures the ones it lacks:
 *   export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
 */
export function otherMethods(...served: Method[]): Record<Method, () => Promise<Response>> {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const handler = async () => {
    const res = errorJson(new AppError("METHOD_NOT_ALLOWED", `This endpoint accepts ${served.join(", ")}`));
    res.headers.set("allow", allow);
    return res;
  };
  return Object.fromEntries(METHODS.map((m) => [m, handler])) as Record<Method, () => Promise<Response>>;
}

export function errorJson(error: AppError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(body, { status: error.status, headers });
}

export function toErrorResponse(error: unknown, log: Logger = rootLog): Response {
  if (error instanceof AppError) return errorJson(error);
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
    const first = issues[0];
    return errorJson(new AppError("INVALID_INPUT", first ? `${first.field}: ${first.message}` : "Invalid input", { issues }));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return errorJson(new AppError("NOT_FOUND", "Not found"));
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ error: (error as Error).message }, "database unavailable");
    return errorJson(new AppError("UNAVAILABLE", "The database is unavailable; try again shortly", { retryAfterSeconds: 5 }));
  }
  log.error({ error }, "unhandled error");
  return errorJson(new AppError("INTERNAL", "Something went wrong on our side"));
}

/**
 * Errors that mean "PostgreSQL is not answering right now" rather than a bug: Prisma's connection
 * codes (P1001 can't reach, P1002/P1008 timed out, P1017 server closed the connection, P2024 pool
 * timeout), PostgreSQL's shutdown / cannot-connect / connection-exception classes (57P0x, 08xxx,
 * 53300 too many connections) and the socket errors node-postgres surfaces.
 */
const UNAVAILABLE_CODES = /^(P1001|P1002|P1008|P1017|P2024|57P01|57P02|57P03|08\w{3}|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;
const UNAVAILABLE_TEXT = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|terminating connection|Connection terminated|server (has )?closed the connection|not queryable|shutting down|starting up|too many clients|PrismaClientInitializationError|Can't reach database|Timed out fetching a new connection|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/i;

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : "";
  return UNAVAILABLE_TEXT.test(text);
}
