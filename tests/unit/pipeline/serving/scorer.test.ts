import { describe, expect, it } from "vitest";
import { createInMemoryFeatureStore } from "@/lib/pipeline/feature-store/in-memory";
import { createFeatureSpec, firstSeenOffset } from "@/lib/pipeline/features/spec";
import { createRng } from "@/lib/pipeline/random";
import { createScorer } from "@/lib/pipeline/serving/scorer";
import type { ScorerOptions } from "@/lib/pipeline/serving/scorer";
import { summarizeLatencies } from "@/lib/pipeline/serving/latency";

const spec = createFeatureSpec("standard", [1, 7], 5);
const row = (n: number) => {
  const r = new Float64Array(spec.rowLength);
  r[0] = n;
  r[1] = n / 2;
  r[firstSeenOffset(spec)] = 0;
  return r;
};

async function setup(overrides: Partial<ScorerOptions> = {}) {
  const store = createInMemoryFeatureStore();
  for (const name of ["user_aggregates", "post_aggregates", "user_post_history"]) {
    await store.registerView({ name, entity: "user", fields: [], ttlSeconds: 3600 }, 0);
  }
  await store.materializeOnline("user_aggregates", [{ entityKey: 1, eventTime: 10_000, values: row(4) }], 10_000);
  await store.materializeOnline("post_aggregates", [{ entityKey: 2, eventTime: 10_000, values: row(6) }], 10_000);
  const seen: number[] = [];
  const scorer = createScorer({
    spec, store, timer: () => 0, ttlSeconds: 3600,
    scoreRow: (x, o) => { seen.push(x[o + 6]!); return 0.3; },
    lastGood: { user: new Map([[1, row(1)]]), post: new Map() },
    popularity: () => 0.11,
    ...overrides,
  });
  return { scorer, seen };
}

describe("online scorer fallbacks", () => {
  it("serves fresh online values with no fallback", async () => {
    const { scorer, seen } = await setup();
    const r = await scorer({ userId: 1, postId: 2, device: 0, ts: 10_100 });
    expect(r).toMatchObject({ probability: 0.3, fallback: "none" });
    expect(seen[0]).toBeCloseTo(Math.log1p(4));
  });
  it("values past their TTL are replaced by training defaults", async () => {
    const { scorer, seen } = await setup();
    const r = await scorer({ userId: 1, postId: 2, device: 0, ts: 10_000 + 7200 });
    expect(r.fallback).toBe("defaults");
    expect(seen[0]).toBe(0);
  });
  it("unknown entities use defaults", async () => {
    const { scorer } = await setup();
    expect((await scorer({ userId: 99, postId: 2, device: 0, ts: 10_100 })).fallback).toBe("defaults");
  });
  it("failed lookups use the last good snapshot, else popularity", async () => {
    const fault = { extraLatencyMs: 5, failureRate: 1, rng: createRng(1) };
    const { scorer } = await setup({ fault });
    const a = await scorer({ userId: 1, postId: 2, device: 0, ts: 10_100 });
    expect(a.fallback).toBe("last-good-snapshot");
    expect(a.latencyMs).toBeGreaterThan(0);
    const b = await scorer({ userId: 42, postId: 43, device: 0, ts: 10_100 });
    expect(b).toMatchObject({ fallback: "popularity", probability: 0.11 });
  });
  it("latency summary gives percentiles and a cumulative-style histogram", () => {
    const s = summarizeLatencies(Float64Array.from({ length: 100 }, (_, i) => i / 100));
    expect(s.p50Ms).toBeCloseTo(0.495);
    expect(s.histogram.reduce((a, b) => a + b.count, 0)).toBe(100);
  });
});
