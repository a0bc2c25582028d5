/**
 * VAL-01 — the bad-input corpus of ../shared/RELIABILITY.md §2.2 against every JSON endpoint:
 * the exact status per row, the one JSON error shape, 0 × 5xx, no stack/SQL text in bodies, and
 * nothing stored by a rejected request.
 *
 * Status convention of this app (STYLE.md, lib/errors.ts): schema/type/range errors answer 422
 * INVALID_INPUT (RELIABILITY.md proposed 400 `validation_failed`; the project chose 422), unreadable
 * JSON 400 BAD_REQUEST, too large 413, not JSON 415, unknown or not-yours 404, no session 401.
 *
 * POST /api/attempts spends a rate-limit point before the body is read (30/min/user) and POST
 * /api/runs likewise (10/min/user), so rows run in groups of ≤ 25 / ≤ 10 per fresh user.
 */
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { countAttempts, countRuns, expectError, expectNo5xx, freshUser, LEAK, paddedJson, sendRaw } from "./support";

type Row = {
  name: string;
  method?: string;
  path: string;
  body?: string | Buffer;
  /** null: no Content-Type header at all. */
  ct?: string | null;
  /** Expected status; an array when RELIABILITY.md allows either. */
  status: number | number[];
  /** Expected error code (lib/errors.ts). */
  code?: string;
  /** Field expected among error.issues[].field. */
  field?: string;
};

