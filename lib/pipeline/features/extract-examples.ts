/**
 * Labeled examples with point-in-time features: for each labeled event (view, like, dislike; a
 * like is the positive label) the features are composed from aggregates of events strictly
 * before `asOf` (by default the event's own timestamp). `asOf` earlier than the event time models
 * an online store that lags (materialisation interval, stale snapshot); past `staleAfterSeconds`
 * the values count as missing and training defaults are used (a serving fallback).
 */
import { ACTION_DISLIKE, ACTION_LIKE, ACTION_VIEW } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import { PREFETCH_DISTANCE, advanceTo, createAggregateState, prefetchSink } from "./aggregate-state";
import type { AggregateState, EntityIndex } from "./aggregate-state";
import { composeFromCounts } from "./compose";
import type { ComposeOptions } from "./compose";
import type { FeatureSpec } from "./spec";

export type ExampleSet = {
  n: number;
  dim: number;
  names: string[];
  x: Float32Array;
  y: Uint8Array;
  /** Row in the clean event table. */
  eventRow: Int32Array;
  ts: Float64Array;
  userId: Int32Array;
  postId: Int32Array;
  userIdx: Int32Array;
  postIdx: Int32Array;
  device: Int16Array;
  isNewUser: Uint8Array;
  isFreshPost: Uint8Array;
};

export function isLabeledAction(a: number): boolean {
  return a === ACTION_VIEW || a === ACTION_LIKE || a === ACTION_DISLIKE;
}

export function labeledRows(events: EventTable): Int32Array {
  let k = 0;
  for (let i = 0; i < events.n; i++) if (isLabeledAction(events.action[i] ?? -1)) k++;
  const rows = new Int32Array(k);
  k = 0;
  for (let i = 0; i < events.n; i++) if (isLabeledAction(events.action[i] ?? -1)) rows[k++] = i;
  return rows;
}

export type ExtractOptions = {
  events: EventTable;
  index: EntityIndex;
  spec: FeatureSpec;
  rows: Int32Array;
  /** Per example, non-decreasing; defaults to the event time. */
  asOf?: Float64Array;
  staleAfterSeconds?: number;
  compose?: ComposeOptions;
  /** With compose.isSkewed: only rows at or after this time use the skewed online path. */
  skewFromTs?: number;
  /** Device codes to use instead of the logged ones (schema-change / null-spike served batches). */
  deviceOverride?: Int16Array;
};

export type ExtractResult = { examples: ExampleSet; staleFallbacks: number; state: AggregateState };

export function allocateExamples(n: number, spec: FeatureSpec): ExampleSet {
  return {
    n, dim: spec.dim, names: spec.names, x: new Float32Array(n * spec.dim), y: new Uint8Array(n),
    eventRow: new Int32Array(n), ts: new Float64Array(n), userId: new Int32Array(n), postId: new Int32Array(n),
    userIdx: new Int32Array(n), postIdx: new Int32Array(n), device: new Int16Array(n),
    isNewUser: new Uint8Array(n), isFreshPost: new Uint8Array(n),
  };
}

export function fillExampleMeta(ex: ExampleSet, k: number, events: EventTable, index: EntityIndex, i: number, device: number): void {
  ex.eventRow[k] = i;
  ex.y[k] = events.action[i] === ACTION_LIKE ? 1 : 0;
  ex.ts[k] = events.ts[i] ?? 0;
  ex.userId[k] = events.userId[i] ?? 0;
  ex.postId[k] = events.postId[i] ?? 0;
  ex.userIdx[k] = index.userIdx[i] ?? 0;
  ex.postIdx[k] = index.postIdx[i] ?? 0;
  ex.device[k] = device;
}

export function extractExamples(opts: ExtractOptions): ExtractResult {
  const { events, index, spec, rows } = opts;
  const ex = allocateExamples(rows.length, spec);
  const state = createAggregateState(spec, index);
  const { C, user, userF, userOff, pairSlot, post, postF, postStride } = state;
  const dim = spec.dim;
  const empty = new Int32Array(C);
  let staleFallbacks = 0;
  const isSkewed = opts.compose?.isSkewed ?? false;
  const skewFromTs = opts.skewFromTs ?? -Infinity;
  const asOfs = opts.asOf;
  const staleAfter = opts.staleAfterSeconds;
  const deviceOverride = opts.deviceOverride;
  const { ts, action, device: devices } = events;
  const { userIdx, postIdx } = index;
  let lastAsOf = NaN;
  let early = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const t = ts[i]!;
    const asOf = asOfs ? (asOfs[k] ?? t) : t;
    // advancing twice to the same time is a no-op (same-second examples share one state)
    if (asOf !== lastAsOf) {
      advanceTo(state, events, index, asOf);
      lastAsOf = asOf;
    }
    if (k + PREFETCH_DISTANCE < rows.length) {
      const ahead = rows[k + PREFETCH_DISTANCE]!;
      early += user[userOff[ahead]!]! + user[pairSlot[ahead]!]! + post[postIdx[ahead]! * postStride]!;
    }
    const uo = userOff[i]!;
    const p = postIdx[i]!;
    const po = p * postStride;
    const device = deviceOverride ? (deviceOverride[k] ?? -1) : devices[i]!;
    ex.eventRow[k] = i;
    ex.y[k] = action[i] === ACTION_LIKE ? 1 : 0;
    ex.ts[k] = t;
    ex.userId[k] = events.userId[i]!;
    ex.postId[k] = events.postId[i]!;
    ex.userIdx[k] = userIdx[i]!;
    ex.postIdx[k] = p;
    ex.device[k] = device;
    const isStale = staleAfter !== undefined && t - asOf > staleAfter;
    if (isStale) staleFallbacks++;
    const pFirst = postF[(po + C) >> 1]!;
    if (isStale) {
      composeFromCounts(spec, empty, 0, -1, empty, 0, -1, 0, 0, 0, device, t, ex.x, k * dim, isSkewed && t >= skewFromTs);
    } else {
      const packed = user[pairSlot[i]!]!;
      composeFromCounts(
        spec, user, uo, userF[(uo + C) >> 1]!, post, po, pFirst, post[po + C + 2]!,
        packed >>> 1, packed & 1, device, t, ex.x, k * dim, isSkewed && t >= skewFromTs,
      );
    }
    ex.isNewUser[k] = user[uo]! > 0 ? 0 : 1;
    ex.isFreshPost[k] = pFirst < 0 || t - pFirst < 86_400 ? 1 : 0;
  }
  prefetchSink.value += early;
  return { examples: ex, staleFallbacks, state };
}

/**
 * The seed notebook's features, computed over ALL rows (the future and the test rows included):
 * label leakage. Only used by the `label-leakage` scenario and by the test that proves the leak.
 */
export function extractLeakyExamples(opts: Pick<ExtractOptions, "events" | "index" | "spec" | "rows">): ExampleSet {
  const { events, index, spec, rows } = opts;
  const state = createAggregateState(spec, index);
  advanceTo(state, events, index, Infinity);
  const ex = allocateExamples(rows.length, spec);
  const { C, user, userF, userOff, post, postF, postStride } = state;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] ?? 0;
    const uo = userOff[i]!;
    const po = (index.postIdx[i] ?? 0) * postStride;
    fillExampleMeta(ex, k, events, index, i, events.device[i] ?? -1);
    composeFromCounts(
      spec, user, uo, userF[(uo + C) >> 1]!, post, po, postF[(po + C) >> 1]!, post[po + C + 2]!,
      0, 0, events.device[i] ?? -1, events.ts[i] ?? 0, ex.x, k * spec.dim, false,
    );
  }
  return ex;
}
