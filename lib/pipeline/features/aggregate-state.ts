/**
 * Streaming aggregates over time-ordered events: per user and per post, all-time and windowed
 * counts of events/likes/dislikes/shares, first-seen time, unique users per post, user×post
 * history and global counts. `advanceTo(asOf)` adds every event with ts < asOf (strictly before:
 * same-second events are not visible) and expires events that left each window, so any query at
 * time t sees exactly the events before t. O(N) for the whole sweep.
 */
import { ACTION_LIKE } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import { bumpPair, indexPairs } from "./pair-table";
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
  /** User u's pair ids are pairStart[u] .. pairStart[u + 1] − 1 (ids are user-major). */
  pairStart: Int32Array;
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
  const { pairIdx, nPairs, pairStart } = indexPairs(users.idx, posts.idx, events.n, users.ids.length, posts.ids.length);
  return {
    userIdx: users.idx, postIdx: posts.idx, nUsers: users.ids.length, nPosts: posts.ids.length, userIds: users.ids, postIds: posts.ids,
    userOf: users.of, postOf: posts.of, pairIdx, nPairs, pairStart,
  };
}

/**
 * Compact block store: everything the sweep reads or writes about one entity sits in one block,
 * so an event touches two blocks (a few cache lines, two pages) instead of six arrays at random.
 * Counters are Int32, C = 4·(windows + 1) of them ([n, likes, dislikes, shares] all time, then per
 * window), followed by the first-seen time (a Float64 view of the same buffer, so blocks start at
 * even Int32 offsets);
 *  - a user block then holds the history values of the user's pairs (pair ids are user-major),
 *    so the pair read next to the user's counters costs no extra miss;
 *  - a post block then holds its unique-user count (stride C + 4).
 * `entityRows` builds the feature store's Float64 row layout (spec.ts) only when a snapshot is
 * exported.
 */
export type AggregateState = {
  spec: FeatureSpec;
  /** Counters per entity: `counterStride(spec)`. */
  C: number;
  user: Int32Array;
  /** Float64 view of `user`: a user's first-seen time (-1: none yet) is userF[(userOff + C) / 2]. */
  userF: Float64Array;
  /** Per user: offset of its block in `user`. */
  userBase: Int32Array;
  /** Per event: offset of its user's block, and of its pair's history value, in `user`. */
  userOff: Int32Array;
  pairSlot: Int32Array;
  post: Int32Array;
  /** Float64 view of `post`: first-seen time at postF[(p·postStride + C) / 2]; unique users at post[p·postStride + C + 2]. */
  postF: Float64Array;
  postStride: number;
  /** Pair histories: `values` is `user`, indexed by pairSlot (count * 2 + likedFlag of the events added so far; 0: none). */
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

type BlockLayout = { userBase: Int32Array; userLength: number; userOff: Int32Array; pairSlot: Int32Array };
/** The user block layout depends only on the index and C; states of one run share it. */
const layouts = new WeakMap<EntityIndex, Map<number, BlockLayout>>();

function userBlockLayout(index: EntityIndex, C: number): BlockLayout {
  let byC = layouts.get(index);
  if (!byC) layouts.set(index, (byC = new Map<number, BlockLayout>()));
  const known = byC.get(C);
  if (known) return known;
  const { nUsers, pairStart, userIdx, pairIdx } = index;
  const userBase = new Int32Array(nUsers);
  let at = 0;
  for (let u = 0; u < nUsers; u++) {
    userBase[u] = at;
    const size = C + 2 + pairStart[u + 1]! - pairStart[u]!;
    at += size + (size & 1);
  }
  const n = userIdx.length;
  const userOff = new Int32Array(n);
  const pairSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = userIdx[i]!;
    const b = userBase[u]!;
    userOff[i] = b;
    pairSlot[i] = b + C + 2 + pairIdx[i]! - pairStart[u]!;
  }
  const layout = { userBase, userLength: at, userOff, pairSlot };
  byC.set(C, layout);
  return layout;
}

