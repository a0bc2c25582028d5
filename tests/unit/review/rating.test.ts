import { describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import { ratingForGrade } from "@/lib/review";

describe("ratingForGrade", () => {
  it.each([
    [0, "below", Rating.Again],
    [44, "below", Rating.Again],
    [45, "E5", Rating.Hard],
    [54, "E5", Rating.Hard],
    [55, "E5", Rating.Good],
    [74, "E5", Rating.Good],
    [75, "E6", Rating.Easy],
    [100, "E6", Rating.Easy],
  ] as const)("maps score %i (%s) to rating %i at the band boundaries", (score, level, rating) => {
    expect(ratingForGrade({ score, level })).toBe(rating);
  });

  it("lets the level decide the band when score and level disagree", () => {
    expect(ratingForGrade({ score: 80, level: "below" })).toBe(Rating.Again);
    expect(ratingForGrade({ score: 30, level: "E6" })).toBe(Rating.Easy);
  });

  it("drops a solid E5 to Hard when an earlier attempt reached E6", () => {
    expect(ratingForGrade({ score: 70, level: "E5", previousBest: 80 })).toBe(Rating.Hard);
    expect(ratingForGrade({ score: 70, level: "E5", previousBest: 74 })).toBe(Rating.Good);
    expect(ratingForGrade({ score: 70, level: "E5", previousBest: null })).toBe(Rating.Good);
  });

  it("keeps Again for a below-E5 attempt whatever the history", () => {
    expect(ratingForGrade({ score: 20, level: "below", previousBest: 95 })).toBe(Rating.Again);
  });

  it("keeps Easy for an E6 attempt after an earlier E6", () => {
    expect(ratingForGrade({ score: 76, level: "E6", previousBest: 99 })).toBe(Rating.Easy);
  });

  it("rejects scores outside 0..100", () => {
    expect(() => ratingForGrade({ score: 101, level: "E6" })).toThrow(/0\.\.100, got 101/);
    expect(() => ratingForGrade({ score: Number.NaN, level: "E5" })).toThrow(RangeError);
  });
});
