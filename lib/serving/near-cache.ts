/**
 * A bounded in-process cache in front of the online store's point lookups. A run's online views are
 * a frozen snapshot, so a cached row is never out of date; the bound keeps memory flat (oldest first).
 */
import type { FeatureStore, OnlineRecord } from "@/lib/pipeline/feature-store/types";

export function withNearCache(store: FeatureStore, { maxEntries = 50_000 }: { maxEntries?: number } = {}): FeatureStore {
  const cache = new Map<string, OnlineRecord | null>();
  return {
    ...store,
    async getOnlineFeatures(view, keys) {
      const out: (OnlineRecord | null)[] = new Array<OnlineRecord | null>(keys.length).fill(null);
      const missing: number[] = [];
      keys.forEach((key, i) => {
        const hit = cache.get(`${view}:${key}`);
        if (hit === undefined) missing.push(i);
        else out[i] = hit;
      });
      if (missing.length > 0) {
        const rows = await store.getOnlineFeatures(view, missing.map((i) => keys[i]!));
        missing.forEach((i, j) => {
          const row = rows[j] ?? null;
          out[i] = row;
          if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
          cache.set(`${view}:${keys[i]}`, row);
        });
      }
      return out;
    },
  };
}
