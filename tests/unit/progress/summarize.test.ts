import { describe, expect, it } from "vitest";
import { streakDays, summarizeProgress, type ProgressAttempt } from "@/lib/progress/summarize";

const now = new Date("2026-11-29T15:00:00Z");
const attempt = (at: string, score: number | null, dims: [string, number][] = [], slug = "tradeoffs"): ProgressAttempt => ({
  drillSlug: slug,
  drillTitle: slug,
  submittedAt: new Date(at),
  durationMs: 10 * 60_000,
  grade: score === null ? null : { score, level: score >= 75 ? "E6" : score >= 45 ? "E5" : "below", dimensions: dims.map(([label, s]) => ({ label, score: s })) },
});

describe("summarizeProgress", () => {
  it("gives an empty, well-formed summary for a new learner", () => {
    const s = summarizeProgress({ attempts: [], now });
    expect(s).toMatchObject({ attempts: 0, graded: 0, streakDays: 0, latestLevel: null, scores: [], dimensions: [] });
    expect(s.minutesPerDay).toHaveLength(14);
    expect(s.minutesPerDay.at(-1)).toEqual({ day: "2026-11-29", minutes: 0 });
  });

  it("orders scores by time and ranks the weakest dimension first with the drills that train it", () => {
    const s = summarizeProgress({
      attempts: [
        attempt("2026-11-28T10:00:00Z", 80, [["Scale", 90], ["Failure modes", 30]], "scale-discussion"),
        attempt("2026-11-27T10:00:00Z", 40, [["Failure modes", 50]], "failure-scenarios"),
        attempt("2026-11-29T10:00:00Z", null),
      ],
      now,
    });
    expect(s.scores.map((p) => p.score)).toEqual([40, 80]);
    expect(s.dimensions[0]).toMatchObject({ label: "Failure modes", averageScore: 40, samples: 2 });
    expect(s.dimensions[0]!.drills.map((d) => d.slug)).toEqual(["failure-scenarios", "scale-discussion"]);
    expect(s.latestLevel).toBe("E6");
    expect(s.graded).toBe(2);
    expect(s.attempts).toBe(3);
  });

  it("tracks the level trajectory as the best of the last three graded attempts", () => {
    const s = summarizeProgress({ attempts: [attempt("2026-11-20T00:00:00Z", 20), attempt("2026-11-21T00:00:00Z", 60), attempt("2026-11-22T00:00:00Z", 30), attempt("2026-11-23T00:00:00Z", 30), attempt("2026-11-24T00:00:00Z", 35)], now });
    expect(s.levelTrajectory.map((p) => p.level)).toEqual(["below", "E5", "E5", "E5", "below"]);
  });

  it("sums minutes per UTC day", () => {
    const s = summarizeProgress({ attempts: [attempt("2026-11-29T01:00:00Z", null), attempt("2026-11-29T23:00:00Z", null)], now });
    expect(s.minutesPerDay.at(-1)).toEqual({ day: "2026-11-29", minutes: 20 });
    expect(s.timeSpentMs).toBe(20 * 60_000);
  });
});

describe("streakDays", () => {
  it("counts consecutive days ending today", () => {
    expect(streakDays([new Date("2026-11-29T01:00:00Z"), new Date("2026-11-28T23:00:00Z"), new Date("2026-11-27T12:00:00Z"), new Date("2026-11-25T12:00:00Z")], now)).toBe(3);
  });
  it("still counts a streak ending yesterday, and breaks on a gap", () => {
    expect(streakDays([new Date("2026-11-28T10:00:00Z"), new Date("2026-11-27T10:00:00Z")], now)).toBe(2);
    expect(streakDays([new Date("2026-11-26T10:00:00Z")], now)).toBe(0);
  });
});
