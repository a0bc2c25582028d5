import { describe, expect, it } from "vitest";
import { ACTION_LIKE, ACTION_VIEW } from "@/lib/pipeline/collection/event-table";
import type { EventTable } from "@/lib/pipeline/collection/event-table";
import { indexEntities } from "@/lib/pipeline/features/aggregate-state";
import { extractExamples, extractLeakyExamples, labeledRows } from "@/lib/pipeline/features/extract-examples";
import type { ExampleSet } from "@/lib/pipeline/features/extract-examples";
import { createFeatureSpec } from "@/lib/pipeline/features/spec";
import type { FeatureSpec } from "@/lib/pipeline/features/spec";
import { smallCleanLog } from "../helpers";

type Extractor = (events: EventTable, spec: FeatureSpec) => ExampleSet;

const pointInTime: Extractor = (events, spec) => extractExamples({ events, index: indexEntities(events), spec, rows: labeledRows(events) }).examples;
const seedAllRows: Extractor = (events, spec) => extractLeakyExamples({ events, index: indexEntities(events), spec, rows: labeledRows(events) });

/**
 * Rewrites every label at or after time t (likes become views and vice versa) and counts the
 * examples before t whose features changed. A point-in-time correct extractor must give 0.
 */
function futureLabelViolations(extract: Extractor, spec: FeatureSpec): { violations: number; checked: number } {
  const events = smallCleanLog(4000, 3);
  const t = events.ts[Math.floor(events.n * 0.6)]!;
  const before = extract(events, spec);
  const flipped: EventTable = { ...events, action: Int8Array.from(events.action) };
  for (let i = 0; i < flipped.n; i++) {
    if (flipped.ts[i]! < t) continue;
    if (flipped.action[i] === ACTION_LIKE) flipped.action[i] = ACTION_VIEW;
    else if (flipped.action[i] === ACTION_VIEW) flipped.action[i] = ACTION_LIKE;
  }
  const after = extract(flipped, spec);
  let violations = 0;
  let checked = 0;
  for (let k = 0; k < before.n; k++) {
    if (before.ts[k]! >= t) continue;
    checked++;
    for (let j = 0; j < before.dim; j++) {
      if (before.x[k * before.dim + j] !== after.x[k * before.dim + j]) { violations++; break; }
    }
  }
  return { violations, checked };
}

describe("point-in-time features", () => {
  it.each([
    ["standard", createFeatureSpec("standard", [1, 7, 30], 5)],
    ["seed definitions", createFeatureSpec("seed", [1, 7, 30], 5)],
  ])("an example at time t never changes when labels at or after t change (%s)", (_name, spec) => {
    const { violations, checked } = futureLabelViolations(pointInTime, spec);
    expect(checked).toBeGreaterThan(1000);
    expect(violations).toBe(0);
  });

  it("the same check catches the seed's all-rows features (label leakage)", () => {
    const { violations, checked } = futureLabelViolations(seedAllRows, createFeatureSpec("seed", [1, 7, 30], 5));
    expect(violations / checked).toBeGreaterThan(0.5);
  });

  it("an event's own label is not in its features, even with same-second events", () => {
    const events = smallCleanLog(2000, 5);
    const spec = createFeatureSpec("seed", [1], 5);
    const ex = pointInTime(events, spec);
    // first labeled event of each user: zero prior events, so like_rate is 0 whatever its label
    const seen = new Set<number>();
    for (let k = 0; k < ex.n; k++) {
      if (seen.has(ex.userId[k]!)) continue;
      const firstEventOfUser = [...Array(events.n).keys()].find((i) => events.userId[i] === ex.userId[k]);
      if (firstEventOfUser !== ex.eventRow[k]) { seen.add(ex.userId[k]!); continue; }
      seen.add(ex.userId[k]!);
      expect(ex.x[k * 4]).toBe(0);
      expect(ex.x[k * 4 + 1]).toBe(0);
    }
  });

  it("windowed counts forget events older than the window", () => {
    const events = smallCleanLog(3000, 9);
    const spec = createFeatureSpec("standard", [1], 5);
    const ex = pointInTime(events, spec);
    const j1d = spec.names.indexOf("user_log_events_1d");
    const jAll = spec.names.indexOf("user_log_events_all");
    const k = ex.n - 1;
    const u = ex.userId[k]!;
    const t = ex.ts[k]!;
    let inDay = 0;
    let all = 0;
    for (let i = 0; i < events.n && events.ts[i]! < t; i++) {
      if (events.userId[i] !== u) continue;
      all++;
      if (events.ts[i]! >= t - 86_400) inDay++;
    }
    expect(ex.x[k * ex.dim + j1d]).toBeCloseTo(Math.log1p(inDay), 5);
    expect(ex.x[k * ex.dim + jAll]).toBeCloseTo(Math.log1p(all), 5);
  });
});
