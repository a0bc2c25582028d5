import { describe, expect, it } from "vitest";
import { simulateEvents } from "@/lib/pipeline/collection/simulate-events";
import { computeStatistics, countDuplicatesAndActions } from "@/lib/pipeline/verification/statistics";
import { createRng } from "@/lib/pipeline/random";
import { START } from "../helpers";

describe("batch statistics", () => {
  it("the duplicate/action counter agrees with computeStatistics on any window", () => {
    const t = simulateEvents({ users: 100, events: 4000, days: 10, startAtSeconds: START, nullActionRate: 0.15, nullDeviceRate: 0.05, duplicateRate: 0.05, rng: createRng(2) }).table;
    for (const [from, to] of [[0, t.n], [0, 1], [17, 2500], [t.n - 3, t.n]] as const) {
      const full = computeStatistics(t, from, to);
      expect(countDuplicatesAndActions(t, from, to)).toEqual({ duplicates: full.duplicates, actionPresent: full.action.present });
    }
    expect(countDuplicatesAndActions(t).duplicates).toBeGreaterThan(0);
  });
});
