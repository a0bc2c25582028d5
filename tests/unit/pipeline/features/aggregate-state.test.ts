import { describe, expect, it } from "vitest";
import { ACTION_LIKE, ACTION_VIEW } from "@/lib/pipeline/collection/event-table";
import type { EventTable } from "@/lib/pipeline/collection/event-table";
import { rocAuc } from "@/lib/pipeline/evaluation/metrics";
import { advanceTo, createAggregateState, entityRows, indexEntities, pairHistory } from "@/lib/pipeline/features/aggregate-state";
import { composeFeatures } from "@/lib/pipeline/features/compose";
import { extractExamples, extractLeakyExamples, labeledRows } from "@/lib/pipeline/features/extract-examples";
import { bumpPair, createPairTable, indexPairs } from "@/lib/pipeline/features/pair-table";
import { createFeatureSpec } from "@/lib/pipeline/features/spec";
import { createRng } from "@/lib/pipeline/random";
import { smallCleanLog } from "../helpers";

/** Likes and views re-drawn as coin flips (18%): the label is pure noise, independent of everything. */
function withNoiseLabels(events: EventTable, seed: number): EventTable {
  const rng = createRng(seed);
  const action = Int8Array.from(events.action);
  for (let i = 0; i < events.n; i++) {
    if (action[i] === ACTION_LIKE || action[i] === ACTION_VIEW) action[i] = rng() < 0.18 ? ACTION_LIKE : ACTION_VIEW;
  }
  return { ...events, action };
}

describe("entity index", () => {
  it("gives the same first-seen indices through the typed table and the Map fallback", () => {
    const events = smallCleanLog(3000, 4);
    const small = indexEntities(events);
    // ids far beyond the row count take the Map path; same first-seen order
    const shifted: EventTable = { ...events, userId: events.userId.map((u) => u * 1_000_003 + 7), postId: events.postId.map((p) => -p) };
    const big = indexEntities(shifted);
    expect(Array.from(big.userIdx)).toEqual(Array.from(small.userIdx));
    expect(Array.from(big.postIdx)).toEqual(Array.from(small.postIdx));
    expect(big.nUsers).toBe(small.nUsers);
    const u = events.userId[10]!;
    expect(small.userOf.get(u)).toBe(small.userIdx[10]);
    expect(big.userOf.get(u * 1_000_003 + 7)).toBe(small.userIdx[10]);
    expect(small.userOf.get(-5)).toBeUndefined();
    expect(small.userOf.get(1e9)).toBeUndefined();
    expect(small.postOf.get(0.5)).toBeUndefined();
  });
});

describe("pair table", () => {
  it("gives every (user, post) pair one dense id", () => {
    const n = 5000;
    const u = Int32Array.from({ length: n }, (_, i) => (i * 7) % 101);
    const p = Int32Array.from({ length: n }, (_, i) => (i * 13) % 97);
    const { pairIdx, nPairs } = indexPairs(u, p, n, 101, 97);
    const idOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = `${u[i]},${p[i]}`;
      if (!idOf.has(key)) idOf.set(key, pairIdx[i]!);
      expect(pairIdx[i]).toBe(idOf.get(key));
    }
    expect(nPairs).toBe(idOf.size);
    expect(new Set(idOf.values()).size).toBe(nPairs);
    expect(Math.max(...pairIdx)).toBe(nPairs - 1);
  });
  it("bumpPair counts events and keeps the liked flag sticky", () => {
    const t = createPairTable(3);
    expect(bumpPair(t, 1, false)).toBe(-1);
    expect(bumpPair(t, 1, true)).toBe(2);
    expect(bumpPair(t, 1, false)).toBe(5);
    expect(t.values[1]).toBe(7);
    expect(Array.from(t.values)).toEqual([0, 7, 0]);
    expect(t.size).toBe(1);
  });
});

describe("no label leakage on pure-noise labels", () => {
  // Each feature alone used as a score: with labels that are coin flips, a point-in-time feature
  // carries no information about its own label (AUC ≈ 0.5); a feature computed over all rows
  // counts the example's own like and does.
  it("every point-in-time feature stays at AUC ≈ 0.5, the seed's all-rows like count does not", () => {
    const events = withNoiseLabels(smallCleanLog(20_000, 11), 5);
    const index = indexEntities(events);
    const rows = labeledRows(events);
    const spec = createFeatureSpec("standard", [1, 7, 30], 5);
    const ex = extractExamples({ events, index, spec, rows }).examples;
    const worst = spec.names.map((name, j) => {
      const col = Float32Array.from({ length: ex.n }, (_, k) => ex.x[k * ex.dim + j]!);
      return { name, gap: Math.abs(rocAuc(ex.y, col) - 0.5) };
    }).sort((a, b) => b.gap - a.gap)[0]!;
    // ~16k examples: the AUC's standard error is ≈ 0.005, so 0.03 is ~6 standard errors
    expect(worst.gap).toBeLessThan(0.03);
    const seedSpec = createFeatureSpec("seed", [1], 5);
    const leaky = extractLeakyExamples({ events, index, spec: seedSpec, rows });
    const likeRate = Float32Array.from({ length: leaky.n }, (_, k) => leaky.x[k * leaky.dim + 1]!);
    expect(rocAuc(leaky.y, likeRate)).toBeGreaterThan(0.55);
  });
});

describe("compact counter store", () => {
  // the sweep composes from Int32 counters; the online scorer from the feature store's Float64 rows
  it("the exported entity rows compose to the sweep's examples", () => {
    const events = smallCleanLog(4000, 3);
    const index = indexEntities(events);
    const rows = labeledRows(events);
    const spec = createFeatureSpec("standard", [1, 7, 30], 5);
    const ex = extractExamples({ events, index, spec, rows }).examples;
    const R = spec.rowLength;
    const x = new Float32Array(spec.dim);
    for (const k of [0, 1, Math.floor(ex.n / 3), Math.floor(ex.n / 2), ex.n - 1]) {
      const state = createAggregateState(spec, index);
      advanceTo(state, events, index, ex.ts[k]!);
      const user = entityRows(state, "user");
      const post = entityRows(state, "post");
      const pair = pairHistory(state, ex.eventRow[k]!);
      composeFeatures(spec, user, ex.userIdx[k]! * R, post, ex.postIdx[k]! * R, pair >>> 1, pair & 1, ex.device[k]!, ex.ts[k]!, x, 0, false);
      expect(Array.from(x)).toEqual(Array.from(ex.x.subarray(k * spec.dim, (k + 1) * spec.dim)));
    }
  });
});
