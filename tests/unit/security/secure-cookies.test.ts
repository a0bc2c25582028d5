/**
 * SESS-01: on the loopback http test server next-auth drops the Secure flag and the __Secure-/__Host-
 * prefixes (it decides from the site URL), so the https case is checked here: with an https
 * NEXTAUTH_URL next-auth's cookie set is prefixed and Secure, and our options do not override it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

type CookieSet = Record<string, { name: string; options: { httpOnly: boolean; sameSite: string; path: string; secure: boolean } }>;
const require = createRequire(import.meta.url);
const { defaultCookies } = require(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as { defaultCookies: (secure: boolean) => CookieSet };

describe("[SESS-01] session cookie flags", () => {
  it("https: __Secure- session token and __Host- CSRF token, HttpOnly, SameSite=Lax, Path=/, Secure", () => {
    const cookies = defaultCookies(true);
    expect(cookies.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(cookies.csrfToken!.name).toBe("__Host-next-auth.csrf-token");
    expect(cookies.csrfToken!.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("our next-auth options leave cookie naming to next-auth (no cookies / useSecureCookies override)", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://x:y@localhost:5432/db");
    vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-000000");
    vi.stubEnv("NEXTAUTH_URL", "https://learn.example.com");
    try {
      const { buildAuthOptions } = await import("@/lib/auth/config");
      const options = buildAuthOptions();
      expect(options.cookies).toBeUndefined();
      expect(options.useSecureCookies).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
