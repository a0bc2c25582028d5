/**
 * A small in-process cache with a time to live and a size bound (oldest entry evicted first). Used
 * for hot reads that tolerate a short staleness: the session check on every request, the drill
 * catalog. Pending loads are shared, so a burst of requests for one key makes one query; a failed
 * load is not cached.
 */
export type TtlCache<K, V> = {
  get(key: K, load: () => Promise<V>): Promise<V>;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
};

export function createTtlCache<K, V>({ ttlMs, maxEntries = 10_000, now = () => performance.now() }: { ttlMs: number; maxEntries?: number; now?: () => number }): TtlCache<K, V> {
  const entries = new Map<K, { value: Promise<V>; until: number }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      const at = now();
      if (hit && hit.until > at) return hit.value;
      if (hit) entries.delete(key);
      const value = load();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as K);
      entries.set(key, { value, until: at + ttlMs });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
