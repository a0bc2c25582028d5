import { describe, expect, it } from "vitest";
import { createInMemoryFeatureStore } from "@/lib/pipeline/feature-store/in-memory";
import type { FeatureStore, OnlineRecord } from "@/lib/pipeline/feature-store/types";
import { withNearCache, withSnapshot, type ViewSnapshot } from "@/lib/serving/near-cache";

const rec = (k: number, v: number) => ({ entityKey: k, eventTime: 10, values: Float64Array.of(v) });

async function storeWithRows() {
  const store = createInMemoryFeatureStore();
  for (const view of ["users", "pairs"]) await store.registerView({ name: view, entity: "user", fields: ["x"], ttlSeconds: 100 }, 0);
  await store.materializeOnline("users", [rec(1, 11), rec(2, 12)], 10);
  await store.materializeOnline("pairs", [rec(5, 55), rec(7_000_000_000_001, 77)], 10);
  const calls: string[] = [];
  const counted: FeatureStore = { ...store, getOnlineFeatures: (view, keys) => (calls.push(`${view}:${keys.join(",")}`), store.getOnlineFeatures(view, keys)) };
  return { store, counted, calls };
}

const values = (rows: (OnlineRecord | null)[]) => rows.map((r) => (r ? r.values[0] : null));
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("serving snapshot of a finished run's online views", () => {
  it("answers from the store until the snapshot is loaded, then from memory", async () => {
    const { store, counted, calls } = await storeWithRows();
    const rows = new Map((await store.getOnlineFeatures("users", [1, 2])).map((r) => [r!.entityKey, r!]));
    const snap = withSnapshot(counted, async (view): Promise<ViewSnapshot | null> => (view === "users" ? { kind: "rows", rows } : null));
    expect(values(await snap.getOnlineFeatures("users", [1, 3]))).toEqual([11, null]);
    expect(calls).toEqual(["users:1,3"]);
    await settle();
    expect(values(await snap.getOnlineFeatures("users", [2, 1, 9]))).toEqual([12, 11, null]);
    expect(calls).toHaveLength(1);
  });

  it("with only a key set, absent keys answer null without a lookup and present ones are fetched", async () => {
    const { counted, calls } = await storeWithRows();
    const snap = withSnapshot(counted, async () => ({ kind: "keys", keys: Float64Array.of(5, 7_000_000_000_001) }));
    await snap.getOnlineFeatures("pairs", [1]);
    await settle();
    calls.length = 0;
    expect(values(await snap.getOnlineFeatures("pairs", [6, 7_000_000_000_001, 5, 4]))).toEqual([null, 77, 55, null]);
    expect(calls).toEqual(["pairs:7000000000001,5"]);
    expect(values(await snap.getOnlineFeatures("pairs", [8]))).toEqual([null]);
    expect(calls).toHaveLength(1);
  });

  it("falls back to lookups when a view is too large to hold or fails to load", async () => {
    const { counted, calls } = await storeWithRows();
    const tooLarge = withSnapshot(counted, async () => null);
    const failing = withSnapshot(counted, () => Promise.reject(new Error("db down")));
    for (const snap of [tooLarge, failing]) {
      await snap.getOnlineFeatures("users", [1]);
      await settle();
      expect(values(await snap.getOnlineFeatures("users", [2]))).toEqual([12]);
    }
    expect(calls).toEqual(["users:1", "users:2", "users:1", "users:2"]);
  });

  it("the near-cache serves a fetched row again without a lookup and stays within its bound", async () => {
    const { counted, calls } = await storeWithRows();
    const cached = withNearCache(counted, { maxEntries: 2 });
    await cached.getOnlineFeatures("users", [1, 2]);
    await cached.getOnlineFeatures("users", [1]);
    expect(calls).toEqual(["users:1,2"]);
    await cached.getOnlineFeatures("users", [3]);
    await cached.getOnlineFeatures("users", [1]);
    expect(calls).toEqual(["users:1,2", "users:3", "users:1"]);
  });
});
