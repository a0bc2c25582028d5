import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getUserSession, type UserDto } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildAuthOptions } from "./config";
import { decodeJwt } from "./jwt";

let options: ReturnType<typeof buildAuthOptions> | undefined;
export function authOptions() {
  options ??= buildAuthOptions();
  return options;
}

export type CurrentUser = Pick<UserDto, "id" | "email" | "name">;

/**
 * The signed-in user, or null. A token is honoured only while its session version matches the
 * stored one, so sign-out-everywhere and password changes end every older session at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromCookies((await cookies()).getAll()));

/**
 * The same check from a route handler's own request (its Cookie header), so route handlers depend
 * on nothing but the request they were given and also run outside Next's request scope
 * (scripts/web-server.mjs serves /api/predict on a lean path; see lib/node-route.ts).
 */
export function getRequestUser(req: Request): Promise<CurrentUser | null> {
  return userFromCookies(parseCookieHeader(req.headers.get("cookie")));
}

async function userFromCookies(cookieList: { name: string; value: string }[]): Promise<CurrentUser | null> {
  const token = await readSessionToken(cookieList);
  const id = token?.uid;
  if (!id) return null;
  const user = await getUserSession({ id });
  if (!user || user.sessionVersion !== (token.sv ?? -1)) return null;
  if (typeof token.sid === "string" && user.revokedSids.includes(token.sid)) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** `a=1; b=2` → [{ name, value }], values percent-decoded when they decode (as Next's cookie jar does). */
export function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  if (!header) return [];
  const out: { name: string; value: string }[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // a malformed escape: keep the raw text (it will not decode as a session anyway)
    }
    if (name) out.push({ name, value });
  }
  return out;
}

/**
 * The session JWT from the request's cookies (next-auth's name and chunking), decrypted and checked
 * for expiry; null when missing, expired or tampered with. Read directly rather than through
 * getServerSession, which re-encrypts and re-issues the cookie on every call.
 */
async function readSessionToken(cookieList: { name: string; value: string }[]) {
  const env = getEnv();
  const name = `${env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
  const chunks = cookieList
    .filter((c) => c.name === name || c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1) || 0) - Number(b.name.slice(name.length + 1) || 0));
  const raw = chunks.map((c) => c.value).join("");
  if (!raw) return null;
  try {
    return await decodeJwt({ token: raw, secret: env.NEXTAUTH_SECRET });
  } catch {
    return null;
  }
}

/** For route handlers (given their request) and server actions: throws 401 without a valid session. */
export async function requireUser(req?: Request): Promise<CurrentUser> {
  const user = req ? await getRequestUser(req) : await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** For pages: redirects to sign-in (coming back here afterwards) without a valid session. */
export async function requirePageUser(callbackPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
