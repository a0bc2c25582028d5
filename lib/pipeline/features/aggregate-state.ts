/**
 * Streaming aggregates over time-ordered events: per user and per post, all-time and windowed
 * counts of events/likes/dislikes/shares, first-seen time, unique users per post, user×post
 * history and global counts. `advanceTo(asOf)` adds every event with ts < asOf (strictly before:
 * same-second events are not visible) and expires events that left each window, so any query at
 * time t sees exactly the events before t. O(N) for the whole sweep.
 */
import { ACTION_LIKE } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import { bumpPair, createPairTable, indexPairs } from "./pair-table";
import type { PairTable } from "./pair-table";
import { DAY_SECONDS, firstSeenOffset, uniqueUsersOffset } from "./spec";
import type { FeatureSpec } from "./spec";

/** Entity id → dense index lookup (a typed table for small ids, else a Map); undefined when unseen. */
export type IdLookup = { get(id: number): number | undefined };

export type EntityIndex = {
  userIdx: Int32Array;
  postIdx: Int32Array;
  nUsers: number;
  nPosts: number;
  userIds: Int32Array;
  postIds: Int32Array;
  userOf: IdLookup;
  postOf: IdLookup;
  /** Per event: dense id of its (user, post) pair (see indexPairs). */
  pairIdx: Int32Array;
  nPairs: number;
};

/**
 * Dense indices in first-seen order. Ids are usually small positive integers (the anchor's are
 * 1..N/10): then a typed table replaces the Map, whose per-row hashing cost most of this pass.
 */
function denseIndex(ids: Int32Array, n: number): { idx: Int32Array; ids: Int32Array; of: IdLookup } {
  const idx = new Int32Array(n);
  let min = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = ids[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const seen: number[] = [];
  if (min >= 0 && max < 4 * n + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = ids[i]!;
      let e = table[v]!;
      if (e < 0) { e = seen.length; table[v] = e; seen.push(v); }
      idx[i] = e;
    }
    const get = (id: number): number | undefined => {
      const e = Number.isInteger(id) && id >= 0 && id <= max ? table[id]! : -1;
      return e >= 0 ? e : undefined;
    };
    return { idx, ids: Int32Array.from(seen), of: { get } };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = ids[i]!;
    let e = map.get(v);
    if (e === undefined) { e = seen.length; map.set(v, e); seen.push(v); }
    idx[i] = e;
  }
  return { idx, ids: Int32Array.from(seen), of: map };
}

export function indexEntities(events: EventTable): EntityIndex {
  const users = denseIndex(events.userId, events.n);
  const posts = denseIndex(events.postId, events.n);
  const { pairIdx, nPairs } = indexPairs(users.idx, posts.idx, events.n, users.ids.length, posts.ids.length);
  return {
    userIdx: users.idx, postIdx: posts.idx, nUsers: users.ids.length, nPosts: posts.ids.length, userIds: users.ids, postIds: posts.ids,
    userOf: users.of, postOf: posts.of, pairIdx, nPairs,
  };
}

/**
 * Compact counter store: per entity C = 4·(windows + 1) Int32 counters [n, likes, dislikes, shares]
 * (all time, then per window) in one 64-byte stride for the default three windows, first-seen
 * times in a Float64Array and unique users per post in an Int32Array. Half the bytes of Float64
 * rows, so the rows the sweep touches at random stay in cache; `entityRows` builds the feature
 * store's Float64 row layout (spec.ts) only when a snapshot is exported.
 */
export type AggregateState = {
  spec: FeatureSpec;
  /** Counters per entity, `counterStride(spec)` each. */
  userCounts: Int32Array;
  postCounts: Int32Array;
  /** First event time per entity, -1 if none yet. */
  userFirst: Float64Array;
  postFirst: Float64Array;
  /** Unique users per post. */
  postUnique: Int32Array;
  /** Pair id (index.pairIdx) → count * 2 + likedFlag of the events added so far (0: none). */
  pair: PairTable;
  global: Float64Array;
  /** Events [0, added) are in the all-time aggregates. */
  added: number;
  /** Per window: events [0, expired[w]) have left that window. */
  expired: Int32Array;
  /** Latest event time included (the freshness watermark), -Infinity if none. */
  watermark: number;
};

