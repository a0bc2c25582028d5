/**
 * Streaming aggregates over time-ordered events: per user and per post, all-time and windowed
 * counts of events/likes/dislikes/shares, first-seen time, unique users per post, user×post
 * history and global counts. `advanceTo(asOf)` adds every event with ts < asOf (strictly before:
 * same-second events are not visible) and expires events that left each window, so any query at
 * time t sees exactly the events before t. O(N) for the whole sweep.
 */
import { ACTION_LIKE } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import { createPairTable, getPair, setPair } from "./pair-table";
import type { PairTable } from "./pair-table";
import { DAY_SECONDS, firstSeenOffset, slotOffset, uniqueUsersOffset } from "./spec";
import type { FeatureSpec } from "./spec";

export type EntityIndex = {
  userIdx: Int32Array;
  postIdx: Int32Array;
  nUsers: number;
  nPosts: number;
  userIds: Int32Array;
  postIds: Int32Array;
  userOf: Map<number, number>;
  postOf: Map<number, number>;
};

export function indexEntities(events: EventTable): EntityIndex {
  const userOf = new Map<number, number>();
  const postOf = new Map<number, number>();
  const userIdx = new Int32Array(events.n);
  const postIdx = new Int32Array(events.n);
  const userIds: number[] = [];
  const postIds: number[] = [];
  for (let i = 0; i < events.n; i++) {
    const u = events.userId[i] ?? 0;
    let ui = userOf.get(u);
    if (ui === undefined) { ui = userIds.length; userOf.set(u, ui); userIds.push(u); }
    userIdx[i] = ui;
    const p = events.postId[i] ?? 0;
    let pi = postOf.get(p);
    if (pi === undefined) { pi = postIds.length; postOf.set(p, pi); postIds.push(p); }
    postIdx[i] = pi;
  }
  return { userIdx, postIdx, nUsers: userIds.length, nPosts: postIds.length, userIds: Int32Array.from(userIds), postIds: Int32Array.from(postIds), userOf, postOf };
}

export type AggregateState = {
  spec: FeatureSpec;
  user: Float64Array;
  post: Float64Array;
  /** (uIdx, pIdx) → count * 2 + likedFlag */
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
  return { spec, user, post, pair: createPairTable(1024), global: new Float64Array(4), added: 0, expired: new Int32Array(spec.windowsDays.length), watermark: -Infinity };
}

/** Counter slots are [n, likes, dislikes, shares]; action codes like=1, dislike=2, share=3 index them. */
function bump(row: Float64Array, off: number, action: number, sign: number): void {
  row[off] = (row[off] ?? 0) + sign;
  if (action > 0) row[off + action] = (row[off + action] ?? 0) + sign;
}

export function advanceTo(state: AggregateState, events: EventTable, index: EntityIndex, asOf: number): void {
  const { spec, user, post, pair, global } = state;
  const R = spec.rowLength;
  const W = spec.windowsDays.length;
  const fs = firstSeenOffset(spec);
  const uu = uniqueUsersOffset(spec);
  while (state.added < events.n && (events.ts[state.added] ?? 0) < asOf) {
    const i = state.added++;
    const a = events.action[i] ?? 0;
    const u = index.userIdx[i] ?? 0;
    const p = index.postIdx[i] ?? 0;
    const t = events.ts[i] ?? 0;
    for (let s = 0; s <= W; s++) {
      bump(user, u * R + slotOffset(s), a, 1);
      bump(post, p * R + slotOffset(s), a, 1);
    }
    bump(global, 0, a, 1);
    if ((user[u * R + fs] ?? -1) < 0) user[u * R + fs] = t;
    if ((post[p * R + fs] ?? -1) < 0) post[p * R + fs] = t;
    const prev = getPair(pair, u, p);
    if (prev < 0) post[p * R + uu] = (post[p * R + uu] ?? 0) + 1;
    setPair(pair, u, p, (Math.max(prev, 0) + 2) | (a === ACTION_LIKE ? 1 : 0));
    state.watermark = t;
  }
  for (let w = 0; w < W; w++) {
    const cutoff = asOf - (spec.windowsDays[w] ?? 0) * DAY_SECONDS;
    let j = state.expired[w] ?? 0;
    while (j < state.added && (events.ts[j] ?? 0) < cutoff) {
      const a = events.action[j] ?? 0;
      bump(user, (index.userIdx[j] ?? 0) * R + slotOffset(w + 1), a, -1);
      bump(post, (index.postIdx[j] ?? 0) * R + slotOffset(w + 1), a, -1);
      j++;
    }
    state.expired[w] = j;
  }
}

/** Pair history for (uIdx, pIdx) packed as count * 2 + likedBefore (0 when none). */
export function pairHistory(state: AggregateState, u: number, p: number): number {
  return Math.max(getPair(state.pair, u, p), 0);
}
