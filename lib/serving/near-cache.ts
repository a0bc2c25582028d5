/**
 * In-process caches in front of the online store's point lookups. A finished run's online views are
 * a frozen snapshot, so a cached row is never out of date:
 *   - withSnapshot loads small views whole (users, posts) and only the key set of large ones (user ×
 *     post pairs), in the background on first use; a key that is not in the set answers null without
 *     a round trip, which is what most (user, post) pairs are;
 *   - withNearCache keeps the rows it fetched, bounded (oldest first).
 */
import type { FeatureStore, OnlineRecord } from "@/lib/pipeline/feature-store/types";
import { lowerBound } from "@/lib/pipeline/sorted";

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

/** A view held whole, or only its sorted key set. */
export type ViewSnapshot = { kind: "rows"; rows: Map<number, OnlineRecord> } | { kind: "keys"; keys: Float64Array };

export function withSnapshot(store: FeatureStore, preload: (view: string) => Promise<ViewSnapshot | null>): FeatureStore {
  const snapshots = new Map<string, ViewSnapshot | null | "loading">();
  const snapshotOf = (view: string) => {
    const known = snapshots.get(view);
    if (known !== undefined) return known === "loading" ? null : known;
    snapshots.set(view, "loading");
    // Until it is loaded (or if the view is too large to hold), lookups go to the store.
    preload(view).then(
      (snapshot) => snapshots.set(view, snapshot),
      () => snapshots.delete(view),
    );
    return null;
  };
  return {
    ...store,
    async getOnlineFeatures(view, keys) {
      const snapshot = snapshotOf(view);
      if (!snapshot) return store.getOnlineFeatures(view, keys);
      if (snapshot.kind === "rows") return keys.map((k) => snapshot.rows.get(k) ?? null);
      const out: (OnlineRecord | null)[] = new Array<OnlineRecord | null>(keys.length).fill(null);
      const present = keys.flatMap((k, i) => (snapshot.keys[lowerBound(snapshot.keys, k)] === k ? [i] : []));
      if (present.length > 0) {
        const rows = await store.getOnlineFeatures(view, present.map((i) => keys[i]!));
        present.forEach((i, j) => (out[i] = rows[j] ?? null));
      }
      return out;
    },
  };
}
