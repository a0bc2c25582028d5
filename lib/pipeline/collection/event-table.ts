/**
 * Columnar event log: one typed array per column, so 1M events cost ~22 MB instead of 1M objects.
 * Actions and devices are small integer codes; -1 means null (missing in the log).
 */
export const ACTIONS = ["view", "like", "dislike", "share"] as const;
export type Action = (typeof ACTIONS)[number];
export const ACTION_VIEW = 0;
export const ACTION_LIKE = 1;
export const ACTION_DISLIKE = 2;
export const ACTION_SHARE = 3;
export const NULL_CODE = -1;

export const KNOWN_DEVICES = ["iOS", "Android", "Web"] as const;

export type EventTable = {
  n: number;
  userId: Int32Array;
  postId: Int32Array;
  /** ACTIONS index or -1. */
  action: Int8Array;
  /** Seconds since the Unix epoch (UTC). */
  ts: Float64Array;
  /** deviceVocab index or -1. */
  device: Int16Array;
  /** Device strings in first-seen order; starts with KNOWN_DEVICES. */
  deviceVocab: string[];
};

export function createEventTable(capacity: number): EventTable {
  return {
    n: 0,
    userId: new Int32Array(capacity),
    postId: new Int32Array(capacity),
    action: new Int8Array(capacity),
    ts: new Float64Array(capacity),
    device: new Int16Array(capacity),
    deviceVocab: [...KNOWN_DEVICES],
  };
}

/** Doubles capacity when full; returns the same or a grown table. */
export function ensureCapacity(t: EventTable, needed: number): EventTable {
  if (needed <= t.userId.length) return t;
  const cap = Math.max(needed, t.userId.length * 2, 1024);
  const grow = <A extends Int32Array | Int8Array | Int16Array | Float64Array>(a: A, make: (n: number) => A): A => {
    const b = make(cap);
    b.set(a.subarray(0, t.n));
    return b;
  };
  return {
    ...t,
    userId: grow(t.userId, (n) => new Int32Array(n)),
    postId: grow(t.postId, (n) => new Int32Array(n)),
    action: grow(t.action, (n) => new Int8Array(n)),
    ts: grow(t.ts, (n) => new Float64Array(n)),
    device: grow(t.device, (n) => new Int16Array(n)),
  };
}

/** A new table with the rows at `rows` (in that order). */
export function selectRows(t: EventTable, rows: Int32Array): EventTable {
  const out = createEventTable(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] ?? 0;
    out.userId[k] = t.userId[i] ?? 0;
    out.postId[k] = t.postId[i] ?? 0;
    out.action[k] = t.action[i] ?? NULL_CODE;
    out.ts[k] = t.ts[i] ?? 0;
    out.device[k] = t.device[i] ?? NULL_CODE;
  }
  out.n = rows.length;
  out.deviceVocab = [...t.deviceVocab];
  return out;
}

/** Stable order of rows by timestamp (typed-array sort on packed keys; no comparator calls). */
export function timeOrder(t: EventTable): Int32Array {
  const keys = new Float64Array(t.n);
  let sorted = true;
  for (let i = 0; i < t.n; i++) {
    keys[i] = t.ts[i] ?? 0;
    if (i > 0 && (t.ts[i] ?? 0) < (t.ts[i - 1] ?? 0)) sorted = false;
  }
  const order = new Int32Array(t.n);
  if (sorted) {
    for (let i = 0; i < t.n; i++) order[i] = i;
    return order;
  }
  const idx = Array.from({ length: t.n }, (_, i) => i);
  idx.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
  order.set(idx);
  return order;
}

export function isSortedByTime(t: EventTable): boolean {
  for (let i = 1; i < t.n; i++) if ((t.ts[i] ?? 0) < (t.ts[i - 1] ?? 0)) return false;
  return true;
}
