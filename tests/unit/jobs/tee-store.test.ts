import { describe, expect, it } from "vitest";
import { createTeeStore } from "@/lib/jobs/tee-store";
import { createInMemoryFeatureStore } from "@/lib/pipeline/feature-store/in-memory";

describe("tee store: a run's online views copied into another store", () => {
  it("copies every view and row in paced slices, newest value per entity", async () => {
    const tee = createTeeStore(createInMemoryFeatureStore());
    await tee.store.registerView({ name: "users", entity: "user", fields: ["x"], ttlSeconds: 100 }, 0);
    const rec = (k: number, t: number, v: number) => ({ entityKey: k, eventTime: t, values: Float64Array.of(v) });
    await tee.store.materializeOnline("users", [rec(1, 5, 0.1), rec(2, 5, 0.2), rec(3, 5, 0.3), rec(4, 5, 0.4), rec(5, 5, 0.5)], 6);
    await tee.store.materializeOnline("users", [rec(1, 9, 0.9)], 10);
    const target = createInMemoryFeatureStore();
    const slices: number[] = [];
    const counting = { ...target, materializeOnline: (view: string, records: Parameters<typeof target.materializeOnline>[1], at: number) => (slices.push(records.length), target.materializeOnline(view, records, at)) };
    expect(await tee.copyOnlineTo(counting, { sliceRows: 2, duty: 0.5 })).toBe(6);
    expect(slices).toEqual([2, 2, 1, 1]);
    expect((await target.listViews()).map((v) => v.name)).toEqual(["users"]);
    const rows = await target.getOnlineFeatures("users", [1, 2, 5, 6]);
    expect(rows.map((r) => (r ? r.values[0] : null))).toEqual([0.9, 0.2, 0.5, null]);
  });
});
