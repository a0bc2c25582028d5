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
import { DAY_SECONDS, firstSeenOffset, slotOffset, uniqueUsersOffset } from "./spec";
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

export type AggregateState = {
  spec: FeatureSpec;
  user: Float64Array;
  post: Float64Array;
  /** Pair id (index.pairIdx) → count * 2 + likedFlag of the events added so far. */
  pair: PairTable;
  global: Float64Array;
  /** Events [0, added) are in the all-time aggregates. */
  added: number;
  /** Per window: events [0, expired[w]) have left that window. */
  expired: Int32Array;
  /** Latest event time included (the freshness watermark), -Infinity if none. */
  watermark: number;
};

export function createAggregateState(spec: FeatureSpec, index: EntityIndex): AggregateState {
  const user = new Float64Array(index.nUsers * spec.rowLength);
  const post = new Float64Array(index.nPosts * spec.rowLength);
  const fs = firstSeenOffset(spec);
  for (let u = 0; u < index.nUsers; u++) user[u * spec.rowLength + fs] = -1;
  for (let p = 0; p < index.nPosts; p++) post[p * spec.rowLength + fs] = -1;
  return { spec, user, post, pair: createPairTable(index.nPairs), global: new Float64Array(4), added: 0, expired: new Int32Array(spec.windowsDays.length), watermark: -Infinity };
}

/**
 * Counter slots are [n, likes, dislikes, shares]; action codes like=1, dislike=2, share=3 index
 * them. The hot loops below are written out by hand (no helper calls, locals for every array):
 * this sweep runs once per event and dominates the features stage.
 */
export function advanceTo(state: AggregateState, events: EventTable, index: EntityIndex, asOf: number): void {
  const { spec, user, post, pair, global } = state;
  const R = spec.rowLength;
  const W = spec.windowsDays.length;
  const fs = firstSeenOffset(spec);
  const uu = uniqueUsersOffset(spec);
  const ts = events.ts;
  const action = events.action;
  const userIdx = index.userIdx;
  const postIdx = index.postIdx;
  const pairIdx = index.pairIdx;
  const n = events.n;
  let i = state.added;
  if (i < n && ts[i]! < asOf) {
    const slotsEnd = 4 * (W + 1);
    for (; i < n; i++) {
      const t = ts[i]!;
      if (!(t < asOf)) break;
      const a = action[i]!;
      const uo = userIdx[i]! * R;
      const po = postIdx[i]! * R;
      for (let o = 0; o < slotsEnd; o += 4) {
        user[uo + o] = user[uo + o]! + 1;
        post[po + o] = post[po + o]! + 1;
        if (a > 0) {
          user[uo + o + a] = user[uo + o + a]! + 1;
          post[po + o + a] = post[po + o + a]! + 1;
        }
      }
      global[0] = global[0]! + 1;
      if (a > 0) global[a] = global[a]! + 1;
      if (user[uo + fs]! < 0) user[uo + fs] = t;
      if (post[po + fs]! < 0) post[po + fs] = t;
      if (bumpPair(pair, pairIdx[i]!, userIdx[i]!, postIdx[i]!, a === ACTION_LIKE) < 0) post[po + uu] = post[po + uu]! + 1;
      state.watermark = t;
    }
    state.added = i;
  }
  const added = state.added;
  for (let w = 0; w < W; w++) {
    const cutoff = asOf - spec.windowsDays[w]! * DAY_SECONDS;
    let j = state.expired[w]!;
    if (!(j < added && ts[j]! < cutoff)) continue;
    const o = slotOffset(w + 1);
    for (; j < added && ts[j]! < cutoff; j++) {
      const a = action[j]!;
      const uo = userIdx[j]! * R + o;
      const po = postIdx[j]! * R + o;
      user[uo] = user[uo]! - 1;
      post[po] = post[po]! - 1;
      if (a > 0) {
        user[uo + a] = user[uo + a]! - 1;
        post[po + a] = post[po + a]! - 1;
      }
    }
    state.expired[w] = j;
  }
}

/** History of event `row`'s (user, post) pair among the events added so far: count * 2 + likedBefore (0 when none). */
export function pairHistory(state: AggregateState, index: EntityIndex, row: number): number {
  return state.pair.values[index.pairIdx[row]!]!;
}