/** Counters per entity: [n, likes, dislikes, shares] for all time and each window. */
export const counterStride = (spec: FeatureSpec) => 4 * (spec.windowsDays.length + 1);

export function createAggregateState(spec: FeatureSpec, index: EntityIndex): AggregateState {
  const C = counterStride(spec);
  return {
    spec, userCounts: new Int32Array(index.nUsers * C), postCounts: new Int32Array(index.nPosts * C),
    userFirst: new Float64Array(index.nUsers).fill(-1), postFirst: new Float64Array(index.nPosts).fill(-1), postUnique: new Int32Array(index.nPosts),
    pair: createPairTable(index.nPairs), global: new Float64Array(4), added: 0, expired: new Int32Array(spec.windowsDays.length), watermark: -Infinity,
  };
}

/** The entity rows in the feature store's layout (spec.ts: counters, firstSeen, uniqueUsers), rowLength per entity. */
export function entityRows(state: AggregateState, entity: "user" | "post"): Float64Array {
  const { spec } = state;
  const counts = entity === "user" ? state.userCounts : state.postCounts;
  const first = entity === "user" ? state.userFirst : state.postFirst;
  const C = counterStride(spec);
  const R = spec.rowLength;
  const fs = firstSeenOffset(spec);
  const uu = uniqueUsersOffset(spec);
  const rows = new Float64Array(first.length * R);
  for (let e = 0; e < first.length; e++) {
    for (let c = 0; c < C; c++) rows[e * R + c] = counts[e * C + c]!;
    rows[e * R + fs] = first[e]!;
    rows[e * R + uu] = entity === "post" ? state.postUnique[e]! : 0;
  }
  return rows;
}

/**
 * Counter slots are [n, likes, dislikes, shares]; action codes like=1, dislike=2, share=3 index
 * them. The hot loops below are written out by hand (no helper calls, locals for every array):
 * this sweep runs once per event and dominates the features stage.
 */
export function advanceTo(state: AggregateState, events: EventTable, index: EntityIndex, asOf: number): void {
  const { spec, userCounts: user, postCounts: post, userFirst, postFirst, postUnique, pair, global } = state;
  const C = counterStride(spec);
  const W = spec.windowsDays.length;
  const ts = events.ts;
  const action = events.action;
  const userIdx = index.userIdx;
  const postIdx = index.postIdx;
  const pairIdx = index.pairIdx;
  const n = events.n;
  let i = state.added;
  if (i < n && ts[i]! < asOf) {
    for (; i < n; i++) {
      const t = ts[i]!;
      if (!(t < asOf)) break;
      const a = action[i]!;
      const u = userIdx[i]!;
      const p = postIdx[i]!;
      const uo = u * C;
      const po = p * C;
      for (let o = 0; o < C; o += 4) {
        user[uo + o]!++;
        post[po + o]!++;
        if (a > 0) {
          user[uo + o + a]!++;
          post[po + o + a]!++;
        }
      }
      global[0]!++;
      if (a > 0) global[a]!++;
      if (userFirst[u]! < 0) userFirst[u] = t;
      if (postFirst[p]! < 0) postFirst[p] = t;
      if (bumpPair(pair, pairIdx[i]!, a === ACTION_LIKE) < 0) postUnique[p]!++;
      state.watermark = t;
    }
    state.added = i;
  }
  const added = state.added;
  for (let w = 0; w < W; w++) {
    const cutoff = asOf - spec.windowsDays[w]! * DAY_SECONDS;
    let j = state.expired[w]!;
    if (!(j < added && ts[j]! < cutoff)) continue;
    const o = 4 * (w + 1);
    for (; j < added && ts[j]! < cutoff; j++) {
      const a = action[j]!;
      const uo = userIdx[j]! * C + o;
      const po = postIdx[j]! * C + o;
      user[uo]!--;
      post[po]!--;
      if (a > 0) {
        user[uo + a]!--;
        post[po + a]!--;
      }
    }
    state.expired[w] = j;
  }
}

/** History of event `row`'s (user, post) pair among the events added so far: count * 2 + likedBefore (0 when none). */
export function pairHistory(state: AggregateState, index: EntityIndex, row: number): number {
  return state.pair.values[index.pairIdx[row]!]!;
}
