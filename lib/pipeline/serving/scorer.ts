/**
 * Online scorer: looks up user, post and user×post rows in the online store, composes the same
 * features as training, and scores with the exported model in plain JS. Fallbacks, reported per
 * request:
 *  - "defaults": the entity is unknown or its value is older than the TTL, so training's cold-start
 *    defaults are used (Feast would silently serve the stale value; we refuse past TTL);
 *  - "last-good-snapshot": the lookup failed (timeout), so the scorer's in-process copy of the
 *    previous materialisation is used;
 *  - "popularity": nothing usable at all, so the post's popularity rank stands in for a score.
 * Injected lookup latency/failures (serving-latency scenario) are simulated values added to the
 * measured compute time: the engine never sleeps.
 */
import { composeFeatures } from "../features/compose";
import { firstSeenOffset } from "../features/spec";
import type { FeatureSpec } from "../features/spec";
import type { FeatureStore, OnlineRecord } from "../feature-store/types";
import { pairKey } from "../feature-store/types";
import type { RowScorer } from "../model/predict";
import type { Rng, Timer } from "../ports";
import { normal } from "../random";

export type ScoreRequest = { userId: number; postId: number; device: number; ts: number };
export type Fallback = "none" | "defaults" | "last-good-snapshot" | "popularity";
export type ScoreResponse = {
  probability: number;
  fallback: Fallback;
  latencyMs: number;
  /** With `explain`: the model input row and each lookup's age in seconds (null = not found). */
  explanation?: { features: Float32Array; ageSeconds: { user: number | null; post: number | null; pair: number | null } };
};

export type LookupFault = { extraLatencyMs: number; failureRate: number; rng: Rng };

export type ScorerOptions = {
  spec: FeatureSpec;
  store: FeatureStore;
  scoreRow: RowScorer;
  timer: Timer;
  ttlSeconds: number;
  /** Previous materialisation, used when a lookup fails. */
  lastGood: { user: Map<number, Float64Array>; post: Map<number, Float64Array> };
  popularity: (postId: number) => number;
  isSkewed?: boolean;
  fault?: LookupFault;
  /** Return the feature row and lookup ages with each response (the predict API's explanation). */
  explain?: boolean;
};

export type Scorer = (req: ScoreRequest) => Promise<ScoreResponse>;

export function createScorer(o: ScorerOptions): Scorer {
  const R = o.spec.rowLength;
  const empty = new Float64Array(R);
  empty[firstSeenOffset(o.spec)] = -1;
  const x = new Float32Array(o.spec.dim);
  const usable = (r: OnlineRecord | null | undefined, now: number) => (r && now - r.eventTime <= o.ttlSeconds ? r.values : null);

  return async (req) => {
    const start = o.timer();
    let injectedMs = 0;
    let hasFailed = false;
    if (o.fault && (o.fault.extraLatencyMs > 0 || o.fault.failureRate > 0)) {
      injectedMs = o.fault.extraLatencyMs * Math.exp(normal(o.fault.rng, 0, 0.6));
      hasFailed = o.fault.rng() < o.fault.failureRate;
    }
    let fallback: Fallback = "none";
    let user: Float64Array | null = null;
    let post: Float64Array | null = null;
    let pair = 0;
    const ageSeconds: { user: number | null; post: number | null; pair: number | null } = { user: null, post: null, pair: null };
    if (hasFailed) {
      user = o.lastGood.user.get(req.userId) ?? null;
      post = o.lastGood.post.get(req.postId) ?? null;
      fallback = user || post ? "last-good-snapshot" : "popularity";
    } else {
      // The three lookups are independent: issue them together (one round trip of latency over SQL).
      const [[u], [p], [pr]] = await Promise.all([
        o.store.getOnlineFeatures("user_aggregates", [req.userId]),
        o.store.getOnlineFeatures("post_aggregates", [req.postId]),
        o.store.getOnlineFeatures("user_post_history", [pairKey(req.userId, req.postId)]),
      ]);
      if (o.explain) {
        ageSeconds.user = u ? req.ts - u.eventTime : null;
        ageSeconds.post = p ? req.ts - p.eventTime : null;
        ageSeconds.pair = pr ? req.ts - pr.eventTime : null;
      }
      user = usable(u, req.ts);
      post = usable(p, req.ts);
      pair = usable(pr, req.ts)?.[0] ?? 0;
      if ((u && !user) || (p && !post) || !u || !p) fallback = "defaults";
    }
    let probability: number;
    if (fallback === "popularity") {
      probability = o.popularity(req.postId);
    } else {
      composeFeatures(o.spec, user ?? empty, 0, post ?? empty, 0, pair >>> 1, pair & 1, req.device, req.ts, x, 0, o.isSkewed ?? false);
      probability = o.scoreRow(x, 0);
    }
    const latencyMs = o.timer() - start + injectedMs;
    return o.explain ? { probability, fallback, latencyMs, explanation: { features: Float32Array.from(x), ageSeconds } } : { probability, fallback, latencyMs };
  };
}
