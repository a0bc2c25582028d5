/**
 * Column statistics of an event batch (TFDV's generate_statistics): presence, categorical value
 * counts, numeric ranges, integer-likeness of string values, duplicate rate.
 */
import { ACTIONS } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";

export type CategoricalStats = { present: number; counts: Record<string, number>; integerLike: number };
export type BatchStatistics = {
  rows: number;
  userId: { min: number; max: number };
  postId: { min: number; max: number };
  timestamp: { min: number; max: number };
  action: CategoricalStats;
  device: CategoricalStats;
  duplicates: number;
};

export function computeStatistics(t: EventTable, from = 0, to = t.n): BatchStatistics {
  const actionCounts = new Float64Array(ACTIONS.length);
  const deviceCounts = new Float64Array(t.deviceVocab.length);
  let actionPresent = 0;
  let devicePresent = 0;
  let duplicates = 0;
  const s: BatchStatistics = {
    rows: to - from,
    userId: { min: Infinity, max: -Infinity },
    postId: { min: Infinity, max: -Infinity },
    timestamp: { min: Infinity, max: -Infinity },
    action: { present: 0, counts: {}, integerLike: 0 },
    device: { present: 0, counts: {}, integerLike: 0 },
    duplicates: 0,
  };
  for (let i = from; i < to; i++) {
    const u = t.userId[i]!;
    const p = t.postId[i]!;
    const ts = t.ts[i]!;
    if (u < s.userId.min) s.userId.min = u;
    if (u > s.userId.max) s.userId.max = u;
    if (p < s.postId.min) s.postId.min = p;
    if (p > s.postId.max) s.postId.max = p;
    if (ts < s.timestamp.min) s.timestamp.min = ts;
    if (ts > s.timestamp.max) s.timestamp.max = ts;
    const a = t.action[i]!;
    if (a >= 0) { actionPresent++; actionCounts[a]!++; }
    const d = t.device[i]!;
    if (d >= 0) { devicePresent++; deviceCounts[d]!++; }
    if (i > from && ts === t.ts[i - 1] && u === t.userId[i - 1] && p === t.postId[i - 1] && a === t.action[i - 1] && d === t.device[i - 1]) duplicates++;
  }
  s.action.present = actionPresent;
  ACTIONS.forEach((name, k) => { if (actionCounts[k]) s.action.counts[name] = actionCounts[k]!; });
  s.device.present = devicePresent;
  t.deviceVocab.forEach((name, k) => {
    const c = deviceCounts[k]!;
    if (!c) return;
    s.device.counts[name] = c;
    if (/^-?\d+$/.test(name)) s.device.integerLike += c;
  });
  s.duplicates = duplicates;
  return s;
}

/** Just the duplicate count and the present-action count of rows [from, to): computeStatistics' `duplicates` and `action.present`, without the rest. */
export function countDuplicatesAndActions(t: EventTable, from = 0, to = t.n): { duplicates: number; actionPresent: number } {
  let duplicates = 0;
  let actionPresent = 0;
  for (let i = from; i < to; i++) {
    const a = t.action[i]!;
    if (a >= 0) actionPresent++;
    if (i > from && t.ts[i] === t.ts[i - 1] && t.userId[i] === t.userId[i - 1] && t.postId[i] === t.postId[i - 1] && a === t.action[i - 1] && t.device[i] === t.device[i - 1]) duplicates++;
  }
  return { duplicates, actionPresent };
}
