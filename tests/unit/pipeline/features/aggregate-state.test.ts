import { describe, expect, it } from "vitest";
import { ACTION_LIKE, ACTION_VIEW } from "@/lib/pipeline/collection/event-table";
import type { EventTable } from "@/lib/pipeline/collection/event-table";
import { rocAuc } from "@/lib/pipeline/evaluation/metrics";
import { indexEntities } from "@/lib/pipeline/features/aggregate-state";
import { extractExamples, extractLeakyExamples, labeledRows } from "@/lib/pipeline/features/extract-examples";
import { bumpPair, createPairTable, getPair } from "@/lib/pipeline/features/pair-table";
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
  it("bumpPair counts events and keeps the liked flag sticky, across growth", () => {
    const t = createPairTable(4);
    expect(bumpPair(t, 1, 2, false)).toBe(-1);
    expect(bumpPair(t, 1, 2, true)).toBe(2);
    expect(bumpPair(t, 1, 2, false)).toBe(5);
    expect(getPair(t, 1, 2)).toBe(7);
    for (let p = 0; p < 5000; p++) bumpPair(t, 3, p, p % 2 === 0);
    expect(getPair(t, 1, 2)).toBe(7);
    expect(getPair(t, 3, 4)).toBe(3);
    expect(getPair(t, 3, 5)).toBe(2);
    expect(getPair(t, 4, 4)).toBe(-1);
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
