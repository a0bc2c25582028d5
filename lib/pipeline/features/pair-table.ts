/**
 * User×post history. Pair ids are assigned once per event table (`indexPairs`, one hash probe per
 * event, first-seen order), so the sweep updates and reads a pair's history by array index with no
 * hashing at all. A state's table lists the pairs it has seen: keysU[id] is -1 until the pair's
 * first event is added; values[id] = count * 2 + likedBefore.
 */
export type PairTable = { keysU: Int32Array; keysP: Int32Array; values: Int32Array; size: number };

export function createPairTable(nPairs: number): PairTable {
  return { keysU: new Int32Array(nPairs).fill(-1), keysP: new Int32Array(nPairs), values: new Int32Array(nPairs), size: 0 };
}

/**
 * Dense id per (user index, post index) pair for each event, in first-seen order. The open-addressing
 * table is local (keys and id interleaved in one Int32Array: one cache line per probe) and dropped
 * on return.
 */
export function indexPairs(userIdx: Int32Array, postIdx: Int32Array, n: number): { pairIdx: Int32Array; nPairs: number } {
  let cap = 1024;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap * 3).fill(-1);
  const pairIdx = new Int32Array(n);
  let nPairs = 0;
  for (let i = 0; i < n; i++) {
    const u = userIdx[i]!;
    const p = postIdx[i]!;
    let h = (Math.imul(u, 0x9e3779b1) ^ Math.imul(p, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const s = 3 * h;
      const k = slots[s]!;
      if (k === -1) {
        slots[s] = u;
        slots[s + 1] = p;
        slots[s + 2] = nPairs;
        pairIdx[i] = nPairs++;
        break;
      }
      if (k === u && slots[s + 1] === p) {
        pairIdx[i] = slots[s + 2]!;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { pairIdx, nPairs };
}

/** Adds one event of pair `id`; returns the previous packed value, or -1 when the pair was new. */
export function bumpPair(t: PairTable, id: number, u: number, p: number, isLike: boolean): number {
  if (t.keysU[id] === -1) {
    t.keysU[id] = u;
    t.keysP[id] = p;
    t.size++;
    t.values[id] = isLike ? 3 : 2;
    return -1;
  }
  const prev = t.values[id]!;
  t.values[id] = (prev + 2) | (isLike ? 1 : 0);
  return prev;
}
