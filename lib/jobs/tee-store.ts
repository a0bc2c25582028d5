/**
 * Runs train against a fast in-memory feature store; this wrapper records what was materialised
 * online so that, once the run succeeds, the worker can copy the online views into PostgreSQL
 * (where /api/predict reads them) without slowing the run's own serving measurements.
 */
import type { FeatureRecord, FeatureStore, FeatureViewSpec } from "@/lib/pipeline/feature-store/types";

type OnlineWrite = { view: string; records: FeatureRecord[]; writtenAt: number };

export function createTeeStore(inner: FeatureStore): { store: FeatureStore; copyOnlineTo: (target: FeatureStore) => Promise<number> } {
  const specs: { spec: FeatureViewSpec; registeredAt: number }[] = [];
  const writes: OnlineWrite[] = [];
  const store: FeatureStore = {
    ...inner,
    async registerView(spec, registeredAt) {
      specs.push({ spec, registeredAt });
      return inner.registerView(spec, registeredAt);
    },
    async materializeOnline(view, records, writtenAt) {
      writes.push({ view, records, writtenAt });
      return inner.materializeOnline(view, records, writtenAt);
    },
  };
  return {
    store,
    async copyOnlineTo(target) {
      for (const { spec, registeredAt } of specs) await target.registerView(spec, registeredAt);
      let rows = 0;
      for (const w of writes) rows += await target.materializeOnline(w.view, w.records, w.writtenAt);
      return rows;
    },
  };
}