export function createAggregateState(spec: FeatureSpec, index: EntityIndex): AggregateState {
  const C = counterStride(spec);
  const { userBase, userLength, userOff, pairSlot } = userBlockLayout(index, C);
  const user = new Int32Array(userLength);
  const userF = new Float64Array(user.buffer);
  for (let u = 0; u < index.nUsers; u++) userF[(userBase[u]! + C) >> 1] = -1;
  const postStride = C + 4;
  const post = new Int32Array(index.nPosts * postStride);
  const postF = new Float64Array(post.buffer);
  for (let p = 0; p < index.nPosts; p++) postF[(p * postStride + C) >> 1] = -1;
  return {
    spec, C, user, userF, userBase, userOff, pairSlot, post, postF, postStride, pair: { values: user, size: 0 },
    global: new Float64Array(4), added: 0, expired: new Int32Array(spec.windowsDays.length), watermark: -Infinity,
  };
}

/** The entity rows in the feature store's layout (spec.ts: counters, firstSeen, uniqueUsers), rowLength per entity. */
export function entityRows(state: AggregateState, entity: "user" | "post"): Float64Array {
  const { spec, C } = state;
  const isUser = entity === "user";
  const count = isUser ? state.userBase.length : state.post.length / state.postStride;
  const block = isUser ? state.user : state.post;
  const blockF = isUser ? state.userF : state.postF;
  const R = spec.rowLength;
  const fs = firstSeenOffset(spec);
  const uu = uniqueUsersOffset(spec);
  const rows = new Float64Array(count * R);
  for (let e = 0; e < count; e++) {
    const b = isUser ? state.userBase[e]! : e * state.postStride;
    for (let c = 0; c < C; c++) rows[e * R + c] = block[b + c]!;
    rows[e * R + fs] = blockF[(b + C) >> 1]!;
    rows[e * R + uu] = isUser ? 0 : block[b + C + 2]!;
  }
  return rows;
}

/**
 * How many events (or examples) ahead the sweep reads the blocks it will need: the sweep is bound
 * by cache and TLB misses on blocks touched at random, and a plain read a few iterations early
 * (JS has no prefetch instruction) overlaps their misses with the work in between (~10% of the
 * features stage at 1M rows).
 */
export const PREFETCH_DISTANCE = 8;
/** Where the early reads go, so the JIT cannot drop them as dead loads. */
export const prefetchSink = { value: 0 };

/**
 * Counter slots are [n, likes, dislikes, shares]; action codes like=1, dislike=2, share=3 index
 * them. The hot loops below are written out by hand (no helper calls, locals for every array):
 * this sweep runs once per event and dominates the features stage.
 */
export function advanceTo(state: AggregateState, events: EventTable, index: EntityIndex, asOf: number): void {
  const { spec, C, user, userF, userOff, pairSlot, post, postF, postStride, pair, global } = state;
  const W = spec.windowsDays.length;
  const ts = events.ts;
  const action = events.action;
  const postIdx = index.postIdx;
  const n = events.n;
  let i = state.added;
  if (i < n && ts[i]! < asOf) {
    for (; i < n; i++) {
      const t = ts[i]!;
      if (!(t < asOf)) break;
      const a = action[i]!;
      const uo = userOff[i]!;
      const po = postIdx[i]! * postStride;
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
      const uf = (uo + C) >> 1;
      const pf = (po + C) >> 1;
      if (userF[uf]! < 0) userF[uf] = t;
      if (postF[pf]! < 0) postF[pf] = t;
      if (bumpPair(pair, pairSlot[i]!, a === ACTION_LIKE) < 0) post[po + C + 2]!++;
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
    const ahead = j + PREFETCH_DISTANCE;
    if (ahead < added) prefetchSink.value += user[userOff[ahead]! + o]! + post[postIdx[ahead]! * postStride + o]!;
    for (; j < added && ts[j]! < cutoff; j++) {
      const a = action[j]!;
      const uo = userOff[j]! + o;
      const po = postIdx[j]! * postStride + o;
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
export function pairHistory(state: AggregateState, row: number): number {
  return state.user[state.pairSlot[row]!]!;
}
