/**
 * RELIABILITY SESS-06 and LOG-01 need a web server this test starts itself: one that must refuse to
 * start (missing or short NEXTAUTH_SECRET), and one whose log lines the test reads. Both run the
 * production server (scripts/web-server.mjs) on the build and database of the main e2e server, on
 * E2E_PORT + 20.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "./support";
import { freshLoopback, rawRequest, signInFrom } from "./raw-http";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const BASE = `http://localhost:${PORT}`;
const DIST = ".next-e2e";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWeb(env: Record<string, string | undefined>): { child: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const base = { ...process.env, NODE_ENV: "production", PORT: String(PORT), NEXT_DIST_DIR: DIST, WEB_CONCURRENCY: "1", DATABASE_URL: e2eDatabaseUrl(), NEXTAUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", TRUSTED_PROXY: undefined };
  delete (base as Record<string, unknown>).NEXTAUTH_SECRET;
  const child = spawn(process.execPath, ["scripts/web-server.mjs"], { env: { ...base, ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, log: () => out, exited };
}

async function listening(): Promise<boolean> {
  return fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
}

test.describe("[SECURITY] a server of our own", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });

  for (const [name, secret] of [["without NEXTAUTH_SECRET", undefined], ["with a 16-character NEXTAUTH_SECRET", "0123456789abcdef"]] as const) {
    test(`[SESS-06] the production server refuses to start ${name} (exit ≠ 0, never listening)`, async () => {
      const web = startWeb({ NEXTAUTH_SECRET: secret, LOG_LEVEL: "warn" });
      const code = await Promise.race([web.exited, sleep(90_000).then(() => "timeout" as const)]);
      const served = await listening();
      if (code === "timeout") web.child.kill("SIGKILL");
      console.log(`SESS-06 | ${name} | exit ${String(code)} | listening ${served} | ${web.log().split("\n").find((l) => l.includes("NEXTAUTH_SECRET"))?.slice(0, 160) ?? ""}`);
      expect(code).not.toBe("timeout");
      expect(code).not.toBe(0);
      expect(served).toBe(false);
      expect(web.log()).toContain("NEXTAUTH_SECRET");
    });
  }

  test("[SESS-06] no secret in the repository or the build output", async () => {
    const secret = readFileSync(".pgdata/nextauth-secret", "utf8").trim();
    const inBuild = spawnSync("grep", ["-rlF", secret, DIST], { encoding: "utf8" });
    expect(inBuild.stdout.trim(), "the running secret in the build output").toBe("");
    const tracked = spawnSync("git", ["grep", "-nIE", "-e", "-----BEGIN [A-Z ]*PRIVATE KEY-----", "-e", "AKIA[0-9A-Z]{16}", "-e", "gh[pousr]_[A-Za-z0-9]{36}", "-e", "NEXTAUTH_SECRET=[^ $\"'`]{8,}", "--", ".", ":!tests/**"], { encoding: "utf8" });
    console.log(`SESS-06 | secret in build: ${inBuild.stdout.trim() ? "yes" : "no"} | secret-looking strings in tracked files: ${tracked.stdout.trim().split("\n").filter(Boolean).length}`);
    expect(tracked.stdout.trim()).toBe("");
  });

  test("[LOG-01] one structured line per failed sign-in (account hash, address, outcome) and per refused request (user, address, path, status); the password never appears", async ({ playwright }) => {
    const secret = readFileSync(".pgdata/nextauth-secret", "utf8").trim();
    const web = startWeb({ NEXTAUTH_SECRET: secret, LOG_LEVEL: "info" });
    try {
      for (let i = 0; i < 120 && !(await listening()); i++) await sleep(500);
      const ctx = await playwright.request.newContext({ baseURL: BASE });
      const email = `log01-${Date.now()}@example.com`;
      const password = "LOG01 marker passphrase that must never be logged";
      expect((await ctx.post("/api/account/sign-up", { data: { email, password } })).status()).toBe(201);
      const ip = freshLoopback();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await signInFrom(BASE, ip, email, `${password} wrong ${i}`)).status);
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
      const ok = await signInFrom(BASE, freshLoopback(), `other-${email}`, password);
      expect(ok.status).toBe(401);
      // Refused requests: anonymous 401, another learner's attempt 404, cross-site 403.
      const anon = await rawRequest(BASE, "/api/attempts", { localAddress: ip });
      expect(anon.status).toBe(401);
      const signedUp = await signInFrom(BASE, freshLoopback(), email, password).catch(() => null);
      expect(signedUp?.status).toBe(429); // still blocked: the account lock holds for the window
      const second = `log01-b-${Date.now()}@example.com`;
      expect((await ctx.post("/api/account/sign-up", { data: { email: second, password } })).status()).toBe(201);
      const b = await signInFrom(BASE, ip, second, password);
      expect(b.status).toBe(200);
      const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join("; ");
      expect((await rawRequest(BASE, "/api/attempts/nosuchattempt000000000000", { localAddress: ip, headers: { cookie } })).status).toBe(404);
      await sleep(500);
      const lines = web
        .log()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const failed = lines.filter((l) => l.event === "sign-in-failed");
      const throttled = lines.filter((l) => l.event === "sign-in-throttled");
      const refused = lines.filter((l) => l.msg === "request" && l.status === 401 && l.path === "/api/attempts");
      console.log(`LOG-01 | failed sign-ins logged ${failed.length} (11 made) | throttled ${throttled.length} (3 made) | refused API request lines ${refused.length} | denied (404) lines ${lines.filter((l) => l.status === 404).length} | password in log ${web.log().split(password).length - 1} | e-mail in log ${web.log().split(email).length - 1}\n${JSON.stringify(failed[0])}\n${JSON.stringify(refused[0])}`);
      expect(failed).toHaveLength(11);
      expect(throttled).toHaveLength(3);
      for (const line of [...failed, ...throttled]) {
        expect(line.account, "account hash").toMatch(/^[0-9a-f]{16}$/);
        expect(String(line.ip), "client address").toMatch(/127\.\d+\.\d+\.\d+/);
        expect([401, 429]).toContain(line.status);
        expect(line.level).toBe("warn");
      }
      expect(new Set(failed.slice(0, 10).map((l) => l.account)).size, "one account, one hash").toBe(1);
      const denied = lines.filter((l) => l.msg === "request" && l.status === 404 && l.path === "/api/attempts/nosuchattempt000000000000");
      expect(denied).toHaveLength(1);
      expect(denied[0]!.userId, "denied access names the user").toEqual(expect.any(String));
      expect(String(denied[0]!.ip)).toContain(ip);
      expect(refused.length).toBe(1);
      expect(String(refused[0]!.ip)).toContain(ip);
      expect(web.log().includes(password), "password in the log").toBe(false);
      expect(web.log().includes(email), "e-mail in the log").toBe(false);
      await ctx.dispose();
    } finally {
      web.child.kill("SIGTERM");
      await Promise.race([web.exited, sleep(10_000)]);
    }
  });
});
