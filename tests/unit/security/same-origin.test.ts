/** CSRF-01 at the unit level: which unsafe requests lib/http.ts lets through to a route handler. */
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn() }));
const { assertSameOrigin } = await import("@/lib/http");

const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/attempts", { method, headers: { host: "localhost:3000", ...headers } });
const refused = (method: string, headers: Record<string, string>) => {
  try {
    assertSameOrigin(req(method, headers));
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: "FORBIDDEN", status: 403 });
    return true;
  }
};

describe("[CSRF-01] same-origin check for unsafe methods", () => {
  it("refuses another site's Origin, Origin null, a malformed Origin and cross-site Sec-Fetch-Site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(refused(method, { origin: "http://evil.localhost" })).toBe(true);
      expect(refused(method, { origin: "http://localhost:3001" })).toBe(true);
      expect(refused(method, { origin: "null" })).toBe(true);
      expect(refused(method, { origin: "garbage" })).toBe(true);
      expect(refused(method, { "sec-fetch-site": "cross-site" })).toBe(true);
      expect(refused(method, { "sec-fetch-site": "same-site" })).toBe(true);
      expect(refused(method, { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" })).toBe(true);
    }
  });

  it("lets through the app's own pages, typed URLs, clients without browser headers, and every safe method", () => {
    expect(refused("POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(refused("POST", { origin: "http://LOCALHOST:3000" })).toBe(false);
    expect(refused("POST", { "sec-fetch-site": "none" })).toBe(false);
    expect(refused("POST", {})).toBe(false); // curl, server-to-server: no ambient cookies to abuse
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(refused(method, { origin: "http://evil.localhost", "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("accepts the public URL's host when a proxy in front rewrites Host", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://x:y@localhost:5432/db");
    vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-000000");
    vi.stubEnv("NEXTAUTH_URL", "https://learn.example.com");
    try {
      expect(refused("POST", { origin: "https://learn.example.com", host: "127.0.0.1:3000" })).toBe(false);
      expect(refused("POST", { origin: "https://evil.example.com", host: "127.0.0.1:3000" })).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
