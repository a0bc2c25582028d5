/**
 * Cleaning: drop exact duplicate rows (double-logged events; the seed only counted them), drop
 * rows with a null action (nothing to learn or count), keep null devices (features encode them
 * as "unknown", matching serving). Returns the clean table in time order and what was removed.
 */
import { NULL_CODE, isSortedByTime, selectRows, timeOrder } from "./event-table";
import type { EventTable } from "./event-table";

export type CleanReport = { rowsIn: number; duplicates: number; nullActions: number; rowsOut: number; reordered: boolean };

export function cleanEvents(t: EventTable): { table: EventTable; report: CleanReport } {
  // a table already in time order (what collect hands over) needs no order array
  const order = isSortedByTime(t) ? null : timeOrder(t);
  const at = (j: number) => (order ? order[j]! : j);
  let reordered = false;
  const keep = new Int32Array(t.n);
  let k = 0;
  let duplicates = 0;
  let nullActions = 0;
  // exact duplicates share a timestamp, so compare within equal-timestamp runs only
  let runStart = 0;
  for (let j = 0; j < t.n; j++) {
    const i = at(j);
    if (i !== j) reordered = true;
    const ts = t.ts[i] ?? 0;
    if (j > 0 && ts !== (t.ts[at(j - 1)] ?? 0)) runStart = j;
    let dup = false;
    for (let q = Math.max(runStart, j - 64); q < j && !dup; q++) {
      const o = at(q);
      dup = t.userId[o] === t.userId[i] && t.postId[o] === t.postId[i] && t.action[o] === t.action[i] && t.device[o] === t.device[i];
    }
    if (dup) { duplicates++; continue; }
    if (t.action[i] === NULL_CODE) { nullActions++; continue; }
    keep[k++] = i;
  }
  const table = selectRows(t, keep.subarray(0, k));
  return { table, report: { rowsIn: t.n, duplicates, nullActions, rowsOut: k, reordered } };
}
