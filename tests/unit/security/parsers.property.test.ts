/**
 * VAL-02 — property tests on the parsers every request goes through (RELIABILITY.md §2.1).
 * Each property runs 2,000–10,000 generated inputs; a failure prints fast-check's shrunk counterexample.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { safeCallbackPath } from "@/lib/account/callback";
import { submitAttemptSchema } from "@/lib/attempts/schema";
import { parseDiagram } from "@/lib/diagram";
import { MAX_ANSWER_CHARS } from "@/lib/drills/schema";
import { AppError } from "@/lib/errors";
import { estimatesInputSchema } from "@/lib/estimates";
import { MAX_SEED, SCALE_IDS, startRunSchema } from "@/lib/simulations/schema";
import { SCENARIO_IDS } from "@/lib/pipeline/scenarios/catalog";

// lib/http.ts imports "server-only" (throws outside a React Server bundle) and the session helpers;
// neither matters to readJson, so both are stubbed for this file only.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn() }));

const RUNS = { numRuns: 2_000 };
const MANY = { numRuns: 10_000 };
const isBlank = (s: string) => s.trim().length === 0;
/** Any JSON value, including deep nesting, odd keys (__proto__, constructor) and unicode. */
const anyJson = fc.jsonValue({ maxDepth: 6 });
const hostileKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "nodes", "edges", "1M", "100M", "1B", "qps", "id", "label", "x", "y");
const hostileObject = fc.dictionary(hostileKeys, fc.oneof(anyJson, fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-0), fc.constant(undefined)), { maxKeys: 8 });
const validAttempt = (answer: string) => ({ drillSlug: "tradeoffs", answer, durationMs: 1_000 });

describe("[VAL-02] submitAttemptSchema", () => {
  it("refuses any answer longer than 10,000 UTF-16 units", () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_ANSWER_CHARS + 1, maxLength: MAX_ANSWER_CHARS + 500, unit: "grapheme" }), (answer) => {
        fc.pre(answer.length > MAX_ANSWER_CHARS);
        expect(submitAttemptSchema.safeParse(validAttempt(answer)).success).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(fc.integer({ min: MAX_ANSWER_CHARS + 1, max: 100_000 }), fc.constantFrom("a", "é", "😀", " x"), (n, ch) => {
      expect(submitAttemptSchema.safeParse(validAttempt(ch.repeat(n).slice(0, n))).success).toBe(false);
    }), RUNS);
  });

  it("refuses any blank answer (spaces, tabs, newlines, NBSP, unicode spaces)", () => {
    const blank = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028"), maxLength: 200 });
    fc.assert(fc.property(blank, (answer) => {
      expect(isBlank(answer)).toBe(true);
      expect(submitAttemptSchema.safeParse(validAttempt(answer)).success).toBe(false);
    }), MANY);
  });

  it("any accepted answer round-trips unchanged, and acceptance is exactly: non-blank, ≤ 10,000 units, no NUL", () => {
    const answers = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ minLength: 9_990, maxLength: 10_010 }));
    fc.assert(fc.property(answers, (answer) => {
      const parsed = submitAttemptSchema.safeParse(validAttempt(answer));
      const expected = !isBlank(answer) && answer.length <= MAX_ANSWER_CHARS && !answer.includes("\u0000");
      expect(parsed.success).toBe(expected);
      if (parsed.success) expect(parsed.data.answer).toBe(answer);
    }), RUNS);
  });

  it("never throws on arbitrary JSON bodies, and never accepts a non-string answer", () => {
    fc.assert(fc.property(fc.oneof(anyJson, hostileObject, fc.record({ drillSlug: anyJson, answer: anyJson, durationMs: anyJson, mode: anyJson, runId: anyJson }, { requiredKeys: [] })), (body) => {
      const parsed = submitAttemptSchema.safeParse(body);
      if (parsed.success) {
        expect(typeof parsed.data.answer).toBe("string");
        expect(Number.isInteger(parsed.data.durationMs)).toBe(true);
        expect(parsed.data.drillSlug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
    }), MANY);
  });
});

