/**
 * Open-addressing hash table keyed by (user index, post index) → int value. A Map keyed by
 * u * nPosts + p spends most of its time hashing heap numbers once keys pass 2^31; this keeps
 * keys in an Int32Array and probes linearly.
 */
export type PairTable = { keysU: Int32Array; keysP: Int32Array; values: Int32Array; size: number; mask: number };

/** A table that holds `expected` keys without growing (load factor ≤ 1/2). */
export function createPairTable(expected = 1024): PairTable {
  let cap = 1024;
  while (cap < expected * 2) cap *= 2;
  const keysU = new Int32Array(cap).fill(-1);
  return { keysU, keysP: new Int32Array(cap), values: new Int32Array(cap), size: 0, mask: cap - 1 };
}

function slot(t: PairTable, u: number, p: number): number {
  const keysU = t.keysU;
  const keysP = t.keysP;
  const mask = t.mask;
  let h = (Math.imul(u, 0x9e3779b1) ^ Math.imul(p, 0x85ebca6b)) >>> 0;
  h = (h ^ (h >>> 15)) & mask;
  for (;;) {
    const k = keysU[h]!;
    if (k === -1 || (k === u && keysP[h] === p)) return h;
    h = (h + 1) & mask;
  }
}

/** Value for (u, p), or -1 when absent. */
export function getPair(t: PairTable, u: number, p: number): number {
  const h = slot(t, u, p);
  return t.keysU[h] === -1 ? -1 : t.values[h]!;
}

export function setPair(t: PairTable, u: number, p: number, value: number): void {
  if ((t.size + 1) * 2 > t.mask + 1) grow(t);
  const h = slot(t, u, p);
  if (t.keysU[h] === -1) {
    t.keysU[h] = u;
    t.keysP[h] = p;
    t.size++;
  }
  t.values[h] = value;
}

/**
 * Adds one event to (u, p) packed as count * 2 + likedFlag (the flag is sticky once set) with a
 * single probe; returns the previous packed value, or -1 when the pair was new.
 */
export function bumpPair(t: PairTable, u: number, p: number, isLike: boolean): number {
  if ((t.size + 1) * 2 > t.mask + 1) grow(t);
  const h = slot(t, u, p);
  if (t.keysU[h] === -1) {
    t.keysU[h] = u;
    t.keysP[h] = p;
    t.size++;
    t.values[h] = isLike ? 3 : 2;
    return -1;
  }
  const prev = t.values[h]!;
  t.values[h] = (prev + 2) | (isLike ? 1 : 0);
  return prev;
}

function grow(t: PairTable): void {
  const { keysU, keysP, values } = t;
  const cap = (t.mask + 1) * 2;
  t.keysU = new Int32Array(cap).fill(-1);
  t.keysP = new Int32Array(cap);
  t.values = new Int32Array(cap);
  t.mask = cap - 1;
  t.size = 0;
  for (let i = 0; i < keysU.length; i++) {
    const u = keysU[i]!;
    if (u !== -1) setPair(t, u, keysP[i]!, values[i]!);
  }
}
