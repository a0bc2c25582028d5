/**
 * A small in-process cache with a time to live and a size bound (oldest entry evicted first). Used
 * for hot reads that tolerate a short staleness: the session check on every request, the drill
 * catalog. Pending loads are shared, so a burst of requests for one key makes one query; a failed
 * load is not cached. With `refreshAfterMs`, hot keys are reloaded in the background before they
 * expire, so readers do not wait on the database, and no value is ever served past `ttlMs`.
 */
export type TtlCache<K, V> = {
  get(key: K, load: () => Promise<V>): Promise<V>;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
};

export function createTtlCache<K, V>({ ttlMs, refreshAfterMs, maxEntries = 10_000, now = () => performance.now() }: {
  ttlMs: number;
  /** After this age a hit is still served, and one reload runs in the background (never past ttlMs). */
  refreshAfterMs?: number;
  maxEntries?: number;
  now?: () => number;
}): TtlCache<K, V> {
  const entries = new Map<K, { value: Promise<V>; until: number; refreshAt: number; refreshing?: boolean }>();
  const store = (key: K, value: Promise<V>, at: number) => {
    if (!entries.has(key) && entries.size >= maxEntries) entries.delete(entries.keys().next().value as K);
    entries.set(key, { value, until: at + ttlMs, refreshAt: at + (refreshAfterMs ?? ttlMs) });
  };
  return {
    get(key, load) {
      const hit = entries.get(key);
      const at = now();
      if (hit && hit.until > at) {
        if (at >= hit.refreshAt && !hit.refreshing) {
          hit.refreshing = true;
          const next = load();
          // Replace the entry only with a value that loaded; a failed refresh leaves the old one to expire.
          next.then(
            () => entries.get(key) === hit && store(key, next, now()),
            () => {
              hit.refreshing = false;
            },
          );
        }
        return hit.value;
      }
      if (hit) entries.delete(key);
      const value = load();
      store(key, value, at);
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
