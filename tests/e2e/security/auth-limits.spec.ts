/**
 * RELIABILITY AUTH-01 … AUTH-07 through the running app's credentials sign-in. Each test sends from its
 * own loopback address (127.x.y.z; all of 127/8 is loopback), so the per-address counter it measures
 * starts at zero whatever else the suite did. The limits: 10 failed password checks per account and 50
 * per client address, per 60-second window (lib/auth/brute-force.ts).
 */
import { expect, test } from "@playwright/test";
import { createAccount, PASSWORD, uniqueEmail } from "../helpers";
import { freshLoopback, sessionCookieName, signInFrom } from "./raw-http";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test.describe("[SECURITY][AUTH] sign-in limits, enumeration and password policy", () => {
  test("[AUTH-01][AUTH-03] one account: 11th failure → 429, the right password while blocked → 429 and no cookie; another account from the same address signs in; after the window the owner signs in", async ({ request, baseURL }) => {
    test.setTimeout(150_000);
    const ip = freshLoopback();
    const [a, b] = [uniqueEmail("lock-a"), uniqueEmail("lock-b")];
    await createAccount(request, a);
    await createAccount(request, b);
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 15; i++) {
      const res = await signInFrom(baseURL!, ip, a, `wrong password ${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = Number(res.headers["retry-after"]);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const blocked = await signInFrom(baseURL!, ip, a, PASSWORD);
    const blockedAt = Date.now();
    expect(blocked.status, "right password while blocked").toBe(429);
    expect(blocked.jar.has(sessionCookieName), "no session cookie while blocked").toBe(false);
    // AUTH-03: the lock is on A, not on the address: B signs in from the same address at once.
    const other = await signInFrom(baseURL!, ip, b, PASSWORD);
    expect(other.status).toBe(200);
    expect(other.jar.has(sessionCookieName)).toBe(true);
    // After the window A signs in (polling each second; at most window + 1 s after the block).
    const wait = Number(blocked.headers["retry-after"]);
    await sleep(Math.max(0, wait * 1000 - 1000));
    let after = await signInFrom(baseURL!, ip, a, PASSWORD);
    while (after.status === 429 && Date.now() - blockedAt < (wait + 1) * 1000) {
      await sleep(250);
      after = await signInFrom(baseURL!, ip, a, PASSWORD);
    }
    console.log(`AUTH-01/03 | statuses ${statuses.join(",")} | correct while blocked ${blocked.status} | other account same address ${other.status} | owner after ${((Date.now() - blockedAt) / 1000).toFixed(1)} s (Retry-After ${wait}) → ${after.status}`);
    expect(after.status).toBe(200);
    expect(after.jar.has(sessionCookieName)).toBe(true);
  });

  test("[AUTH-02][AUTH-04] credential stuffing: 60 e-mails from one address, each with a new X-Forwarded-For → 401 × 50, then 429; 100 failures on one account with rotating X-Forwarded-For → 429 from the 11th", async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const ip = freshLoopback();
    const seeded = Array.from({ length: 10 }, (_, i) => uniqueEmail(`stuff-${i}`));
    for (const email of seeded) await createAccount(request, email);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const email = i < seeded.length ? seeded[i]! : uniqueEmail(`stuff-x${i}`);
      const res = await signInFrom(baseURL!, ip, email, `Summer2024!${i}`, { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` });
      statuses.push(res.status);
    }
    const firstLimited = statuses.indexOf(429) + 1;
    console.log(`AUTH-02/04 | 60 e-mails, 1 address, rotating X-Forwarded-For | first 429 at attempt ${firstLimited} | 401 × ${statuses.filter((s) => s === 401).length}, 429 × ${statuses.filter((s) => s === 429).length}`);
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
    expect(statuses.slice(50)).toEqual(Array(10).fill(429));

    const victim = uniqueEmail("xff-victim");
    await createAccount(request, victim);
    const ip2 = freshLoopback();
    const perAccount: number[] = [];
    for (let i = 0; i < 100; i++) perAccount.push((await signInFrom(baseURL!, ip2, victim, `guess ${i}`, { "x-forwarded-for": `192.0.2.${i}, 10.0.0.${i}` })).status);
    console.log(`AUTH-04 | 100 failures on one account, new X-Forwarded-For each | first 429 at attempt ${perAccount.indexOf(429) + 1} | 429 × ${perAccount.filter((s) => s === 429).length}`);
    expect(perAccount.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(perAccount.slice(10)).toEqual(Array(90).fill(429));
  });

  test("[AUTH-05] no enumeration: 50 unknown e-mails vs 50 known e-mails with a wrong password → same status and body, medians within 20 %", async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const known = Array.from({ length: 10 }, (_, i) => uniqueEmail(`enum-${i}`));
    for (const email of known) await createAccount(request, email);
    const times: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    const statuses = new Set<number>();
    // Interleaved (machine load hits both alike); a new address every 20 tries stays under the 50/address limit; 5 tries per known account stay under its 10.
    let ip = freshLoopback();
    for (let i = 0; i < 100; i++) {
      if (i > 0 && i % 20 === 0) ip = freshLoopback();
      const kind = i % 2 === 0 ? "known" : "unknown";
      const email = kind === "known" ? known[Math.floor(i / 2) % known.length]! : uniqueEmail(`enum-nobody-${i}`);
      const res = await signInFrom(baseURL!, ip, email, `not the password ${i}`);
      times[kind].push(res.ms);
      statuses.add(res.status);
      bodies.add(res.body);
    }
    const [mk, mu] = [median(times.known), median(times.unknown)];
    const diff = Math.abs(mk - mu) / Math.min(mk, mu);
    console.log(`AUTH-05 | known ${mk.toFixed(1)} ms vs unknown ${mu.toFixed(1)} ms median (difference ${(diff * 100).toFixed(1)} %) | statuses ${[...statuses].join(",")} | distinct bodies ${bodies.size}`);
    expect([...statuses]).toEqual([401]);
    expect(bodies.size).toBe(1);
    expect(diff).toBeLessThan(0.2);
  });

  test("[AUTH-06] password policy: 7 and 11 chars → 422; common passwords → 422; 12, 64 and 128 chars, all lower-case → 201", async ({ request }) => {
    const cases: [string, number][] = [
      ["sevench", 422],
      ["elevenchars", 422],
      ["password1234", 422],
      ["Password123!", 422],
      ["qwertyuiop12", 422],
      ["123456789012", 422],
      ["iloveyou2024", 422],
      ["aaaaaaaaaaaa", 422],
      ["tulip garden", 201],
      ["quiet harbour lanterns drift past the old stone mill at dusk ".repeat(2).slice(0, 64), 201],
      ["a slow river carries the last light of the evening past the reeds; herons wait, frogs start ".repeat(2).slice(0, 128), 201],
      ["onlylowercaseletters", 201],
    ];
    const observed: string[] = [];
    for (const [password, status] of cases) {
      const res = await request.post("/api/account/sign-up", { data: { email: uniqueEmail("policy"), password } });
      observed.push(`${password.length} chars ${JSON.stringify(password.slice(0, 16))} → ${res.status()}`);
      expect(res.status(), `${password.length}: ${password.slice(0, 20)}`).toBe(status);
      if (status === 422) expect(((await res.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(["password"]);
    }
    expect(cases.map(([p]) => p.length)).toEqual(expect.arrayContaining([7, 12, 64, 128]));
    console.log(`AUTH-06 | ${observed.join(" | ")}`);
  });

  test("[AUTH-07] no silent truncation: a 100-character password's first 72 characters plus other text do not sign in", async ({ request, baseURL }) => {
    const email = uniqueEmail("trunc");
    const password = `${"correct horse battery staple ".repeat(3).slice(0, 72)}${"tail-of-the-passphrase-28-ch"}`;
    expect(password.length).toBe(100);
    await createAccount(request, email, password);
    const ip = freshLoopback();
    const truncated = await signInFrom(baseURL!, ip, email, `${password.slice(0, 72)}${"X".repeat(28)}`);
    const prefix = await signInFrom(baseURL!, ip, email, password.slice(0, 72));
    const exact = await signInFrom(baseURL!, ip, email, password);
    console.log(`AUTH-07 | P[0..72]+X… → ${truncated.status} | P[0..72] → ${prefix.status} | P → ${exact.status}`);
    expect(truncated.status).toBe(401);
    expect(prefix.status).toBe(401);
    expect(exact.status).toBe(200);
    expect(exact.jar.has(sessionCookieName)).toBe(true);
  });

  test("[AUTH-08] every callbackUrl of the §2.2 #19 corpus, on sign-in, sign-out and the sign-in page → a URL on the app's origin, 0 × 5xx", async ({ playwright, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const corpus = ["https://evil.example", "//evil.example", "/\\evil.example", "\\/\\/evil.example", "http:evil.example", "javascript:alert(1)", "%2F%2Fevil.example", " /evil", ".....///windows/win.ini", `/${"a".repeat(10_000)}`, "data:text/html,<script>alert(1)</script>", `${origin}.evil.example/x`, `${origin}@evil.example/`];
    const email = uniqueEmail("callback");
    const ctx = await playwright.request.newContext({ baseURL });
    await createAccount(ctx, email);
    const observed: string[] = [];
    const onOrigin = (label: string, status: number, target: string) => {
      observed.push(`${label} → ${status} ${target.slice(0, 80)}`);
      expect(status, label).toBeLessThan(500);
      if (target) expect(new URL(target, baseURL).origin, `${label}: ${target.slice(0, 120)}`).toBe(origin);
    };
    for (const callbackUrl of corpus) {
      const label = JSON.stringify(callbackUrl.slice(0, 40));
      const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const signIn = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, callbackUrl, json: "true" }, maxRedirects: 0 });
      onOrigin(`sign-in ${label}`, signIn.status(), ((await signIn.json().catch(() => ({}))) as { url?: string }).url ?? "");
      const out = await ctx.post("/api/auth/signout", { form: { csrfToken, callbackUrl, json: "true" }, maxRedirects: 0 });
      onOrigin(`sign-out ${label}`, out.status(), ((await out.json().catch(() => ({}))) as { url?: string }).url ?? "");
      const page = await ctx.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      onOrigin(`GET signin ${label}`, page.status(), page.headers()["location"] ?? "");
      const form = await ctx.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(form.status(), `sign-in page ${label}`).toBeLessThan(500);
    }
    // A malformed callback-url cookie (next-auth checks it on every action) is cleared, never a 500.
    for (const value of ["javascript:alert(1)", "\\/\\/evil.example", ".....///windows/win.ini"]) {
      const jar = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.callback-url=${encodeURIComponent(value)}` } });
      for (const path of ["/api/auth/session", "/api/auth/signin", "/api/auth/csrf"]) {
        const res = await jar.get(path, { maxRedirects: 0 });
        onOrigin(`cookie ${JSON.stringify(value)} GET ${path}`, res.status(), res.headers()["location"] ?? "");
      }
      await jar.dispose();
    }
    console.log(`AUTH-08 | ${corpus.length} callbackUrls × 4 entry points, all on ${origin}\n${observed.join("\n")}`);
    await ctx.dispose();
  });
});
