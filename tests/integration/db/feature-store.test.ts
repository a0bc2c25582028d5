import { randomUUID } from "node:crypto";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPostgresFeatureStore, dropFeatureNamespace, analyzeOnlineStore, loadOnlineKeys, loadOnlineRows, lowerSessionPriority } from "@/lib/db/features";
import { createInMemoryFeatureStore } from "@/lib/pipeline";
import type { FeatureStore } from "@/lib/pipeline";

const namespaces: string[] = [];
const implementations: [string, () => FeatureStore][] = [
  ["in-memory", () => createInMemoryFeatureStore()],
  ["postgres", () => {
    const namespace = `test-${randomUUID()}`;
    namespaces.push(namespace);
    return createPostgresFeatureStore({ namespace });
  }],
];

const rec = (entityKey: number, eventTime: number, ...values: number[]) => ({ entityKey, eventTime, values: Float64Array.from(values) });
const HOUR = 3600;

afterAll(async () => {
  for (const namespace of namespaces) await dropFeatureNamespace({ namespace });
  await db.$disconnect();
});

describe.each(implementations)("FeatureStore contract: %s", (_name, create) => {
  it("versions views and joins point-in-time: only rows strictly before the query time, within the TTL", async () => {
    const store = create();
    const v1 = await store.registerView({ name: "user_stats", entity: "user", fields: ["like_rate"], ttlSeconds: 48 * HOUR }, 0);
    const v2 = await store.registerView({ name: "user_stats", entity: "user", fields: ["like_rate", "actions"], ttlSeconds: 48 * HOUR }, 10);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await store.listViews()).map((v) => `${v.name}@${v.version}`)).toEqual(["user_stats@1", "user_stats@2"]);

    await store.writeOffline("user_stats", 2, [rec(1, 10 * HOUR, 0.1, 3), rec(1, 20 * HOUR, 0.2, 5), rec(2, 5 * HOUR, 0.9, 1), rec(7_000_000_000_001, 1 * HOUR, 0.5, 2)]);
    const rows = await store.getHistoricalFeatures("user_stats", 2, [
      { entityKey: 1, ts: 20 * HOUR }, // the row at exactly t is not visible: only the earlier one
      { entityKey: 1, ts: 21 * HOUR },
      { entityKey: 2, ts: 5 * HOUR + 60 * HOUR }, // older than the TTL
      { entityKey: 3, ts: 30 * HOUR }, // never seen
      { entityKey: 7_000_000_000_001, ts: 2 * HOUR }, // a user×post key beyond 32 bits
    ]);
    expect(rows.map((r) => (r ? Array.from(r.values) : null))).toEqual([[0.1, 3], [0.2, 5], null, null, [0.5, 2]]);
    expect(rows[1]?.eventTime).toBe(20 * HOUR);
  });

  it("keeps the newest value online: an older event never overwrites a newer one", async () => {
    const store = create();
    await store.registerView({ name: "post_stats", entity: "post", fields: ["likes"], ttlSeconds: 24 * HOUR }, 0);
    await store.materializeOnline("post_stats", [rec(9, 100 * HOUR, 4), rec(8, 90 * HOUR, 1)], 101 * HOUR);
    await store.materializeOnline("post_stats", [rec(9, 95 * HOUR, 2)], 102 * HOUR);
    const [nine, eight, missing] = await store.getOnlineFeatures("post_stats", [9, 8, 404]);
    expect(Array.from(nine!.values)).toEqual([4]);
    expect(nine!.writtenAt).toBe(101 * HOUR);
    expect(Array.from(eight!.values)).toEqual([1]);
    expect(missing).toBeNull();
  });

  it("answers lookups of several views made at once, each with its own rows, in key order", async () => {
    const store = create();
    await store.registerView({ name: "a_view", entity: "user", fields: ["x"], ttlSeconds: 24 * HOUR }, 0);
    await store.registerView({ name: "b_view", entity: "post", fields: ["x"], ttlSeconds: 24 * HOUR }, 0);
    await store.materializeOnline("a_view", [rec(1, HOUR, 11), rec(2, HOUR, 12)], HOUR);
    await store.materializeOnline("b_view", [rec(1, HOUR, 21), rec(7_000_000_000_001, HOUR, 22)], HOUR);
    const [a, b, none, empty] = await Promise.all([
      store.getOnlineFeatures("a_view", [2, 1, 2, 3]),
      store.getOnlineFeatures("b_view", [7_000_000_000_001, 1]),
      store.getOnlineFeatures("c_view", [1]),
      store.getOnlineFeatures("a_view", []),
    ]);
    expect(a.map((r) => (r ? r.values[0] : null))).toEqual([12, 11, 12, null]);
    expect(b.map((r) => (r ? [r.entityKey, r.values[0]] : null))).toEqual([[7_000_000_000_001, 22], [1, 21]]);
    expect(none).toEqual([null]);
    expect(empty).toEqual([]);
  });

  it("reports freshness as event-time lag against the TTL", async () => {
    const store = create();
    await store.registerView({ name: "fresh", entity: "user", fields: ["x"], ttlSeconds: 24 * HOUR }, 0);
    await store.materializeOnline("fresh", [rec(1, 100 * HOUR, 1), rec(2, 90 * HOUR, 1)], 100 * HOUR);
    const fresh = await store.freshness("fresh", 110 * HOUR);
    expect(fresh).toMatchObject({ entities: 2, maxEventTime: 100 * HOUR, lastWrittenAt: 100 * HOUR, lagSeconds: 10 * HOUR, isStale: false });
    expect((await store.freshness("fresh", 172 * HOUR)).isStale).toBe(true);
  });
});

describe("loading a run's online view for serving from memory", () => {
  it("returns every row or the sorted keys, and null beyond the bound", async () => {
    const namespace = `test-${randomUUID()}`;
    namespaces.push(namespace);
    const store = createPostgresFeatureStore({ namespace });
    await store.registerView({ name: "v", entity: "user", fields: ["x"], ttlSeconds: 3600 }, 0);
    const rec = (k: number, v: number) => ({ entityKey: k, eventTime: 5, values: Float64Array.of(v) });
    await store.materializeOnline("v", [rec(9, 0.9), rec(7_000_000_000_001, 0.5), rec(2, 0.2)], 6);
    const rows = await loadOnlineRows({ namespace, view: "v", maxRows: 3 });
    expect([...(rows?.entries() ?? [])].map(([k, r]) => [k, r.values[0], r.writtenAt]).sort((a, b) => a[0]! - b[0]!)).toEqual([[2, 0.2, 6], [9, 0.9, 6], [7_000_000_000_001, 0.5, 6]]);
    expect(Array.from((await loadOnlineKeys({ namespace, view: "v", maxKeys: 3 }))!)).toEqual([2, 9, 7_000_000_000_001]);
    expect(await loadOnlineRows({ namespace, view: "v", maxRows: 2 })).toBeNull();
    expect(await loadOnlineKeys({ namespace, view: "v", maxKeys: 2 })).toBeNull();
  });
});

describe("a finished run's copy into the online store runs at low priority", () => {
  it("renices the local PostgreSQL backend serving the connection", async () => {
    const pid = await lowerSessionPriority(7);
    expect(pid).toEqual(expect.any(Number));
    expect(os.getPriority(pid!)).toBe(7);
  });

  it("refreshes the planner's statistics after the copy", async () => {
    await analyzeOnlineStore();
    const [row] = await db.$queryRaw<{ at: Date | null }[]>`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'OnlineFeature'`;
    expect(Date.now() - (row?.at?.getTime() ?? 0)).toBeLessThan(60_000);
  });
});