const j = (value: unknown) => JSON.stringify(value);
const DRILL = "tradeoffs";
const attempt = (over: Record<string, unknown> = {}) => j({ drillSlug: DRILL, answer: "A careful answer about trade-offs.", durationMs: 1000, ...over });
const run = (over: Record<string, unknown> = {}) => j({ scenario: "baseline", scale: "1M", seed: 42, ...over });
const predict = (over: Record<string, unknown> = {}) => j({ runId: "nosuchrun0000000000000000", userId: 1, postId: 1, device: "iOS", ...over });
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const CODE_BY_STATUS: Record<number, string> = { 400: "BAD_REQUEST", 401: "UNAUTHORIZED", 404: "NOT_FOUND", 409: "CONFLICT", 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE", 422: "INVALID_INPUT", 429: "RATE_LIMITED" };

/** Observed statuses, printed per group for the report. */
async function runRows(ctx: APIRequestContext, group: string, rows: Row[]): Promise<void> {
  const observed: string[] = [];
  const mismatches: string[] = [];
  for (const row of rows) {
    const res = await sendRaw(ctx, row.method ?? "POST", row.path, row.body, row.ct === undefined ? "application/json" : row.ct);
    const text = await res.text();
    const allowed = Array.isArray(row.status) ? row.status : [row.status];
    observed.push(`${group} | ${row.name} | ${row.method ?? "POST"} ${row.path.length > 60 ? `${row.path.slice(0, 57)}...` : row.path} | expected ${allowed.join("/")} | got ${res.status()}`);
    if (!allowed.includes(res.status())) {
      mismatches.push(`${row.name}: expected ${allowed.join("/")}, got ${res.status()} ${text.slice(0, 200)}`);
      continue;
    }
    if (res.status() >= 400) {
      const body = await expectError(res, res.status(), `${group}/${row.name}`);
      const code = row.code ?? CODE_BY_STATUS[res.status()];
      if (code) expect.soft(body.error.code, `${group}/${row.name}: code`).toBe(code);
      if (row.field) expect.soft(body.error.issues?.map((i) => i.field), `${group}/${row.name}: field`).toContain(row.field);
      if (res.status() === 429) expect.soft(Number(res.headers()["retry-after"]), `${group}/${row.name}: Retry-After`).toBeGreaterThanOrEqual(1);
    } else {
      expect.soft(text, `${group}/${row.name}: leak`).not.toMatch(LEAK);
    }
  }
  console.log(observed.join("\n"));
  expect(mismatches, `${group}: rows with the wrong status`).toEqual([]);
}

test.describe("[SECURITY][VAL-01] bad-input corpus, every JSON endpoint", () => {
  test.describe.configure({ timeout: 180_000 });

  test("POST /api/attempts — transport: size, content type, JSON syntax (§2.2 #1, #4, #5, #18)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-att-transport");
    const p = "/api/attempts";
    const rows: Row[] = [
      { name: "#1 body of 64 KiB + 1 byte (valid JSON)", path: p, body: paddedJson({ drillSlug: DRILL, durationMs: 1 }, "answer", 64 * 1024 + 1), status: 413 },
      { name: "#1 body of exactly 64 KiB (limit is inclusive → schema answers)", path: p, body: paddedJson({ drillSlug: DRILL, durationMs: 1 }, "answer", 64 * 1024), status: 422, field: "answer" },
      { name: "#1 body of 2 MB", path: p, body: paddedJson({ drillSlug: DRILL, durationMs: 1 }, "answer", 2_000_000), status: 413 },
      { name: "#5 text/plain", path: p, body: attempt(), ct: "text/plain", status: 415 },
      { name: "#5 x-www-form-urlencoded", path: p, body: "drillSlug=tradeoffs&answer=x&durationMs=1", ct: "application/x-www-form-urlencoded", status: 415 },
      { name: "#5 multipart/form-data", path: p, body: "--b\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nx\r\n--b--\r\n", ct: "multipart/form-data; boundary=b", status: 415 },
      { name: "#5 no Content-Type", path: p, body: attempt(), ct: null, status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 truncated JSON", path: p, body: '{"answer":', status: 400 },
      { name: "#4 single-quoted JSON", path: p, body: "{'a':1}", status: 400 },
      { name: "#4 trailing garbage", path: p, body: `${attempt()}xyz`, status: 400 },
      { name: "#13d NaN literal", path: p, body: '{"drillSlug":"tradeoffs","answer":"x","durationMs":NaN}', status: 400 },
      { name: "#13d Infinity literal", path: p, body: '{"drillSlug":"tradeoffs","answer":"x","durationMs":Infinity}', status: 400 },
      { name: "#6 top-level null", path: p, body: "null", status: 422 },
      { name: "#6 top-level array", path: p, body: "[]", status: 422 },
      { name: "#6 top-level string", path: p, body: '"answer"', status: 422 },
      { name: "#6 top-level number", path: p, body: "123", status: 422 },
      { name: "#18 300-level nested JSON in answer", path: p, body: `{"drillSlug":"tradeoffs","answer":${nested(300)},"durationMs":1}`, status: 422, field: "answer" },
      { name: "#18 5000-level nested JSON body", path: p, body: nested(5000), status: 422 },
    ];
    await runRows(ctx, "attempts/transport", rows);
    expect(await countAttempts(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("POST /api/attempts — answer field: length, blank, NUL, type confusion (§2.2 #3, #6, #10a, #10d)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-att-answer");
    const p = "/api/attempts";
    const rows: Row[] = [
      { name: "#3 answer of 10,001 chars", path: p, body: attempt({ answer: "a".repeat(10_001) }), status: 422, field: "answer" },
      { name: "#3 answer empty", path: p, body: attempt({ answer: "" }), status: 422, field: "answer" },
      { name: "#3 answer whitespace only", path: p, body: attempt({ answer: " \n\t\u00a0 " }), status: 422, field: "answer" },
      { name: "#3 answer missing", path: p, body: j({ drillSlug: DRILL, durationMs: 1 }), status: 422, field: "answer" },
      { name: "#6 answer 123", path: p, body: attempt({ answer: 123 }), status: 422, field: "answer" },
      { name: "#6 answer true", path: p, body: attempt({ answer: true }), status: 422, field: "answer" },
      { name: "#6 answer null", path: p, body: attempt({ answer: null }), status: 422, field: "answer" },
      { name: "#6 answer []", path: p, body: attempt({ answer: [] }), status: 422, field: "answer" },
      { name: "#6 answer {$gt:''}", path: p, body: attempt({ answer: { $gt: "" } }), status: 422, field: "answer" },
      { name: "#6 answer {toString:'x'}", path: p, body: attempt({ answer: { toString: "x" } }), status: 422, field: "answer" },
      { name: "#10a NUL in answer", path: p, body: attempt({ answer: "abc\u0000def" }), status: 422, field: "answer" },
      { name: "#10d 2,500 × family emoji (27,500 UTF-16 units)", path: p, body: attempt({ answer: "👨‍👩‍👧‍👦".repeat(2_500) }), status: 422, field: "answer" },
      { name: "#10d 10,000 emoji (20,000 UTF-16 units)", path: p, body: attempt({ answer: "😀".repeat(10_000) }), status: 422, field: "answer" },
      { name: "#6 durationMs as string", path: p, body: attempt({ durationMs: "1000" }), status: 422, field: "durationMs" },
      { name: "#13b durationMs -1", path: p, body: attempt({ durationMs: -1 }), status: 422, field: "durationMs" },
      { name: "#13b durationMs 1.5", path: p, body: attempt({ durationMs: 1.5 }), status: 422, field: "durationMs" },
      { name: "#13d durationMs 1e309 (→ Infinity)", path: p, body: '{"drillSlug":"tradeoffs","answer":"x","durationMs":1e309}', status: 422, field: "durationMs" },
      { name: "#13b durationMs 9007199254740993", path: p, body: '{"drillSlug":"tradeoffs","answer":"x","durationMs":9007199254740993}', status: 422, field: "durationMs" },
      { name: "#13b durationMs 24 h + 1 ms", path: p, body: attempt({ durationMs: 86_400_001 }), status: 422, field: "durationMs" },
      { name: "#6 durationMs null", path: p, body: attempt({ durationMs: null }), status: 422, field: "durationMs" },
      { name: "#6 durationMs true", path: p, body: attempt({ durationMs: true }), status: 422, field: "durationMs" },
    ];
    await runRows(ctx, "attempts/answer", rows);
    expect(await countAttempts(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("POST /api/attempts — slugs, run ids and modes (§2.2 #14, #15)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-att-slug");
    const p = "/api/attempts";
    const rows: Row[] = [
      { name: "#14 drillSlug ../../etc/passwd", path: p, body: attempt({ drillSlug: "../../etc/passwd" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug ..%2F..%2Fetc%2Fpasswd", path: p, body: attempt({ drillSlug: "..%2F..%2Fetc%2Fpasswd" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug %2e%2e/", path: p, body: attempt({ drillSlug: "%2e%2e/" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug a×5000", path: p, body: attempt({ drillSlug: "a".repeat(5000) }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug <script>", path: p, body: attempt({ drillSlug: "<script>alert(1)</script>" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug é", path: p, body: attempt({ drillSlug: "é" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug CON", path: p, body: attempt({ drillSlug: "CON" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug with NUL", path: p, body: attempt({ drillSlug: "tradeoffs\u0000" }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug with RTL override", path: p, body: attempt({ drillSlug: "trade\u202Eoffs" }), status: 422, field: "drillSlug" },
      { name: "#6 drillSlug 123", path: p, body: attempt({ drillSlug: 123 }), status: 422, field: "drillSlug" },
      { name: "#6 drillSlug ['tradeoffs']", path: p, body: attempt({ drillSlug: ["tradeoffs"] }), status: 422, field: "drillSlug" },
      { name: "#14 drillSlug con (well-formed, unknown)", path: p, body: attempt({ drillSlug: "con" }), status: 404, field: "drillSlug" },
      { name: "#15 runId ../x", path: p, body: attempt({ runId: "../x" }), status: 422, field: "runId" },
      { name: "#15 runId 1 OR 1=1", path: p, body: attempt({ runId: "1 OR 1=1" }), status: 422, field: "runId" },
      { name: "#15 runId 10k chars", path: p, body: attempt({ runId: "a".repeat(10_000) }), status: 422, field: "runId" },
      { name: "#15 runId well-formed, not mine", path: p, body: attempt({ runId: "nosuchrun0000000000000000" }), status: 404, field: "runId" },
      { name: "#6 runId 42", path: p, body: attempt({ runId: 42 }), status: 422, field: "runId" },
      { name: "mode diagram on a text-only drill", path: p, body: attempt({ mode: "diagram", answer: j({ nodes: [], edges: [] }) }), status: 422, field: "mode" },
      { name: "mode <b>", path: p, body: attempt({ mode: "<b>" }), status: 422, field: "mode" },
      { name: "diagram answer that is not JSON", path: p, body: attempt({ drillSlug: "whiteboard-system", mode: "diagram", answer: "{nodes" }), status: 422, field: "answer" },
      { name: "diagram answer of the wrong shape", path: p, body: attempt({ drillSlug: "whiteboard-system", mode: "diagram", answer: j({ nodes: "x", edges: [] }) }), status: 422, field: "answer" },
      { name: "diagram with a NaN coordinate (as string)", path: p, body: attempt({ drillSlug: "whiteboard-system", mode: "diagram", answer: '{"nodes":[{"id":"a","label":"x","x":NaN,"y":0}],"edges":[]}' }), status: 422, field: "answer" },
      { name: "estimate answer with -1 and 1e309", path: p, body: attempt({ drillSlug: "scale-discussion", mode: "estimate", answer: '{"1M":{"qps":-1},"1B":{"qps":1e309}}' }), status: 422, field: "answer" },
    ];
    await runRows(ctx, "attempts/slug", rows);
    expect(await countAttempts(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("[AZ-03] POST /api/attempts — accepted hostile text is stored verbatim, once (§2.2 #7, #8, #10b–d, #11, #12)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-att-accept");
    const cases: { name: string; answer: string; stored?: (s: string) => boolean }[] = [
      { name: "#10c RTL override", answer: "total \u202Egnp.exe\u202C done" },
      { name: "#10c zero-width space / BOM / ZWJ", answer: "a\u200Bb\uFEFFc\u200Dd" },
      { name: "#10d Zalgo (1,000 combining marks)", answer: `Z${"\u0301".repeat(999)}` },
      { name: "#10d emoji", answer: "Ship it 🚀👨‍👩‍👧‍👦🇺🇸 — 日本語 — עברית" },
      { name: "#11 script tag", answer: "<script>alert(1)</script>" },
      { name: "#11 javascript: link", answer: "[x](javascript:alert(1))" },
      { name: "#12 SQL tautology", answer: "' OR 1=1 --" },
      { name: "#12 SQL drop", answer: "'; DROP TABLE \"Attempt\";--" },
      { name: "#12 SQL like", answer: "%' OR ''='" },
      { name: "10,000 chars exactly", answer: "b".repeat(10_000) },
    ];
    const observed: string[] = [];
    for (const c of cases) {
      const res = await sendRaw(ctx, "POST", "/api/attempts", attempt({ answer: c.answer }));
      const text = await expectNo5xx(res, c.name);
      observed.push(`attempts/accept | ${c.name} | expected 201 | got ${res.status()}`);
      expect(res.status(), `${c.name}: ${text}`).toBe(201);
      const { id } = JSON.parse(text) as { id: string };
      const stored = ((await (await ctx.get(`/api/attempts/${id}`)).json()) as { attempt: { answer: string } }).attempt.answer;
      if (c.stored) expect(c.stored(stored), `${c.name}: stored ${JSON.stringify(stored.slice(0, 40))}`).toBe(true);
      else expect(stored, `${c.name}: stored verbatim`).toBe(c.answer);
    }
    // A UTF-8 BOM before the JSON is tolerated (Request.text() strips it, as RFC 8259 §8.1 allows).
    const bom = await sendRaw(ctx, "POST", "/api/attempts", `\uFEFF${attempt({ answer: "after a BOM" })}`);
    observed.push(`attempts/accept | #4 UTF-8 BOM before the JSON | expected 201 (BOM ignored) or 400 | got ${bom.status()}`);
    expect([201, 400]).toContain(bom.status());
    // #7 prototype pollution and #8 injected fields: ignored (not stored), and nothing polluted server-side.
    const polluted = await sendRaw(ctx, "POST", "/api/attempts", `{"drillSlug":"tradeoffs","answer":"proto","durationMs":1,"__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}`);
    observed.push(`attempts/accept | #7 __proto__ / constructor.prototype extra keys | expected 201 (ignored) or 422 | got ${polluted.status()}`);
    expect([201, 422]).toContain(polluted.status());
    const injected = await sendRaw(ctx, "POST", "/api/attempts", attempt({ answer: "injected fields", userId: "someone-else", score: 100, grade: { score: 100 }, status: "graded", createdAt: "2000-01-01T00:00:00Z", submittedAt: "2000-01-01T00:00:00Z" }));
    observed.push(`attempts/accept | #8 extra userId/score/grade/status/createdAt | expected 201 (ignored) or 422 | got ${injected.status()}`);
    expect([201, 422]).toContain(injected.status());
    if (injected.status() === 201) {
      const { id } = (await injected.json()) as { id: string };
      const got = ((await (await ctx.get(`/api/attempts/${id}`)).json()) as { attempt: { submittedAt: string; grade: { score: number } | null } }).attempt;
      expect(new Date(got.submittedAt).getFullYear(), "#8 submittedAt is the server's").toBeGreaterThan(2020);
      expect(got.grade?.score ?? 0, "#8 score is computed, not taken from the body").toBeLessThan(100);
    }
    console.log(observed.join("\n"));
    const accepted = cases.length + (bom.status() === 201 ? 1 : 0) + (polluted.status() === 201 ? 1 : 0) + (injected.status() === 201 ? 1 : 0);
    expect(await countAttempts(ctx), "exactly one row per 201").toBe(accepted);
    const health = await ctx.get("/api/health");
    expect(health.status()).toBe(200);
    await ctx.dispose();
  });

  test("[RL-01] POST /api/attempts — the 31st submission in a minute answers 429 + Retry-After", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-att-rl");
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await sendRaw(ctx, "POST", "/api/attempts", attempt({ answer: "" }))).status());
    expect(statuses.every((s) => s === 422), statuses.join(",")).toBe(true);
    const limited = await sendRaw(ctx, "POST", "/api/attempts", attempt());
    console.log(`attempts/rate-limit | 31st POST in 60 s (valid body) | expected 429 | got ${limited.status()}`);
    await expectError(limited, 429, "31st submission");
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(await countAttempts(ctx), "the limited valid submission was not stored").toBe(0);
    await ctx.dispose();
  });

  test("chunked 50 MB body without Content-Length → 413, nothing stored (§2.2 #2)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-chunked");
    const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const url = new URL("/api/attempts", baseURL);
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked", cookie } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (error) => (error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error)));
      const chunk = Buffer.alloc(1024 * 1024, "a");
      req.write('{"drillSlug":"tradeoffs","durationMs":1,"answer":"');
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end('"}');
      };
      pump();
    });
    const ms = Math.round(performance.now() - started);
    console.log(`attempts/chunked | #2 50 MB chunked, no Content-Length | expected 413 | got ${status} in ${ms} ms`);
    expect(status).toBe(413);
    expect(await countAttempts(ctx)).toBe(0);
    expect((await ctx.get("/api/health")).status()).toBe(200);
    await ctx.dispose();
  });

  test("answer with a lone surrogate → 422, nothing stored (§2.2 #10b)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "surrogate");
    const res = await sendRaw(ctx, "POST", "/api/attempts", attempt({ answer: "before \uD800 after" }));
    await expectNo5xx(res, "lone surrogate");
    expect([201, 422]).toContain(res.status());
    expect(await countAttempts(ctx)).toBe(res.status() === 201 ? 1 : 0);
    await ctx.dispose();
  });

  test("diagram answer with NUL in a label/id → 422 (§2.2 #10a)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "diagram-nul");
    const answer = j({ nodes: [{ id: "a", label: "x\u0000y", x: 0, y: 0 }], edges: [] });
    await expectError(await sendRaw(ctx, "POST", "/api/attempts", attempt({ drillSlug: "whiteboard-system", mode: "diagram", answer })), 422, "NUL in diagram label");
    expect(await countAttempts(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("POST /api/runs — transport and seed (§2.2 #1, #4, #5, #13b–d)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-runs-a");
    const p = "/api/runs";
    const rows: Row[] = [
      { name: "#1 body of 64 KiB + 1 byte", path: p, body: paddedJson({ scenario: "baseline", scale: "1M", seed: 1 }, "pad", 64 * 1024 + 1), status: 413 },
      { name: "#5 text/plain", path: p, body: run(), ct: "text/plain", status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 truncated JSON", path: p, body: '{"scenario":', status: 400 },
      { name: "#13d seed NaN literal", path: p, body: '{"scenario":"baseline","scale":"1M","seed":NaN}', status: 400 },
      { name: "#6 body null", path: p, body: "null", status: 422 },
      { name: "#13b seed -1", path: p, body: run({ seed: -1 }), status: 422, field: "seed" },
      { name: "#13b seed 1.5", path: p, body: run({ seed: 1.5 }), status: 422, field: "seed" },
      { name: "#13b seed 2^31", path: p, body: run({ seed: 2 ** 31 }), status: 422, field: "seed" },
    ];
    await runRows(ctx, "runs/a", rows);
    expect(await countRuns(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("POST /api/runs — type confusion, presets, extra fields, then 429 on the 11th call (§2.2 #6, #8, #13a, #13c, #13e)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-runs-b");
    const p = "/api/runs";
    const rows: Row[] = [
      { name: "#13d seed 1e309 (→ Infinity)", path: p, body: '{"scenario":"baseline","scale":"1M","seed":1e309}', status: 422, field: "seed" },
      { name: "#13c seed \"123\"", path: p, body: run({ seed: "123" }), status: 422, field: "seed" },
      { name: "#13c seed \"Infinity\"", path: p, body: run({ seed: "Infinity" }), status: 422, field: "seed" },
      { name: "#13b seed 9007199254740993", path: p, body: '{"scenario":"baseline","scale":"1M","seed":9007199254740993}', status: 422, field: "seed" },
      { name: "#13e seed missing", path: p, body: j({ scenario: "baseline", scale: "1M" }), status: 422, field: "seed" },
      { name: "#14 scenario ../x", path: p, body: run({ scenario: "../x" }), status: 422, field: "scenario" },
      { name: "#6 scenario 123", path: p, body: run({ scenario: 123 }), status: 422, field: "scenario" },
      { name: "#13a scale 1e12 (users)", path: p, body: run({ scale: 1e12 }), status: 422, field: "scale" },
      { name: "#13a scale \"10B\"", path: p, body: run({ scale: "10B" }), status: 422, field: "scale" },
      { name: "#8 extra userId/status with bad seed", path: p, body: run({ seed: -5, userId: "x", status: "succeeded" }), status: 422, field: "seed" },
      { name: "RL 11th POST in a minute (valid body)", path: p, body: run(), status: 429 },
    ];
    await runRows(ctx, "runs/b", rows);
    expect(await countRuns(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("id routes — path tricks, NUL, bad escapes, very long ids (§2.2 #14, #15)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-ids");
    const ids: [string, number | number[]][] = [
      ["nosuchid0000000000000000", 404],
      ["1%20OR%201%3D1", 404],
      ["..%2Fx", 404],
      ["..%2F..%2Fetc%2Fpasswd", 404],
      ["-1", 404],
      ["a".repeat(10_000), 404],
      ["%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404],
      ["'%3B%20DROP%20TABLE%20%22Attempt%22%3B--", 404],
      ["%E2%80%AEabc", 404],
    ];
    const routes: { method: string; path: (id: string) => string; body?: string }[] = [
      { method: "GET", path: (id) => `/api/attempts/${id}` },
      { method: "POST", path: (id) => `/api/attempts/${id}/grade` },
      { method: "GET", path: (id) => `/api/runs/${id}` },
      { method: "GET", path: (id) => `/api/runs/${id}?include=result&include=result` },
      { method: "POST", path: (id) => `/api/runs/${id}/cancel` },
      { method: "GET", path: (id) => `/api/mock/${id}` },
      { method: "POST", path: (id) => `/api/mock/${id}/answer`, body: j({ phase: "clarify-requirements", answer: "x" }) },
    ];
    const rows: Row[] = routes.flatMap((r) => ids.map(([id, status]) => ({ name: `id ${id.length > 30 ? `${id.slice(0, 10)}…(${id.length})` : id}`, method: r.method, path: r.path(id), body: r.body, status })));
    await runRows(ctx, "ids", rows);
    expect(await countAttempts(ctx)).toBe(0);
    expect(await countRuns(ctx)).toBe(0);
    await ctx.dispose();
  });

  test("id routes — NUL byte (%00) in the id", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-ids-nul");
    const rows: Row[] = [
      { name: "mock id %00", method: "GET", path: "/api/mock/%00", status: 404 },
      { name: "mock answer id %00", path: "/api/mock/%00/answer", body: j({ phase: "clarify-requirements", answer: "x" }), status: 404 },
    ];
    await runRows(ctx, "ids/nul", rows);
    await ctx.dispose();
  });

  for (const [name, method, path] of [
    ["GET /api/attempts/%00", "GET", "/api/attempts/%00"],
    ["POST /api/attempts/%00/grade", "POST", "/api/attempts/%00/grade"],
    ["GET /api/runs/%00", "GET", "/api/runs/%00"],
    ["POST /api/runs/%00/cancel", "POST", "/api/runs/%00/cancel"],
    ["GET /api/attempts/abc%00def", "GET", "/api/attempts/abc%00def"],
  ] as const) {
    test(`id with NUL → 404: ${name}`, async ({ playwright, baseURL }) => {
      const { ctx } = await freshUser(playwright, baseURL, "nul-id");
      await expectError(await sendRaw(ctx, method, path), 404, name);
      await ctx.dispose();
    });
  }

  test("POST /api/predict (§2.2 #1, #4–6, #13b–d, #15)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-predict");
    const p = "/api/predict";
    const rows: Row[] = [
      { name: "#1 body of 64 KiB + 1 byte", path: p, body: paddedJson({ runId: "x", userId: 1, postId: 1 }, "pad", 64 * 1024 + 1), status: 413 },
      { name: "#5 text/plain", path: p, body: predict(), ct: "text/plain", status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 malformed JSON", path: p, body: "{runId:1}", status: 400 },
      { name: "#13d userId NaN literal", path: p, body: '{"runId":"abc","userId":NaN,"postId":1}', status: 400 },
      { name: "#6 body []", path: p, body: "[]", status: 422 },
      { name: "#15 runId ../x", path: p, body: predict({ runId: "../x" }), status: 422, field: "runId" },
      { name: "#15 runId 10k chars", path: p, body: predict({ runId: "a".repeat(10_000) }), status: 422, field: "runId" },
      { name: "#15 runId with NUL", path: p, body: predict({ runId: "abc\u0000" }), status: 422, field: "runId" },
      { name: "#6 runId 123", path: p, body: predict({ runId: 123 }), status: 422, field: "runId" },
      { name: "#6 userId \"1\"", path: p, body: predict({ userId: "1" }), status: 422, field: "userId" },
      { name: "#13b userId -1", path: p, body: predict({ userId: -1 }), status: 422, field: "userId" },
      { name: "#13b userId 1.5", path: p, body: predict({ userId: 1.5 }), status: 422, field: "userId" },
      { name: "#13d userId 1e309", path: p, body: '{"runId":"abc","userId":1e309,"postId":1}', status: 422, field: "userId" },
      { name: "#13b postId 1e20", path: p, body: predict({ postId: 1e20 }), status: 422, field: "postId" },
      { name: "#6 postId null", path: p, body: predict({ postId: null }), status: 422, field: "postId" },
      { name: "#11 device <script>", path: p, body: predict({ device: "<script>alert(1)</script>" }), status: 422, field: "device" },
      { name: "#15 runId well-formed, not mine", path: p, body: predict(), status: 404, field: "runId" },
    ];
    await runRows(ctx, "predict", rows);
    const stats = await ctx.get("/api/predict/stats?x=%00&x=1");
    console.log(`predict | GET /api/predict/stats with junk query | expected 200 | got ${stats.status()}`);
    expect(stats.status()).toBe(200);
    await expectNo5xx(stats, "stats");
    await ctx.dispose();
  });

  test("POST /api/account/sign-up (§2.2 #1, #4–6, #10a, #10e, #20)", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const p = "/api/account/sign-up";
    const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const email = (tag: string) => `su-${tag}-${stamp}@example.com`;
    const pw = "a long enough passphrase";
    const rows: Row[] = [
      { name: "#20 password of 1 MB", path: p, body: j({ email: email("big"), password: "p".repeat(1_000_000) }), status: 413 },
      { name: "#20 email of 10 KB", path: p, body: j({ email: `${"a".repeat(10_000)}@example.com`, password: pw }), status: 422, field: "email" },
      { name: "#5 text/plain", path: p, body: j({ email: email("tp"), password: pw }), ct: "text/plain", status: 415 },
      { name: "#5 form-urlencoded", path: p, body: `email=${email("form")}&password=x`, ct: "application/x-www-form-urlencoded", status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 malformed JSON", path: p, body: '{"email":"a@b.c",', status: 400 },
      { name: "#6 body null", path: p, body: "null", status: 422 },
      { name: "#20 email [\"a@b.c\"]", path: p, body: j({ email: [email("arr")], password: pw }), status: 422, field: "email" },
      { name: "#6 email {$gt:''}", path: p, body: j({ email: { $gt: "" }, password: pw }), status: 422, field: "email" },
      { name: "#6 email 123", path: p, body: j({ email: 123, password: pw }), status: 422, field: "email" },
      { name: "#20 email with NUL", path: p, body: j({ email: `a\u0000${email("nul")}`, password: pw }), status: 422, field: "email" },
      { name: "#11 email <script>", path: p, body: j({ email: "<script>alert(1)</script>@x.io", password: pw }), status: 422, field: "email" },
      { name: "#6 password 12345678901234 (number)", path: p, body: j({ email: email("num"), password: 12345678901234 }), status: 422, field: "password" },
      { name: "#6 password null", path: p, body: j({ email: email("null"), password: null }), status: 422, field: "password" },
      { name: "password of 257 chars", path: p, body: j({ email: email("257"), password: "p".repeat(257) }), status: 422, field: "password" },
      { name: "#6 name 123", path: p, body: j({ email: email("name-num"), password: pw, name: 123 }), status: 422, field: "name" },
      { name: "name of 81 chars", path: p, body: j({ email: email("name-long"), password: pw, name: "n".repeat(81) }), status: 422, field: "name" },
    ];
    await runRows(ctx, "sign-up", rows);
    // Nothing half-created: each e-mail used by a refused row can still sign up.
    for (const tag of ["big", "tp", "form", "num", "null", "257", "name-num", "name-long"]) {
      const res = await ctx.post(p, { data: { email: email(tag), password: pw } });
      expect(res.status(), `${tag} was not stored by the refused request`).toBe(201);
    }
    // #10e: case / width variants of an existing e-mail are the same account or refused, never a second account.
    const dupUpper = await ctx.post(p, { data: { email: email("big").toUpperCase(), password: pw } });
    console.log(`sign-up | #10e upper-case duplicate | expected 409 | got ${dupUpper.status()}`);
    await expectError(dupUpper, 409, "upper-case duplicate");
    const fullwidth = await ctx.post(p, { data: { email: `ＡＤＭＩＮ-${stamp}@example.com`, password: pw } });
    console.log(`sign-up | #10e full-width ＡＤＭＩＮ@… | expected 201/409/422 | got ${fullwidth.status()}`);
    await expectNo5xx(fullwidth, "full-width");
    await ctx.dispose();
  });

  test("sign-up with NUL in name → 422, account not half-created (§2.2 #10a)", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const email = `nul-name-${Date.now()}@example.com`;
    const res = await sendRaw(ctx, "POST", "/api/account/sign-up", j({ email, password: "a long enough passphrase", name: "abc\u0000def" }));
    await expectError(res, 422, "NUL in name");
    expect((await ctx.post("/api/account/sign-up", { data: { email, password: "a long enough passphrase" } })).status()).toBe(201);
    await ctx.dispose();
  });

  test("sign-up display name with RTL override / zero-width → 422 (§2.2 #10c)", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    for (const name of ["admin\u202Egnp.exe", "ad\u200Bmin", "\uFEFFadmin"]) {
      const res = await sendRaw(ctx, "POST", "/api/account/sign-up", j({ email: `rtl-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`, password: "a long enough passphrase", name }));
      expect(res.status(), JSON.stringify(name)).toBe(422);
    }
    await ctx.dispose();
  });

  test("POST /api/account/password — refused bodies change nothing (§2.2 #1, #4–6, #20)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-password");
    const p = "/api/account/password";
    const rows: Row[] = [
      { name: "#20 newPassword of 1 MB", path: p, body: j({ currentPassword: "correct horse battery staple", newPassword: "p".repeat(1_000_000) }), status: 413 },
      { name: "#5 text/plain", path: p, body: j({ currentPassword: "x", newPassword: "a brand new passphrase" }), ct: "text/plain", status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 malformed", path: p, body: "{", status: 400 },
      { name: "#6 body []", path: p, body: "[]", status: 422 },
      { name: "#6 currentPassword 123", path: p, body: j({ currentPassword: 123, newPassword: "a brand new passphrase" }), status: 422, field: "currentPassword" },
      { name: "#6 currentPassword {$ne:null}", path: p, body: j({ currentPassword: { $ne: null }, newPassword: "a brand new passphrase" }), status: 422, field: "currentPassword" },
      { name: "#6 newPassword null", path: p, body: j({ currentPassword: "correct horse battery staple", newPassword: null }), status: 422, field: "newPassword" },
      { name: "newPassword too short", path: p, body: j({ currentPassword: "correct horse battery staple", newPassword: "short" }), status: 422, field: "newPassword" },
      { name: "currentPassword wrong", path: p, body: j({ currentPassword: "x".repeat(300), newPassword: "a brand new passphrase" }), status: 422, field: "currentPassword" },
    ];
    await runRows(ctx, "password", rows);
    expect((await ctx.get("/api/attempts")).status(), "session still valid: no refused request changed the password").toBe(200);
    await ctx.dispose();
  });

  test("POST /api/mock/:id/answer — answer and phase corpus; the mock is unchanged (§2.2 #3–6, #14)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-mock");
    const started = await ctx.post("/api/mock");
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const p = `/api/mock/${id}/answer`;
    const phase = "clarify-requirements";
    const rows: Row[] = [
      { name: "#1 body of 64 KiB + 1 byte", path: p, body: paddedJson({ phase }, "answer", 64 * 1024 + 1), status: 413 },
      { name: "#5 text/plain", path: p, body: j({ phase, answer: "x" }), ct: "text/plain", status: 415 },
      { name: "#4 empty body", path: p, body: "", status: 400 },
      { name: "#4 malformed", path: p, body: '{"phase":', status: 400 },
      { name: "#3 answer empty", path: p, body: j({ phase, answer: "" }), status: 422, field: "answer" },
      { name: "#3 answer whitespace", path: p, body: j({ phase, answer: "  \n " }), status: 422, field: "answer" },
      { name: "#3 answer 10,001 chars", path: p, body: j({ phase, answer: "a".repeat(10_001) }), status: 422, field: "answer" },
      { name: "#6 answer 123", path: p, body: j({ phase, answer: 123 }), status: 422, field: "answer" },
      { name: "#6 answer []", path: p, body: j({ phase, answer: [] }), status: 422, field: "answer" },
      { name: "#14 phase ../x", path: p, body: j({ phase: "../x", answer: "x" }), status: 422, field: "phase" },
      { name: "#6 phase null", path: p, body: j({ phase: null, answer: "x" }), status: 422, field: "phase" },
      { name: "phase well-formed but not current", path: p, body: j({ phase: "evaluation", answer: "x" }), status: 409 },
    ];
    await runRows(ctx, "mock", rows);
    const mock = ((await (await ctx.get(`/api/mock/${id}`)).json()) as { mock: { answers?: unknown[] } }).mock;
    expect(mock.answers ?? [], "no refused answer was stored").toHaveLength(0);
    await ctx.dispose();
  });

  test("mock answer with NUL → 422 (§2.2 #10a)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "mock-nul");
    const { id } = (await (await ctx.post("/api/mock")).json()) as { id: string };
    await expectError(await sendRaw(ctx, "POST", `/api/mock/${id}/answer`, j({ phase: "clarify-requirements", answer: "abc\u0000def" })), 422, "NUL in mock answer");
    await ctx.dispose();
  });

  test("[CSRF-03] wrong methods → 405, never 500 (§2.2 #17)", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "bad-methods");
    const pairs: [string, string][] = [
      ["PUT", "/api/attempts"], ["DELETE", "/api/attempts"], ["PATCH", "/api/attempts/x"], ["DELETE", "/api/attempts/x"],
      ["GET", "/api/attempts/x/grade"], ["PUT", "/api/runs"], ["DELETE", "/api/runs/x"], ["GET", "/api/runs/x/cancel"],
      ["GET", "/api/predict"], ["DELETE", "/api/predict/stats"], ["GET", "/api/account/sign-up"], ["GET", "/api/account/password"],
      ["GET", "/api/account/sign-out-everywhere"], ["POST", "/api/health"], ["PUT", "/api/mock"], ["GET", "/api/mock/x/answer"],
    ];
    const observed: string[] = [];
    const bad: string[] = [];
    for (const [method, path] of pairs) {
      const res = await sendRaw(ctx, method, path, method === "GET" || method === "DELETE" ? undefined : "{}");
      await expectNo5xx(res, `${method} ${path}`);
      observed.push(`methods | ${method} ${path} | expected 405 | got ${res.status()} allow=${res.headers()["allow"] ?? "-"}`);
      if (res.status() !== 405) bad.push(`${method} ${path} → ${res.status()}`);
    }
    const trace = await ctx.fetch("/api/attempts", { method: "OPTIONS" });
    observed.push(`methods | OPTIONS /api/attempts | expected 204/405 | got ${trace.status()}`);
    expect(trace.status()).toBeLessThan(500);
    console.log(observed.join("\n"));
    expect(bad).toEqual([]);
    expect((await ctx.get("/api/attempts")).status(), "session intact").toBe(200);
    await ctx.dispose();
  });

  test("GET /api/auth/callback/credentials → 405 (§2.2 #17, RELIABILITY §1.3 pitfall 6)", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const res = await ctx.get("/api/auth/callback/credentials", { maxRedirects: 0 });
    expect([302, 405]).toContain(res.status());
    await ctx.dispose();
  });

  test("unknown /api/* paths answer 404 in the JSON error shape", async ({ playwright, baseURL }) => {
    const { ctx } = await freshUser(playwright, baseURL, "api-404");
    for (const path of ["/api/attempts/%2e%2e", "/api/runs/%2E%2E/cancel", "/api/no-such-endpoint", "/api/attempts/x/y/z"]) {
      let res = await sendRaw(ctx, "GET", path);
      // Next normalises dot segments with a 308 to the resolved path; that path must answer JSON too.
      if (res.status() === 308) {
        const location = new URL(res.headers()["location"] ?? "", baseURL).pathname;
        expect(location.startsWith("/api"), `${path} redirects within /api`).toBe(true);
        res = await sendRaw(ctx, "GET", location);
      }
      await expectError(res, 404, path);
    }
    await ctx.dispose();
  });

  test("malformed percent-escape in an id (%E0%A4%A) → 400/404 in the JSON error shape (§2.2 #14)", async ({ playwright, baseURL }) => {
    // Next's router fails decoding the dynamic segment before any app code runs (a plain-text 500); scripts/web-server.mjs refuses such paths first.
    const { ctx } = await freshUser(playwright, baseURL, "bad-escape");
    for (const [method, path] of [["GET", "/api/attempts/%E0%A4%A"], ["POST", "/api/attempts/%E0%A4%A/grade"], ["GET", "/api/runs/%E0%A4%A"], ["POST", "/api/runs/%E0%A4%A/cancel"], ["GET", "/api/mock/%E0%A4%A"], ["GET", "/api/attempts/%ZZ"]] as const) {
      const res = await sendRaw(ctx, method, path);
      expect([400, 404], `${method} ${path}`).toContain(res.status());
      await expectError(res, res.status(), `${method} ${path}`);
    }
    await ctx.dispose();
  });

  test("405 answers carry an Allow header and the JSON error body (§2.2 #17)", async ({ playwright, baseURL }) => {
    // Next's automatic 405 has neither; every route exports otherMethods(...) for the methods it does not serve.
    const { ctx } = await freshUser(playwright, baseURL, "allow");
    for (const [method, path, allow] of [["PUT", "/api/attempts", "GET, POST"], ["GET", "/api/predict", "POST"], ["POST", "/api/health", "GET"], ["DELETE", "/api/runs/x", "GET"]] as const) {
      const res = await sendRaw(ctx, method, path, method === "PUT" || method === "POST" ? "{}" : undefined);
      expect(res.headers()["allow"] ?? "", `${method} ${path}`).toContain(allow.split(", ")[0]!);
      await expectError(res, 405, `${method} ${path}`);
    }
    await ctx.dispose();
  });

  test("headers and sessions: 20 KB cookie, garbage cookie, anonymous oversize (§2.2 #18)", async ({ playwright, baseURL }) => {
    const big = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `junk=${"x".repeat(20_000)}` } });
    const r1 = await big.get("/api/attempts");
    console.log(`headers | 20 KB Cookie header | expected 431/400 | got ${r1.status()}`);
    expect([400, 431]).toContain(r1.status());
    await big.dispose();
    const junk = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "next-auth.session-token=%00%ff..garbage; next-auth.csrf-token=<script>" } });
    const r2 = await junk.get("/api/attempts");
    console.log(`headers | garbage session cookie | expected 401 | got ${r2.status()}`);
    await expectError(r2, 401, "garbage cookie");
    const r3 = await sendRaw(junk, "POST", "/api/attempts", paddedJson({ drillSlug: DRILL, durationMs: 1 }, "answer", 200_000));
    console.log(`headers | anonymous POST /api/attempts of 200 KB | expected 401 | got ${r3.status()}`);
    await expectError(r3, 401, "anonymous oversize");
    const r4 = await sendRaw(junk, "POST", "/api/runs", "{");
    console.log(`headers | anonymous POST /api/runs malformed | expected 401 | got ${r4.status()}`);
    await expectError(r4, 401, "anonymous malformed");
    await junk.dispose();
    const anon = await playwright.request.newContext({ baseURL });
    expect((await anon.get("/api/health")).status(), "server still healthy after the corpus").toBe(200);
    await anon.dispose();
  });
});
