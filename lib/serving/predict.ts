/**
 * The predict API's shell: rebuilds a run's scorer (model + the run's online store in PostgreSQL,
 * with the same fallbacks as the run's serving stage) and answers one request with the probability,
 * the feature values with their freshness, the fallback used and the model version. Keeps recent
 * latencies in memory for the live percentile page (per web process).
 */
import { createPostgresFeatureStore, loadOnlineKeys, loadOnlineRows } from "@/lib/db/features";
import { getServingModel, type ModelVersionDto } from "@/lib/db/models";
import { publish, subscribe } from "@/lib/cluster-bus";
import { AppError } from "@/lib/errors";
import { DEVICE_SLOTS } from "@/lib/pipeline/features/spec";
import { createRowScorer } from "@/lib/pipeline/model/row-scorer";
import { deserializeModel } from "@/lib/pipeline/serving/bundle";
import { createScorer, type Scorer } from "@/lib/pipeline/serving/scorer";
import { withNearCache, withSnapshot, type ViewSnapshot } from "./near-cache";

export type PredictInput = { runId: string; userId: number; postId: number; device: (typeof DEVICE_SLOTS)[number] };
export type PredictOutput = {
  probability: number;
  fallback: string;
  latencyMs: number;
  model: { versionId: string; runId: string; kind: string; createdAt: string };
  features: { name: string; value: number }[];
  freshness: Record<"user" | "post" | "pair", { ageHours: number | null; ttlHours: number; isFresh: boolean; isFound: boolean }>;
};

const scorers = new Map<string, Scorer>();
/** Served models by learner and run: a run's model never changes once stored, so a short cache is safe. */
const MODEL_CACHE_MS = 30_000;
const models = new Map<string, { model: ModelVersionDto; until: number }>();

async function servingModel(runId: string, learnerId: string): Promise<ModelVersionDto | null> {
  const key = `${learnerId}:${runId}`;
  const hit = models.get(key);
  if (hit && hit.until > performance.now()) return hit.model;
  const model = await getServingModel({ runId, userId: learnerId });
  if (model) {
    if (models.size > 500) models.clear();
    models.set(key, { model, until: performance.now() + MODEL_CACHE_MS });
  }
  return model;
}
const LATENCY_WINDOW = 2_000;
const latencies: number[] = [];

/**
 * The other web processes' latency windows (scripts/web-server.mjs runs several): each process
 * publishes its window (at most once a second), so the live percentiles cover the recent predictions
 * of every process on this machine, whichever process answers the stats request.
 */
const peers = new Map<number, { latencies: number[]; at: number }>();
let changed = false;
let lastPublished = 0;
subscribe("predict-latencies", (payload) => {
  const { pid, window } = payload as { pid: number; window: number[] };
  if (Number.isInteger(pid) && Array.isArray(window)) peers.set(pid, { latencies: window.slice(-LATENCY_WINDOW), at: Date.now() });
});
setInterval(() => {
  // Changed windows go out within a second; an unchanged one is re-sent every 20 s so peers keep it.
  if (latencies.length === 0 || (!changed && Date.now() - lastPublished < 20_000)) return;
  changed = false;
  lastPublished = Date.now();
  void publish("predict-latencies", { pid: process.pid, window: latencies });
}, 1000).unref();

/** Scorers kept per process (each holds a model, its snapshot and a near-cache): the most recent. */
const MAX_SCORERS = 4;

/**
 * What of a finished run's online views to hold in memory: users and posts whole (a 1B-preset run
 * has 10k users and under 100k posts), user × post pairs only as a key set (most pairs a caller asks
 * about were never seen, and those answer without a database round trip).
 */
const SNAPSHOT_MAX_ROWS = 200_000;
const SNAPSHOT_MAX_KEYS = 5_000_000;
async function preloadView(runId: string, view: string): Promise<ViewSnapshot | null> {
  if (view === "user_post_history") {
    const keys = await loadOnlineKeys({ namespace: runId, view, maxKeys: SNAPSHOT_MAX_KEYS });
    return keys && { kind: "keys", keys };
  }
  const rows = await loadOnlineRows({ namespace: runId, view, maxRows: SNAPSHOT_MAX_ROWS });
  return rows && { kind: "rows", rows };
}

function scorerFor(model: ModelVersionDto): Scorer {
  let scorer = scorers.get(model.id);
  if (scorer) {
    // Most recently used last, so the first key is the one to evict.
    scorers.delete(model.id);
    scorers.set(model.id, scorer);
  } else {
    if (scorers.size >= MAX_SCORERS) scorers.delete(scorers.keys().next().value!);
    const b = model.bundle;
    scorer = createScorer({
      spec: b.spec,
      store: withSnapshot(withNearCache(createPostgresFeatureStore({ namespace: model.runId })), (view) => preloadView(model.runId, view)),
      scoreRow: createRowScorer(deserializeModel(b.model)),
      timer: () => performance.now(),
      ttlSeconds: b.ttlSeconds,
      // Lookups that fail here throw (the database is down): there is no in-process snapshot.
      lastGood: { user: new Map(), post: new Map() },
      popularity: () => b.baseRate,
      isSkewed: b.isSkewed,
      explain: true,
    });
    scorers.set(model.id, scorer);
  }
  return scorer;
}

export async function predict({ learnerId, input }: { learnerId: string; input: PredictInput }): Promise<PredictOutput> {
  const model = await servingModel(input.runId, learnerId);
  if (!model) throw new AppError("NOT_FOUND", "No served model for this run", { issues: [{ field: "runId", message: "no finished run of yours with a model has this id" }] });
  const started = performance.now();
  const res = await scorerFor(model)({ userId: input.userId, postId: input.postId, device: DEVICE_SLOTS.indexOf(input.device), ts: model.bundle.servingNow });
  const latencyMs = performance.now() - started;
  latencies.push(latencyMs);
  if (latencies.length > LATENCY_WINDOW) latencies.splice(0, latencies.length - LATENCY_WINDOW);
  changed = true;
  const ttl = model.bundle.ttlSeconds;
  const fresh = (age: number | null | undefined) => ({ ageHours: age == null ? null : Math.round((age / 3600) * 10) / 10, ttlHours: ttl / 3600, isFresh: age != null && age <= ttl, isFound: age != null });
  const ages = res.explanation?.ageSeconds;
  return {
    probability: res.probability,
    fallback: res.fallback,
    latencyMs,
    model: { versionId: model.id, runId: model.runId, kind: model.kind, createdAt: model.createdAt.toISOString() },
    features: model.bundle.spec.names.map((name, i) => ({ name, value: res.explanation?.features[i] ?? 0 })),
    freshness: { user: fresh(ages?.user), post: fresh(ages?.post), pair: fresh(ages?.pair) },
  };
}

/** Percentiles of the last requests served by this machine's web processes (nearest-rank). */
export function latencyStats(): { count: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null } {
  const all = [...latencies];
  for (const [pid, peer] of peers) {
    // A process that has published nothing for a minute has stopped (or stopped serving predictions).
    if (Date.now() - peer.at > 60_000) peers.delete(pid);
    else all.push(...peer.latencies);
  }
  if (all.length === 0) return { count: 0, p50Ms: null, p95Ms: null, p99Ms: null };
  const sorted = all.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 1000) / 1000;
  return { count: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}
