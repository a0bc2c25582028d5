/**
 * User×post history. Pair ids are assigned once per event table (`indexPairs`), so the sweep updates and reads a pair's history by array index with no
 * hashing at all. A table holds values[slot] = count * 2 + likedBefore of the events added so far
 * (0 until the pair's first event); `size` counts the pairs seen. A pair's user and post are those
 * of any of its events (index.pairIdx), so the table stores no keys. (An aggregate state's slots
 * are inside its user blocks: see aggregate-state.ts.)
 */
export type PairTable = { values: Int32Array; size: number };

export function createPairTable(nPairs: number): PairTable {
  return { values: new Int32Array(nPairs), size: 0 };
}

/**
 * Dense id per (user index, post index) pair for each event, without hashing: events are bucketed
 * by user (counting sort), then within each user a per-post marker says whether the post was
 * already paired with this user. Ids are user-major (all of user 0's pairs, then user 1's, …), each
 * user's in first-seen order (user u's are pairStart[u] .. pairStart[u + 1] − 1). The marker arrays
 * are nPosts long, so they stay in cache.
 */
export function indexPairs(userIdx: Int32Array, postIdx: Int32Array, n: number, nUsers: number, nPosts: number): { pairIdx: Int32Array; nPairs: number; pairStart: Int32Array } {
  const start = new Int32Array(nUsers + 1);
  for (let i = 0; i < n; i++) start[userIdx[i]! + 1]!++;
  for (let u = 0; u < nUsers; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, nUsers);
  const byUser = new Int32Array(n);
  for (let i = 0; i < n; i++) byUser[fill[userIdx[i]!]!++] = i;
  const markUser = new Int32Array(nPosts).fill(-1);
  const markId = new Int32Array(nPosts);
  const pairIdx = new Int32Array(n);
  const pairStart = new Int32Array(nUsers + 1);
  let nPairs = 0;
  for (let u = 0; u < nUsers; u++) {
    pairStart[u] = nPairs;
    for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
      const i = byUser[k]!;
      const p = postIdx[i]!;
      if (markUser[p] !== u) {
        markUser[p] = u;
        markId[p] = nPairs++;
      }
      pairIdx[i] = markId[p]!;
    }
  }
  pairStart[nUsers] = nPairs;
  return { pairIdx, nPairs, pairStart };
}

/** Adds one event of pair `id`; returns the previous packed value, or -1 when the pair was new. (advanceTo inlines this.) */
export function bumpPair(t: PairTable, id: number, isLike: boolean): number {
  const prev = t.values[id]!;
  t.values[id] = (prev + 2) | (isLike ? 1 : 0);
  if (prev !== 0) return prev;
  t.size++;
  return -1;
}
