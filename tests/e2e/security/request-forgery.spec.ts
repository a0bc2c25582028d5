/**
 * RELIABILITY CSRF-01 … CSRF-03 and HOST-01 through the running app. Route handlers get no CSRF
 * defence from Next: lib/http.ts refuses unsafe requests whose Origin is another host (or "null") or
 * whose Sec-Fetch-Site is not same-origin, with 403 before the handler runs; readJson refuses the
 * "simple" cross-site bodies (text/plain, forms) with 415. next-auth's own POSTs need its CSRF token.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { countAttempts, countRuns, expectError, freshUser, sendRaw } from "./support";
import { rawRequest } from "./raw-http";

const answer = JSON.stringify({ drillSlug: "tradeoffs", answer: "A cross-site answer about trade-offs.", durationMs: 1000 });

async function countMocks(ctx: APIRequestContext): Promise<number> {
  return ((await (await ctx.get("/api/mock")).json()) as { mocks: unknown[] }).mocks.length;
}

test.describe("[SECURITY][CSRF] cross-site requests change nothing", () => {
  test("[CSRF-01] with a valid session: Origin of another site, Origin null, Sec-Fetch-Site cross-site → 403; text/plain JSON → 415; 0 rows created", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "csrf");
    const { runId } = (await (await sendRaw(ctx, "POST", "/api/runs", JSON.stringify({ scenario: "baseline", scale: "1M", seed: 3 }))).json()) as { runId: string };
    const forged: { name: string; headers: Record<string, string> }[] = [
      { name: "Origin http://evil.localhost", headers: { origin: "http://evil.localhost" } },
      { name: "Origin of another port", headers: { origin: new URL(baseURL!).origin.replace(/:\d+$/, ":1") } },
      { name: "Origin null", headers: { origin: "null" } },
      { name: "Origin garbage", headers: { origin: "not a url" } },
      { name: "Sec-Fetch-Site cross-site, no Origin", headers: { "sec-fetch-site": "cross-site" } },
      { name: "Sec-Fetch-Site same-site, no Origin", headers: { "sec-fetch-site": "same-site" } },
      { name: "same Origin but Sec-Fetch-Site cross-site", headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "cross-site" } },
    ];
    const targets: { method: string; path: string; body?: string }[] = [
      { method: "POST", path: "/api/attempts", body: answer },
      { method: "POST", path: "/api/runs", body: JSON.stringify({ scenario: "baseline", scale: "1M", seed: 4 }) },
      { method: "POST", path: "/api/mock" },
      { method: "POST", path: `/api/runs/${runId}/cancel` },
      { method: "POST", path: "/api/account/sign-out-everywhere" },
      { method: "POST", path: "/api/account/password", body: JSON.stringify({ currentPassword: "correct horse battery staple", newPassword: "a password chosen by evil" }) },
      { method: "PUT", path: "/api/attempts", body: answer },
    ];
    const observed: string[] = [];
    for (const f of forged) {
      for (const t of targets) {
        const res = await ctx.fetch(t.path, { method: t.method, headers: { "content-type": "application/json", ...f.headers }, ...(t.body ? { data: Buffer.from(t.body) } : {}) });
        observed.push(`${f.name} | ${t.method} ${t.path} | got ${res.status()}`);
        // PUT is not served at all (405 before anything); every served unsafe method is refused as cross-site.
        if (t.method === "PUT") expect(res.status(), `${f.name} ${t.method} ${t.path}`).toBe(405);
        else expect((await expectError(res, 403, `${f.name} ${t.method} ${t.path}`)).error.code).toBe("FORBIDDEN");
      }
    }
    // The classic cross-site form: JSON sent as text/plain (no preflight) or urlencoded, no Origin (old browsers / privacy proxies).
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await ctx.fetch("/api/attempts", { method: "POST", headers: { "content-type": type }, data: Buffer.from(answer) });
      observed.push(`no Origin, ${type} | POST /api/attempts | got ${res.status()}`);
      await expectError(res, 415, type);
    }
    console.log(observed.join("\n"));
    expect(await countAttempts(ctx), "0 attempts created").toBe(0);
    expect(await countRuns(ctx), "only the run made before, same-origin").toBe(1);
    expect(await countMocks(ctx), "0 mocks created").toBe(0);
    const run = (await (await ctx.get(`/api/runs/${runId}`)).json()) as { run: { status: string } };
    expect(run.run.status, "the run was not cancelled").not.toBe("cancelled");
    expect((await ctx.get("/api/attempts")).status(), "the session was not ended, the password not changed").toBe(200);

    // Positive control: the same requests from the app's own pages (same Origin, Sec-Fetch-Site same-origin) work.
    const same = { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin", "content-type": "application/json" };
    expect((await ctx.fetch("/api/attempts", { method: "POST", headers: same, data: Buffer.from(answer) })).status()).toBe(201);
    expect((await ctx.fetch("/api/mock", { method: "POST", headers: same })).status()).toBe(201);
    expect((await ctx.fetch(`/api/runs/${runId}/cancel`, { method: "POST", headers: same })).status()).toBe(202);
    await ctx.dispose();
  });

  test("[CSRF-01] a real browser page on another origin cannot post with the learner's cookie", async ({ page, playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "csrf-browser");
    await page.context().addCookies((await ctx.storageState()).cookies);
    // 127.0.0.1 and localhost are different origins (and sites) on the same server.
    const other = baseURL!.replace("localhost", "127.0.0.1");
    await page.goto(`${other}/sign-in`);
    const statuses = await page.evaluate(async (target) => {
      const out: number[] = [];
      for (const [path, body] of [["/api/mock", undefined], ["/api/attempts", JSON.stringify({ drillSlug: "tradeoffs", answer: "from evil", durationMs: 1 })]] as const) {
        const res = await fetch(`${target}${path}`, { method: "POST", credentials: "include", headers: body ? { "content-type": "text/plain" } : {}, body }).catch(() => null);
        out.push(res ? res.status : 0); // 0: the browser's CORS rule hides the answer; the server still saw the request
      }
      return out;
    }, baseURL!);
    console.log(`CSRF-01 browser | cross-origin fetch POSTs | statuses seen by the page ${statuses.join(",")}`);
    expect(await countAttempts(ctx)).toBe(0);
    expect(await countMocks(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("[CSRF-02] next-auth sign-out and sign-in without the CSRF token are refused; the session survives", async ({ playwright, baseURL }) => {
    const { ctx, email } = await freshUser(playwright, baseURL, "csrf-nextauth");
    const out = await ctx.post("/api/auth/signout", { form: { callbackUrl: "/", json: "true" }, maxRedirects: 0 });
    console.log(`CSRF-02 | POST /api/auth/signout without csrfToken | got ${out.status()} ${out.headers()["location"] ?? ""}`);
    expect(out.headers()["set-cookie"] ?? "", "no cookie cleared").not.toMatch(/next-auth\.session-token=;/);
    expect((await ctx.get("/api/attempts")).status(), "session intact").toBe(200);
    const anon = await playwright.request.newContext({ baseURL });
    const signIn = await anon.post("/api/auth/callback/credentials", { form: { email, password: "correct horse battery staple", json: "true" }, maxRedirects: 0 });
    console.log(`CSRF-02 | POST credentials without csrfToken | got ${signIn.status()} ${signIn.headers()["location"] ?? ""}`);
    expect(signIn.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");
    expect(((await (await anon.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
    await anon.dispose();
    await ctx.dispose();
  });

  test("[CSRF-03] GET and HEAD on every state-changing path → 405 + Allow; nothing changes", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "csrf-get");
    const { id: attemptId } = (await (await sendRaw(ctx, "POST", "/api/attempts", answer)).json()) as { id: string };
    const { id: mockId } = (await (await ctx.post("/api/mock")).json()) as { id: string };
    const paths = [`/api/attempts/${attemptId}/grade`, "/api/runs/x/cancel", "/api/predict", "/api/account/sign-up", "/api/account/password", "/api/account/sign-out-everywhere", `/api/mock/${mockId}/answer`];
    const before = { attempts: await countAttempts(ctx), runs: await countRuns(ctx), mocks: await countMocks(ctx) };
    for (const path of paths) {
      for (const method of ["GET", "HEAD"]) {
        const res = await ctx.fetch(path, { method });
        expect(res.status(), `${method} ${path}`).toBe(405);
        expect(res.headers()["allow"] ?? "", `${method} ${path}: Allow`).toContain("POST");
      }
    }
    expect({ attempts: await countAttempts(ctx), runs: await countRuns(ctx), mocks: await countMocks(ctx) }).toEqual(before);
    expect((await ctx.get("/api/attempts")).status(), "GET sign-out-everywhere ended nothing").toBe(200);
    await ctx.dispose();
  });
});

test.describe("[SECURITY][HOST-01] a forged Host never reaches a Location or a body", () => {
  test("[HOST-01] Host / X-Forwarded-Host evil.example on sign-in, sign-out, redirects and API answers → 0 mentions", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "host");
    const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const variants: Record<string, string>[] = [{ host: "evil.example" }, { "x-forwarded-host": "evil.example" }, { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }];
    const requests: { method: string; path: string; body?: string; type?: string; withCookie?: boolean }[] = [
      { method: "GET", path: "/drills" }, // the page redirects to sign-in
      { method: "GET", path: "/attempts/x?y=1" },
      { method: "GET", path: "/api/auth/signin" },
      { method: "GET", path: "/api/auth/signin/credentials" },
      { method: "GET", path: "/api/auth/providers" },
      { method: "GET", path: "/api/auth/csrf" },
      { method: "GET", path: "/api/auth/session", withCookie: true },
      { method: "GET", path: "/api/auth/signout" },
      { method: "POST", path: "/api/auth/signout", body: "callbackUrl=%2F&json=true", type: "application/x-www-form-urlencoded", withCookie: true },
      { method: "POST", path: "/api/auth/callback/credentials", body: "email=a%40b.c&password=x&json=true", type: "application/x-www-form-urlencoded" },
      { method: "GET", path: "/api/attempts", withCookie: true },
      { method: "POST", path: "/api/mock", withCookie: true },
      { method: "GET", path: "/api/no-such-thing" },
      { method: "GET", path: "/sign-in" },
    ];
    const hits: string[] = [];
    let total = 0;
    for (const headers of variants) {
      for (const r of requests) {
        const res = await rawRequest(baseURL!, r.path, { method: r.method, body: r.body, headers: { ...headers, ...(r.type ? { "content-type": r.type } : {}), ...(r.withCookie ? { cookie } : {}) } });
        total += 1;
        const location = String(res.headers["location"] ?? "");
        if (location.includes("evil.example") || res.body.includes("evil.example")) hits.push(`${JSON.stringify(headers)} ${r.method} ${r.path} → ${res.status} ${location}`);
      }
    }
    console.log(`HOST-01 | ${total} requests with a forged host | ${hits.length} mention evil.example\n${hits.join("\n")}`);
    expect(hits).toEqual([]);
    await ctx.dispose();
  });
});
