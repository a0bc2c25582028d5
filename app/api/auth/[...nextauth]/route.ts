// GET|POST /api/auth/* — next-auth (sign-in, callbacks, session, CSRF, sign-out), with the
// credentials callback guarded against brute force (429 + Retry-After after 10 failures a minute)
import { createHash } from "node:crypto";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { recordSignInFailure, signInBlockedFor } from "@/lib/auth/brute-force";
import { safeCallbackPath } from "@/lib/account/callback";
import { parseCookieHeader } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/http";
import { log } from "@/lib/log";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function nextAuth(req: Request, ctx: Ctx): Promise<Response> {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

/** A stable pseudonym for the e-mail typed, so log lines of one account can be joined without storing it. */
function accountHash(email: string): string {
  return createHash("sha256").update(email).digest("hex").slice(0, 16);
}

/** The caller's address: scripts/web-server.mjs replaces X-Forwarded-For with the TCP peer (or, with TRUSTED_PROXY=1, the proxy's entry). */
function clientAddress(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
}

/** next-auth's own test (assert.js isValidHttpUrl): what it refuses, it refuses with a 500. */
function isValidHttpUrl(url: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * next-auth answers 500 (InvalidCallbackUrl) to any request whose `callbackUrl` query parameter or
 * callback-url cookie is not an http(s) URL, e.g. `\/\/evil.example` or `javascript:…` (RELIABILITY
 * AUTH-08, langfuse PR #15132). Such a request is sent back to the same path with the parameter made a
 * same-site path and the cookie cleared; null when there is nothing to repair.
 */
function repairCallbackUrl(req: Request): Response | null {
  const url = new URL(req.url);
  const base = getEnv().NEXTAUTH_URL ?? url.origin;
  const param = url.searchParams.get("callbackUrl");
  const badParam = param !== null && !isValidHttpUrl(param, base);
  const badCookies = parseCookieHeader(req.headers.get("cookie")).filter((c) => CALLBACK_COOKIES.includes(c.name) && !isValidHttpUrl(c.value, base));
  if (!badParam && badCookies.length === 0) return null;
  if (badParam) url.searchParams.set("callbackUrl", safeCallbackPath(param, "/"));
  const headers = new Headers({ location: new URL(`${url.pathname}${url.search}`, base).toString() });
  for (const c of badCookies) headers.append("set-cookie", `${c.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${c.name.startsWith("__Secure-") ? "; Secure" : ""}`);
  return new Response(null, { status: req.method === "GET" || req.method === "HEAD" ? 302 : 307, headers });
}

async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const repaired = repairCallbackUrl(req);
  if (repaired) return repaired;
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return nextAuth(req, ctx);
  const form = new URLSearchParams(await req.clone().text());
  const email = (form.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  const address = clientAddress(req);
  let retryAfter: number | null;
  try {
    retryAfter = await signInBlockedFor({ email, address });
  } catch (error) {
    // The limiter's store (PostgreSQL) is down: fail closed with 503 + Retry-After (RELIABILITY RL-03), never a 500.
    return toErrorResponse(error, log);
  }
  if (retryAfter !== null) {
    log.warn({ event: "sign-in-throttled", account: accountHash(email), ip: address, path: "/api/auth/callback/credentials", status: 429, retryAfter }, "auth");
    // On the configured public URL, never the request's Host header (RELIABILITY HOST-01).
    const url = new URL("/sign-in?error=TooManyAttempts", getEnv().NEXTAUTH_URL ?? req.url).toString();
    return Response.json({ url, error: { code: "RATE_LIMITED", message: `Too many sign-in attempts; try again in ${retryAfter} s` } }, { status: 429, headers: { "retry-after": String(retryAfter) } });
  }
  const response = await nextAuth(req, ctx);
  if (response.status === 401) {
    // One line per failed password check (RELIABILITY LOG-01): who (a hash, not the address typed), from where, the outcome; never the password.
    log.warn({ event: "sign-in-failed", account: accountHash(email), ip: address, path: "/api/auth/callback/credentials", status: 401 }, "auth");
    try {
      await recordSignInFailure({ email, address });
    } catch (error) {
      return toErrorResponse(error, log);
    }
  }
  return response;
}

/** next-auth's credentials callback throws on GET; answer 405 as for any other wrong method. */
async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const repaired = repairCallbackUrl(req);
  if (repaired) return repaired;
  const { nextauth } = await ctx.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Use POST to sign in" } }, { status: 405, headers: { allow: "POST" } });
  }
  return nextAuth(req, ctx);
}

export { GET, POST };
