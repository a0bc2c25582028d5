/**
 * RELIABILITY AZ-04, AZ-05, CFG-01, HDR-01 and HDR-02 through the running app: every route and private
 * page needs a session (also with the CVE-2025-29927 middleware-bypass header), no response carries
 * secret-looking keys, no source/config file is served, and the security headers hold on 20 routes.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectError, freshUser, sendRaw } from "./support";
import { rawRequest } from "./raw-http";

const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
const BYPASS_PROXY = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, name) : entry === name ? [full] : [];
  });
}

/** Every app/api route file: its URL (dynamic segments filled with a dummy id) and the methods it serves. */
function apiRoutes(): { file: string; path: string; methods: string[]; isPublic: boolean }[] {
  return walk("app/api", "route.ts")
    .filter((file) => !file.includes("[...nextauth]") && !file.includes("[[...path]]"))
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (withRoute|withPublicRoute)/g)].map((m) => m[1]!);
      const isPublic = /withPublicRoute/.test(source);
      const route = `/${path.relative("app", path.dirname(file)).split(path.sep).join("/")}`.replace(/\[[a-z]+\]/gi, "dummyid000000000000000000");
      return { file, path: route, methods, isPublic };
    });
}

/** Every private page (each checks the session itself). */
function privatePages(): string[] {
  return walk("app/(app)", "page.tsx").map((file) => `/${path.dirname(path.relative("app/(app)", file)).split(path.sep).join("/")}`.replace(/\[[a-z]+\]/gi, "dummyid000000000000000000"));
}

test.describe("[SECURITY][AZ-04] every route and private page needs a session", () => {
  test("[AZ-04] without a cookie, and with x-middleware-subrequest: every private route → 401, every private page → sign-in; 0 × 200", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL });
    const routes = apiRoutes();
    const privateCalls = routes.flatMap((r) => (r.isPublic ? [] : r.methods.map((m) => ({ method: m, path: r.path }))));
    expect(privateCalls.length, "found the route handlers").toBeGreaterThanOrEqual(15);
    const observed: string[] = [];
    for (const headers of [{}, BYPASS, BYPASS_PROXY]) {
      for (const call of privateCalls) {
        const res = await anon.fetch(call.path, { method: call.method, headers: { ...headers, "content-type": "application/json" }, data: call.method === "GET" ? undefined : Buffer.from("{}"), maxRedirects: 0 });
        observed.push(`${Object.keys(headers).length ? "bypass " : ""}${call.method} ${call.path} → ${res.status()}`);
        expect((await expectError(res, 401, `${call.method} ${call.path} ${JSON.stringify(headers)}`)).error.code).toBe("UNAUTHORIZED");
      }
    }
    const pages = privatePages();
    expect(pages.length, "found the private pages").toBeGreaterThanOrEqual(10);
    for (const headers of [{}, BYPASS, BYPASS_PROXY]) {
      for (const page of pages) {
        const res = await anon.fetch(page, { headers, maxRedirects: 0 });
        observed.push(`${Object.keys(headers).length ? "bypass " : ""}GET ${page} → ${res.status()} ${res.headers()["location"] ?? ""}`);
        expect([302, 303, 307, 308], `${page} ${JSON.stringify(headers)}`).toContain(res.status());
        expect(res.headers()["location"] ?? "", page).toMatch(/\/sign-in(\?|$)/);
      }
    }
    console.log(`AZ-04 | ${privateCalls.length} private route methods × 3 header sets → 401; ${pages.length} private pages × 3 → sign-in\n${observed.join("\n")}`);
    await anon.dispose();
  });
});

