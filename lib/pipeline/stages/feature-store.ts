/**
 * Stage `feature-store`: register the feature views, write the offline table as of the training
 * cutoff, and materialise the online store at the serving snapshot (which lags in the
 * stale-features scenario). Record eventTime = the aggregate's watermark (latest event included).
 */
import { advanceTo, createAggregateState, entityRows, pairHistory } from "../features/aggregate-state";
import type { AggregateState } from "../features/aggregate-state";
import type { FeatureRecord } from "../feature-store/types";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng } from "../random";
import type { ScoreRequest } from "../serving/scorer";

/** Requests the serve stage replays: test events re-scored at serving time (seeded sample). */
function sampleServingRequests(ctx: PipelineContext): ScoreRequest[] {
  const ex = ctx.examples!;
  const from = ctx.nTrain + ctx.nVal;
  const rng = deriveRng(ctx.config.seed, "serve");
  const total = ctx.config.serving.warmup + ctx.config.serving.requests;
  return Array.from({ length: total }, () => {
    const k = from + Math.floor(rng() * (ex.n - from));
    return { userId: ex.userId[k]!, postId: ex.postId[k]!, device: ex.device[k]!, ts: ctx.endAt + 1 };
  });
}

function entityRecords(state: AggregateState, ids: Int32Array, rows: Float64Array, R: number): FeatureRecord[] {
  const out: FeatureRecord[] = [];
  for (let e = 0; e < ids.length; e++) {
    if ((rows[e * R] ?? 0) === 0) continue;
    out.push({ entityKey: ids[e]!, eventTime: state.watermark, values: rows.slice(e * R, (e + 1) * R) });
  }
  return out;
}

export async function featureStoreStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config, store } = ctx;
  ctx.servingRequests = sampleServingRequests(ctx);
  const spec = ctx.spec!;
  const index = ctx.index!;
  const events = ctx.clean!;
  const ttl = config.featureStore.ttlHours * 3600;
  const now = ctx.ports.clock().getTime() / 1000;
  const fields = ["n", "likes", "dislikes", "shares"];
  const rowFields = ["all", ...spec.windowsDays.map((w) => `${w}d`)].flatMap((s) => fields.map((f) => `${f}_${s}`)).concat(["first_seen", "unique_users"]);
  const views = await Promise.all([
    store.registerView({ name: "user_aggregates", entity: "user", fields: rowFields, ttlSeconds: ttl }, now),
    store.registerView({ name: "post_aggregates", entity: "post", fields: rowFields, ttlSeconds: ttl }, now),
    store.registerView({ name: "user_post_history", entity: "user_post", fields: ["count_x2_plus_liked"], ttlSeconds: ttl }, now),
  ]);
  const R = spec.rowLength;
  // offline table (and the scorer's last good snapshot) as of the training cutoff
  const atCutoff = createAggregateState(spec, index);
  advanceTo(atCutoff, events, index, ctx.cutoff);
  const userAtCutoff = entityRecords(atCutoff, index.userIds, entityRows(atCutoff, "user"), R);
  const postAtCutoff = entityRecords(atCutoff, index.postIds, entityRows(atCutoff, "post"), R);
  await store.writeOffline("user_aggregates", views[0].version, userAtCutoff);
  await store.writeOffline("post_aggregates", views[1].version, postAtCutoff);
  ctx.lastGood = {
    user: new Map(userAtCutoff.map((r) => [r.entityKey, r.values])),
    post: new Map(postAtCutoff.map((r) => [r.entityKey, r.values])),
  };
  // online store at the serving snapshot
  const lag = config.knobs.snapshotLagHours * 3600;
  ctx.snapshotAt = ctx.endAt + 1 - lag;
  const snap = createAggregateState(spec, index);
  advanceTo(snap, events, index, ctx.snapshotAt);
  const writtenAt = ctx.snapshotAt;
  const nUsers = await store.materializeOnline("user_aggregates", entityRecords(snap, index.userIds, entityRows(snap, "user"), R), writtenAt);
  const nPosts = await store.materializeOnline("post_aggregates", entityRecords(snap, index.postIds, entityRows(snap, "post"), R), writtenAt);
  // user×post rows only for the users the serving stage will request (the candidate set's users):
  // materialising every pair of a 1M-event log costs ~800 MB of records in the in-memory store
  const isRequested = new Uint8Array(index.nUsers);
  for (const r of ctx.servingRequests) {
    const u = index.userOf.get(r.userId);
    if (u !== undefined) isRequested[u] = 1;
  }
  // a pair's user and post are those of any of its events: the table stores no keys
  const eventOfPair = new Int32Array(index.nPairs).fill(-1);
  for (let i = 0; i < snap.added; i++) if (isRequested[index.userIdx[i]!]) eventOfPair[index.pairIdx[i]!] = i;
  const pairs: FeatureRecord[] = [];
  for (let h = 0; h < eventOfPair.length; h++) {
    const i = eventOfPair[h]!;
    if (i < 0) continue;
    pairs.push({ entityKey: index.userIds[index.userIdx[i]!]! * 67_108_864 + index.postIds[index.postIdx[i]!]!, eventTime: snap.watermark, values: Float64Array.of(pairHistory(snap, i)) });
  }
  const nPairs = await store.materializeOnline("user_post_history", pairs, writtenAt);
  const servingNow = ctx.endAt + 1;
  const freshness = await Promise.all(views.map((v) => store.freshness(v.name, servingNow)));
  ctx.result.featureStore = {
    views: views.map((v) => ({ name: v.name, version: v.version, entity: v.spec.entity, ttlSeconds: v.spec.ttlSeconds })),
    freshness,
  };
  return { onlineUsers: nUsers, onlinePosts: nPosts, onlinePairs: nPairs, offlineRows: userAtCutoff.length + postAtCutoff.length, lagHours: (freshness[0]?.lagSeconds ?? 0) / 3600 };
}
