import { describe, expect, it } from "vitest";
import { createInMemoryFeatureStore } from "@/lib/pipeline/feature-store/in-memory";

const v = (x: number) => Float64Array.of(x);

describe("in-memory feature store", () => {
  it("historical retrieval is a point-in-time join bounded by the TTL (Feast semantics)", async () => {
    const store = createInMemoryFeatureStore();
    const view = await store.registerView({ name: "u", entity: "user", fields: ["x"], ttlSeconds: 100 }, 0);
    await store.writeOffline("u", view.version, [{ entityKey: 1, eventTime: 10, values: v(1) }, { entityKey: 1, eventTime: 50, values: v(2) }]);
    const got = await store.getHistoricalFeatures("u", view.version, [
      { entityKey: 1, ts: 5 }, { entityKey: 1, ts: 10 }, { entityKey: 1, ts: 11 }, { entityKey: 1, ts: 60 }, { entityKey: 1, ts: 200 }, { entityKey: 2, ts: 60 },
    ]);
    expect(got.map((r) => r?.values[0] ?? null)).toEqual([null, null, 1, 2, null, null]);
  });

  it("the online store keeps the latest value per entity and still serves stale values; freshness reports the lag", async () => {
    const store = createInMemoryFeatureStore();
    await store.registerView({ name: "p", entity: "post", fields: ["x"], ttlSeconds: 3600 }, 0);
    await store.materializeOnline("p", [{ entityKey: 7, eventTime: 1000, values: v(1) }], 1000);
    await store.materializeOnline("p", [{ entityKey: 7, eventTime: 500, values: v(9) }], 1100);
    const [r] = await store.getOnlineFeatures("p", [7]);
    expect(r?.values[0]).toBe(1);
    const f = await store.freshness("p", 1000 + 7200);
    expect(f).toMatchObject({ lagSeconds: 7200, isStale: true, entities: 1 });
    expect((await store.getOnlineFeatures("p", [7]))[0]).not.toBeNull();
  });

  it("versions views on re-registration", async () => {
    const store = createInMemoryFeatureStore();
    await store.registerView({ name: "u", entity: "user", fields: ["a"], ttlSeconds: 1 }, 0);
    const second = await store.registerView({ name: "u", entity: "user", fields: ["a", "b"], ttlSeconds: 1 }, 1);
    expect(second.version).toBe(2);
    expect((await store.listViews()).length).toBe(2);
  });
});