test.describe("[SECURITY][AZ-05] response field minimisation", () => {
  const SECRET_KEY = /hash|password|secret|token/i;

  function keysOf(value: unknown, prefix = ""): string[] {
    if (Array.isArray(value)) return value.flatMap((v) => keysOf(v, `${prefix}[]`));
    if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keysOf(v, `${prefix}.${k}`)]);
    return [];
  }

  test("[AZ-05] every JSON answer of the app's API (and next-auth's session) has 0 keys like hash/password/secret/token, and no other learner's e-mail", async ({ playwright, baseURL }) => {
    const other = await freshUser(playwright, baseURL, "az5-other");
    const { ctx, email } = await freshUser(playwright, baseURL, "az5");
    const bodies: { label: string; json: unknown; text: string }[] = [];
    const record = async (label: string, res: Awaited<ReturnType<typeof ctx.get>>) => {
      const text = await res.text();
      bodies.push({ label: `${label} ${res.status()}`, json: JSON.parse(text), text });
      return JSON.parse(text) as Record<string, unknown>;
    };
    const anon = await playwright.request.newContext({ baseURL });
    await record("POST sign-up", await anon.post("/api/account/sign-up", { data: { email: `az5-new-${Date.now()}@example.com`, password: "a long enough passphrase" } }));
    await record("POST sign-up duplicate", await anon.post("/api/account/sign-up", { data: { email: other.email, password: "a long enough passphrase" } }));
    await record("GET health", await anon.get("/api/health"));
    const { id } = await record("POST attempt", await sendRaw(ctx, "POST", "/api/attempts", JSON.stringify({ drillSlug: "tradeoffs", answer: "Trade-offs: latency versus freshness; cache the features.", durationMs: 5000 })));
    await record("GET attempts", await ctx.get("/api/attempts"));
    await record("GET attempt", await ctx.get(`/api/attempts/${String(id)}`));
    await record("POST grade", await ctx.post(`/api/attempts/${String(id)}/grade`));
    const { runId } = await record("POST run", await sendRaw(ctx, "POST", "/api/runs", JSON.stringify({ scenario: "baseline", scale: "1M", seed: 11 })));
    await record("GET runs", await ctx.get("/api/runs"));
    await record("GET run", await ctx.get(`/api/runs/${String(runId)}`));
    await record("GET run+result", await ctx.get(`/api/runs/${String(runId)}?include=result`));
    await record("POST cancel", await ctx.post(`/api/runs/${String(runId)}/cancel`));
    const { id: mockId } = await record("POST mock", await ctx.post("/api/mock"));
    await record("GET mocks", await ctx.get("/api/mock"));
    await record("GET mock", await ctx.get(`/api/mock/${String(mockId)}`));
    await record("POST mock answer", await sendRaw(ctx, "POST", `/api/mock/${String(mockId)}/answer`, JSON.stringify({ phase: "clarify-requirements", answer: "Who are the users and what is the goal?" })));
    await record("POST predict", await sendRaw(ctx, "POST", "/api/predict", JSON.stringify({ runId: String(runId), userId: 1, postId: 1 })));
    await record("GET predict stats", await ctx.get("/api/predict/stats"));
    await record("GET session", await ctx.get("/api/auth/session"));
    await record("POST password (wrong)", await sendRaw(ctx, "POST", "/api/account/password", JSON.stringify({ currentPassword: "not the password", newPassword: "a brand new passphrase" })));
    await record("POST sign-out-everywhere", await ctx.post("/api/account/sign-out-everywhere"));
    const bad = bodies.flatMap((b) => keysOf(b.json).filter((k) => SECRET_KEY.test(k.split(".").pop()!)).map((k) => `${b.label}: ${k}`));
    const otherEmail = bodies.filter((b) => b.text.includes(other.email)).map((b) => b.label);
    console.log(`AZ-05 | ${bodies.length} responses, ${new Set(bodies.flatMap((b) => keysOf(b.json))).size} distinct key paths | secret-like keys: ${bad.length} | other learner's e-mail: ${otherEmail.length}`);
    expect(bad).toEqual([]);
    expect(otherEmail).toEqual([]);
    expect(bodies.some((b) => b.text.includes(email)), "sanity: the learner's own e-mail is in the session").toBe(true);
    await Promise.all([anon.dispose(), ctx.dispose(), other.ctx.dispose()]);
  });
});

test.describe("[SECURITY][CFG-01] nothing secret is served", () => {
  test("[CFG-01] /.env, /.git/config, /.next/…, /_next/../.env, /prisma/schema.prisma and friends → 404 with none of the file's content", async ({ baseURL }) => {
    const secret = existsSync(".pgdata/nextauth-secret") ? readFileSync(".pgdata/nextauth-secret", "utf8").trim() : null;
    const build = process.env.NEXT_DIST_DIR ?? ".next-e2e";
    // Each path with a snippet that would prove the file itself was served.
    const files: [string, string | null][] = [
      ["/.env", "DATABASE_URL"],
      ["/.env.local", "DATABASE_URL"],
      ["/.git/config", "[core]"],
      ["/.git/HEAD", "ref:"],
      ["/.gitignore", "node_modules/"],
      // The build id is public (every page's HTML carries it), so only the status is checked for BUILD_ID.
      ["/.next/BUILD_ID", null],
      [`/${build}/BUILD_ID`, null],
      ["/.next/required-server-files.json", "\"appDir\""],
      [`/${build}/required-server-files.json`, "\"appDir\""],
      ["/.next/server/app/page.js", "__webpack"],
      [`/${build}/server/app-paths-manifest.json`, "page.js"],
      ["/_next/../.env", "DATABASE_URL"],
      ["/_next/static/../../.env", "DATABASE_URL"],
      ["/_next/static/..%2f..%2f.env", "DATABASE_URL"],
      ["/_next/server/app-paths-manifest.json", "page.js"],
      ["/%2e%2e/.env", "DATABASE_URL"],
      ["/prisma/schema.prisma", "generator client"],
      ["/prisma/migrations/migration_lock.toml", "provider"],
      ["/package.json", "\"dependencies\""],
      ["/next.config.js", "nextConfig"],
      ["/lib/env.ts", "NEXTAUTH_SECRET"],
      ["/.pgdata/nextauth-secret", secret],
      ["/public/../.env", "DATABASE_URL"],
      ["/node_modules/next/package.json", "\"name\": \"next\""],
    ];
    const observed: string[] = [];
    for (const [p, snippet] of files) {
      const res = await rawRequest(baseURL!, p);
      observed.push(`${p} → ${res.status} (${res.body.length} bytes)`);
      expect(res.status, p).toBe(404);
      if (snippet) expect(res.body.includes(snippet), `${p}: file content in the body`).toBe(false);
      if (secret) expect(res.body.includes(secret), `${p}: the secret`).toBe(false);
    }
    console.log(`CFG-01 | ${files.length} paths → 404, 0 bytes of file content\n${observed.join("\n")}`);
  });
});

