// GET|POST /api/auth/* — next-auth (sign-in, callbacks, session, CSRF, sign-out), with the
// credentials callback guarded against brute force (429 + Retry-After after 10 failures a minute)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { recordSignInFailure, signInBlockedFor } from "@/lib/auth/brute-force";
import { log } from "@/lib/log";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function nextAuth(req: Request, ctx: Ctx): Promise<Response> {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

function clientAddress(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local";
}

async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return nextAuth(req, ctx);
  const form = new URLSearchParams(await req.clone().text());
  const email = (form.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  const address = clientAddress(req);
  const retryAfter = await signInBlockedFor({ email, address });
  if (retryAfter !== null) {
    log.warn({ event: "sign-in-throttled", retryAfter }, "auth");
    const url = new URL("/sign-in?error=TooManyAttempts", req.url).toString();
    return Response.json({ url, error: { code: "RATE_LIMITED", message: `Too many sign-in attempts; try again in ${retryAfter} s` } }, { status: 429, headers: { "retry-after": String(retryAfter) } });
  }
  const response = await nextAuth(req, ctx);
  if (response.status === 401) await recordSignInFailure({ email, address });
  return response;
}

/** next-auth's credentials callback throws on GET; answer 405 as for any other wrong method. */
async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Use POST to sign in" } }, { status: 405, headers: { allow: "POST" } });
  }
  return nextAuth(req, ctx);
}

export { GET, POST };