describe("[VAL-02] text that PostgreSQL cannot store is refused at the boundary", () => {
  it("submitAttemptSchema refuses (or normalises) answers that are not well-formed UTF-16", () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.constantFrom("\uD800", "\uDFFF", "\uDBFF"), (text, lone) => {
      const parsed = submitAttemptSchema.safeParse(validAttempt(`x${text}${lone}`));
      expect(!parsed.success || parsed.data.answer.isWellFormed()).toBe(true);
    }), { numRuns: 50 });
  });

  it("parseDiagram refuses NUL characters in ids and labels", () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 10 }), (label) => {
      fc.pre(label.trim().length > 0);
      expect(() => parseDiagram({ nodes: [{ id: "a", label: `${label}\u0000`, x: 0, y: 0 }], edges: [] })).toThrow(ZodError);
    }), { numRuns: 50 });
  });
});

describe("[VAL-02] startRunSchema", () => {
  const base = { scenario: SCENARIO_IDS[0], scale: SCALE_IDS[0] };
  it("accepts exactly the integer seeds in 0..2^31-1", () => {
    const seeds = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, MAX_SEED, MAX_SEED + 1, 2 ** 53, -0, 1.5, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE), fc.bigInt().map(Number));
    fc.assert(fc.property(seeds, (seed) => {
      const ok = Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
      const parsed = startRunSchema.safeParse({ ...base, seed });
      expect(parsed.success).toBe(ok);
      if (parsed.success) expect(parsed.data.seed).toBe(seed);
    }), MANY);
  });

  it("refuses seeds of any other type (no coercion of strings, booleans, null, arrays)", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 2 }), fc.object()), (seed) => {
      expect(startRunSchema.safeParse({ ...base, seed }).success).toBe(false);
    }), RUNS);
  });

  it("never throws on arbitrary JSON and only accepts known scenarios and scales", () => {
    fc.assert(fc.property(fc.oneof(anyJson, hostileObject, fc.record({ scenario: fc.oneof(fc.constantFrom(...SCENARIO_IDS), anyJson), scale: fc.oneof(fc.constantFrom(...SCALE_IDS), anyJson), seed: fc.oneof(fc.integer(), anyJson) }, { requiredKeys: [] })), (body) => {
      const parsed = startRunSchema.safeParse(body);
      if (parsed.success) {
        expect(SCENARIO_IDS).toContain(parsed.data.scenario);
        expect(SCALE_IDS).toContain(parsed.data.scale);
      }
    }), MANY);
  });
});

