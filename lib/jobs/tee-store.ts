/**
 * Runs train against a fast in-memory feature store; this wrapper records what was materialised
 * online so that, once the run succeeds, the worker can copy the online views into PostgreSQL
 * (where /api/predict reads them) without slowing the run's own serving measurements.
 */
import type { FeatureRecord, FeatureStore, FeatureViewSpec } from "@/lib/pipeline/feature-store/types";

type OnlineWrite = { view: string; records: FeatureRecord[]; writtenAt: number };

/**
 * The copy is paced: slices of `sliceRows`, each followed by a pause as long as `(1 - duty) / duty`
 * times the slice took, so PostgreSQL (which does not run niced) spends at most about `duty` of a
 * core on it and the web server's queries and pages keep their latency while a run finishes.
 */
export type CopyPacing = { sliceRows: number; duty: number };
const DEFAULT_PACING: CopyPacing = { sliceRows: 2_000, duty: 0.5 };

export function createTeeStore(inner: FeatureStore): { store: FeatureStore; copyOnlineTo: (target: FeatureStore, pacing?: CopyPacing) => Promise<number> } {
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
    async copyOnlineTo(target, { sliceRows, duty } = DEFAULT_PACING) {
      for (const { spec, registeredAt } of specs) await target.registerView(spec, registeredAt);
      let rows = 0;
      for (const w of writes) {
        for (let i = 0; i < w.records.length; i += sliceRows) {
          const started = performance.now();
          rows += await target.materializeOnline(w.view, w.records.slice(i, i + sliceRows), w.writtenAt);
          const pause = ((performance.now() - started) * (1 - duty)) / duty;
          if (pause > 0 && i + sliceRows < w.records.length) await new Promise((r) => setTimeout(r, pause));
        }
      }
      return rows;
    },
  };
}
