/** In-memory FeatureStore for tests and the CLI; same semantics as the SQL implementation. */
import type {
  EntityQuery, FeatureRecord, FeatureStore, FeatureViewSpec, FeatureViewVersion, Freshness, OnlineRecord,
} from "./types";

type OfflineTable = Map<number, FeatureRecord[]>; // per entity, sorted by eventTime

export function createInMemoryFeatureStore(): FeatureStore {
  const views = new Map<string, FeatureViewVersion[]>();
  const offline = new Map<string, OfflineTable>();
  const online = new Map<string, Map<number, OnlineRecord>>();
  const lastWrite = new Map<string, number>();

  const current = (name: string): FeatureViewVersion => {
    const v = views.get(name)?.at(-1);
    if (!v) throw new Error(`Unknown feature view ${name}`);
    return v;
  };

  return {
    async registerView(spec: FeatureViewSpec, registeredAt: number) {
      const list = views.get(spec.name) ?? [];
      const version: FeatureViewVersion = { name: spec.name, version: list.length + 1, spec, registeredAt };
      views.set(spec.name, [...list, version]);
      return version;
    },
    async listViews() {
      return [...views.values()].flat();
    },
    async writeOffline(view, version, records) {
      const key = `${view}@${version}`;
      const table = offline.get(key) ?? new Map<number, FeatureRecord[]>();
      offline.set(key, table);
      for (const r of records) {
        const list = table.get(r.entityKey) ?? [];
        list.push(r);
        if (list.length > 1 && (list.at(-2)?.eventTime ?? 0) > r.eventTime) list.sort((a, b) => a.eventTime - b.eventTime);
        table.set(r.entityKey, list);
      }
      return records.length;
    },
    async getHistoricalFeatures(view, version, queries: EntityQuery[]) {
      const table = offline.get(`${view}@${version}`);
      const ttl = views.get(view)?.[version - 1]?.spec.ttlSeconds ?? Infinity;
      return queries.map((q) => {
        const list = table?.get(q.entityKey);
        if (!list) return null;
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((list[mid]?.eventTime ?? 0) < q.ts) lo = mid + 1;
          else hi = mid;
        }
        const hit = list[lo - 1];
        return hit && q.ts - hit.eventTime <= ttl ? hit : null;
      });
    },
    async materializeOnline(view, records, writtenAt) {
      const store = online.get(view) ?? new Map<number, OnlineRecord>();
      online.set(view, store);
      let written = 0;
      for (const r of records) {
        const prev = store.get(r.entityKey);
        if (prev && prev.eventTime > r.eventTime) continue;
        store.set(r.entityKey, { ...r, writtenAt });
        written++;
      }
      lastWrite.set(view, writtenAt);
      return written;
    },
    async getOnlineFeatures(view, keys) {
      const store = online.get(view);
      return keys.map((k) => store?.get(k) ?? null);
    },
    async freshness(view, now): Promise<Freshness> {
      const ttl = current(view).spec.ttlSeconds;
      const store = online.get(view);
      let maxEventTime = -Infinity;
      for (const r of store?.values() ?? []) if (r.eventTime > maxEventTime) maxEventTime = r.eventTime;
      const lag = Number.isFinite(maxEventTime) ? now - maxEventTime : Infinity;
      return { view, entities: store?.size ?? 0, maxEventTime, lastWrittenAt: lastWrite.get(view) ?? -Infinity, lagSeconds: lag, ttlSeconds: ttl, isStale: lag > ttl };
    },
  };
}