describe("[VAL-02][AUTH-08] safeCallbackPath", () => {
  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.webUrl(),
    fc.constantFrom("//evil.example", "/\\evil.example", "\\/\\/evil.example", "http:evil.example", "javascript:alert(1)", "%2F%2Fevil.example", " /evil", ".....///windows/win.ini", "/%2F/evil.example", "/\t/evil.example", "/\n/evil", "/\u0000x"),
    fc.tuple(fc.constantFrom("/", "//", "/\\", "\\", "\\\\", " /", "/\t"), fc.string()).map(([a, b]) => a + b),
  );
  it("always returns a same-site path: starts with '/', never '//' or '/\\', no backslash or control characters", () => {
    fc.assert(fc.property(fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }), fc.constant(undefined), fc.constant(null)), (value) => {
      const out = safeCallbackPath(value);
      expect(out.startsWith("/")).toBe(true);
      expect(out.startsWith("//")).toBe(false);
      expect(out.startsWith("/\\")).toBe(false);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is checked
      expect(out).not.toMatch(/[\u0000-\u001f\\]/);
      // Resolved against the app's origin, the target stays on the app's origin.
      expect(new URL(out, "http://app.localhost").origin).toBe("http://app.localhost");
    }), MANY);
  });

  it("returns the input unchanged when it is a safe path", () => {
    const segment = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_.~%?=&#:@!$'()*+,;".split("")), minLength: 1, maxLength: 20 });
    const safePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join("/")}`).filter((p) => !p.startsWith("//") && p.length <= 512);
    fc.assert(fc.property(safePath, (path) => {
      expect(safeCallbackPath(path)).toBe(path);
    }), MANY);
  });

  it("falls back for anything longer than 512 characters", () => {
    fc.assert(fc.property(fc.integer({ min: 513, max: 20_000 }), (n) => {
      expect(safeCallbackPath(`/${"a".repeat(n - 1)}`)).toBe("/drills");
    }), { numRuns: 200 });
  });
});

/** Calls `parse` and returns the error it threw (undefined when it returned). */
function thrown(parse: () => unknown): unknown {
  try {
    parse();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("[VAL-02] diagram and estimates parsers", () => {
  const diagramish = fc.record({
    nodes: fc.oneof(anyJson, fc.array(fc.record({ id: fc.oneof(fc.string({ maxLength: 70 }), anyJson), label: fc.oneof(fc.string({ maxLength: 70 }), anyJson), x: fc.oneof(fc.double(), anyJson), y: fc.oneof(fc.double(), anyJson) }, { requiredKeys: [] }), { maxLength: 45 })),
    edges: fc.oneof(anyJson, fc.array(fc.record({ id: fc.string({ maxLength: 5 }), source: fc.string({ maxLength: 5 }), target: fc.string({ maxLength: 5 }) }), { maxLength: 10 })),
  }, { requiredKeys: [] });

  it("parseDiagram throws nothing but ZodError on arbitrary JSON", () => {
    fc.assert(fc.property(fc.oneof(anyJson, hostileObject, diagramish), (input) => {
      const error = thrown(() => parseDiagram(input));
      if (error !== undefined) expect(error).toBeInstanceOf(ZodError);
    }), MANY);
  });

  it("an accepted diagram is bounded (≤ 40 nodes, ≤ 80 edges, labels ≤ 60, finite coordinates, edges between known nodes)", () => {
    fc.assert(fc.property(diagramish, (input) => {
      const error = thrown(() => parseDiagram(input));
      if (error !== undefined) return;
      const d = parseDiagram(input);
      expect(d.nodes.length).toBeLessThanOrEqual(40);
      expect(d.edges.length).toBeLessThanOrEqual(80);
      const ids = new Set(d.nodes.map((n) => n.id));
      for (const n of d.nodes) {
        expect(n.label.length).toBeLessThanOrEqual(60);
        expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      }
      for (const e of d.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    }), MANY);
  });

  it("estimatesInputSchema throws nothing but ZodError on arbitrary JSON; accepted values are positive, finite and ≤ 1e15", () => {
    const value = fc.oneof(fc.double(), fc.integer(), anyJson, fc.constantFrom(Number.NaN, Infinity, -1, 0, 1e15, 1e16, "1e6"));
    const row = fc.record({ qps: value, onlineStoreGb: value, trainingGbPerDay: value, servingReplicas: value }, { requiredKeys: [] });
    const estimatesish = fc.record({ "1M": fc.oneof(row, anyJson), "100M": fc.oneof(row, anyJson), "1B": fc.oneof(row, anyJson) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(anyJson, hostileObject, estimatesish), (input) => {
      const error = thrown(() => estimatesInputSchema.parse(input));
      if (error !== undefined) {
        expect(error).toBeInstanceOf(ZodError);
        return;
      }
      for (const scale of Object.values(estimatesInputSchema.parse(input))) {
        for (const v of Object.values(scale)) if (v !== undefined) expect(Number.isFinite(v) && v > 0 && v <= 1e15).toBe(true);
      }
    }), MANY);
  });
});

describe("[VAL-02] readJson (lib/http.ts) never throws anything but AppError or ZodError", () => {
  const schema = submitAttemptSchema;
  const body = fc.oneof(
    anyJson.map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom("", "{", '{"answer":', "{'a':1}", "NaN", "[1,]", "\uFEFF{}", "null", '{"__proto__":{"polluted":1}}', "1e309", `${"[".repeat(5000)}${"]".repeat(5000)}`),
  );
  const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "", "multipart/form-data; boundary=x");

  it("maps every body and content type to data, AppError (400/413/415) or ZodError", async () => {
    const { readJson } = await import("@/lib/http");
    await fc.assert(fc.asyncProperty(body, contentType, async (text, type) => {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const req = new Request("http://app.localhost/api/attempts", { method: "POST", body: text, headers });
      try {
        await readJson(req, schema);
      } catch (error) {
        if (error instanceof AppError) expect([400, 413, 415]).toContain(error.status);
        else expect(error).toBeInstanceOf(ZodError);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), RUNS);
  });

  it("refuses bodies over 64 KiB with 413 whether or not Content-Length is declared", async () => {
    const { readJson, MAX_BODY_BYTES } = await import("@/lib/http");
    await fc.assert(fc.asyncProperty(fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 4 }), fc.boolean(), async (size, declare) => {
      const text = JSON.stringify({ answer: "a".repeat(size) });
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (declare) headers["content-length"] = String(Buffer.byteLength(text));
      const error = await readJson(new Request("http://app.localhost/x", { method: "POST", body: text, headers }), schema).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(413);
    }), { numRuns: 100 });
  });
});