test.describe("[SECURITY][HDR] security headers", () => {
  test("[HDR-01] 20 routes (pages and JSON, signed in and out): CSP, nosniff, Referrer-Policy, no X-Powered-By; signed-in answers Cache-Control no-store", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "hdr");
    const anon = await playwright.request.newContext({ baseURL });
    const pages = ["/", "/sign-in", "/sign-up", "/drills", "/drills/tradeoffs", "/attempts", "/progress", "/review", "/mock", "/simulations", "/predict", "/account"];
    const apis: [string, string][] = [["GET", "/api/attempts"], ["GET", "/api/runs"], ["GET", "/api/mock"], ["GET", "/api/predict/stats"], ["GET", "/api/health"], ["POST", "/api/attempts"], ["GET", "/api/attempts/nosuchid000000000000000"], ["GET", "/api/auth/session"]];
    const observed: string[] = [];
    for (const [who, c] of [["signed-in", ctx], ["anonymous", anon]] as const) {
      for (const p of pages) {
        const res = await c.get(p, { maxRedirects: 0 });
        const h = res.headers();
        const csp = h["content-security-policy"] ?? "";
        const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
        observed.push(`${who} GET ${p} → ${res.status()} cache-control=${h["cache-control"] ?? "-"}`);
        expect(csp, p).toContain("object-src 'none'");
        expect(csp, p).toContain("base-uri 'none'");
        expect(csp, p).toContain("frame-ancestors 'none'");
        expect(scriptSrc, p).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
        expect(scriptSrc, p).toContain("'strict-dynamic'");
        expect(scriptSrc, p).not.toContain("'unsafe-inline'");
        expect(h["x-content-type-options"], p).toBe("nosniff");
        expect(h["referrer-policy"], p).toBe("strict-origin-when-cross-origin");
        expect(h["x-powered-by"], p).toBeUndefined();
        if (who === "signed-in" && res.status() === 200 && p !== "/sign-in" && p !== "/sign-up") expect(h["cache-control"] ?? "", `${p}: signed-in page`).toContain("no-store");
      }
      for (const [method, p] of apis) {
        const res = await c.fetch(p, { method, headers: { "content-type": "application/json" }, data: method === "POST" ? Buffer.from("{}") : undefined });
        const h = res.headers();
        observed.push(`${who} ${method} ${p} → ${res.status()} cache-control=${h["cache-control"] ?? "-"}`);
        expect(h["content-security-policy"], p).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(h["x-content-type-options"], p).toBe("nosniff");
        expect(h["referrer-policy"], p).toBe("strict-origin-when-cross-origin");
        expect(h["x-powered-by"], p).toBeUndefined();
        expect(h["cache-control"] ?? "", `${who} ${method} ${p}`).toContain("no-store");
      }
    }
    console.log(`HDR-01 | ${pages.length + apis.length} routes × signed-in/anonymous\n${observed.join("\n")}`);
    await Promise.all([ctx.dispose(), anon.dispose()]);
  });

  test("[HDR-02] 20 page loads get 20 distinct nonces, and browsing the app raises 0 CSP violations", async ({ page, playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "hdr2");
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const csp = (await ctx.get(i % 2 ? "/drills" : "/sign-in")).headers()["content-security-policy"] ?? "";
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? `missing-${i}`);
    }
    expect(nonces.size).toBe(20);
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(`console: ${m.text().slice(0, 200)}`));
    await page.context().addCookies((await ctx.storageState()).cookies);
    for (const p of ["/", "/drills", "/drills/tradeoffs", "/drills/whiteboard-system", "/attempts", "/progress", "/review", "/mock", "/simulations", "/predict", "/account", "/sign-up"]) {
      await page.goto(p);
      await page.waitForLoadState("networkidle");
      violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map((v) => `${p}: ${v}`));
    }
    console.log(`HDR-02 | 20 requests → ${nonces.size} distinct nonces | CSP violations while browsing 12 pages: ${violations.length}`);
    expect(violations).toEqual([]);
    await ctx.dispose();
  });
});
