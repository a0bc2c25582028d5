// Runs before every page request: sets the security headers (a CSP with a per-request
// nonce, which Next.js applies to its own scripts) and redirects signed-out visitors away from
// private pages. The redirect is convenience only: every page, route handler and action re-checks
// the session and ownership itself.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { decodeJwt } from "@/lib/auth/jwt";

const PRIVATE_PAGES = /^\/(drills|attempts|account|progress|review|mock|simulations|predict)(\/|$)/;

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React Flow, Recharts and Next inject inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export default async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  let res: NextResponse;
  if (PRIVATE_PAGES.test(pathname) && !(await getToken({ req, secret: process.env.NEXTAUTH_SECRET, decode: decodeJwt }))) {
    // On the configured public URL, never one built from the request's Host header (RELIABILITY HOST-01).
    const signIn = new URL("/sign-in", process.env.NEXTAUTH_URL ?? req.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    res = NextResponse.redirect(signIn);
  } else {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set("content-security-policy", csp);
  res.headers.set("x-content-type-options", "nosniff");
  res.headers.set("x-frame-options", "DENY");
  res.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  res.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
  res.headers.set("cross-origin-opener-policy", "same-origin");
  if (req.nextUrl.protocol === "https:") res.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return res;
}

export const config = {
  // API routes answer JSON and carry fixed security headers from next.config.js instead: no nonce to
  // make, and the hot endpoints (predict, answers) skip this step entirely.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
