/**
 * Open-addressing hash table keyed by (user index, post index) → int value. A Map keyed by
 * u * nPosts + p spends most of its time hashing heap numbers once keys pass 2^31; this keeps
 * keys in an Int32Array and probes linearly.
 */
export type PairTable = { keysU: Int32Array; keysP: Int32Array; values: Int32Array; size: number; mask: number };

export function createPairTable(expected = 1024): PairTable {
  let cap = 1024;
  while (cap < expected * 2) cap *= 2;
  const keysU = new Int32Array(cap).fill(-1);
  return { keysU, keysP: new Int32Array(cap), values: new Int32Array(cap), size: 0, mask: cap - 1 };
}

function slot(t: PairTable, u: number, p: number): number {
  let h = (Math.imul(u, 0x9e3779b1) ^ Math.imul(p, 0x85ebca6b)) >>> 0;
  h = (h ^ (h >>> 15)) & t.mask;
  for (;;) {
    const k = t.keysU[h] ?? -1;
    if (k === -1 || (k === u && t.keysP[h] === p)) return h;
    h = (h + 1) & t.mask;
  }
}

/** Value for (u, p), or -1 when absent. */
export function getPair(t: PairTable, u: number, p: number): number {
  const h = slot(t, u, p);
  return t.keysU[h] === -1 ? -1 : (t.values[h] ?? -1);
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

function grow(t: PairTable): void {
  const { keysU, keysP, values } = t;
  const cap = (t.mask + 1) * 2;
  t.keysU = new Int32Array(cap).fill(-1);
  t.keysP = new Int32Array(cap);
  t.values = new Int32Array(cap);
  t.mask = cap - 1;
  t.size = 0;
  for (let i = 0; i < keysU.length; i++) {
    const u = keysU[i] ?? -1;
    if (u !== -1) setPair(t, u, keysP[i] ?? 0, values[i] ?? 0);
  }
}
