import { describe, expect, it } from "vitest";
import { finalScore } from "@/lib/grading/calibration";

describe("final score rules around the calibration", () => {
  it("an answer meeting every E5 criterion is at least E5, unless a cap applies", () => {
    expect(finalScore(44, { e5Bar: true, e5Full: true, cap: 100 })).toBe(45);
    expect(finalScore(30, { e5Bar: true, e5Full: true, cap: 25 })).toBe(25);
    expect(finalScore(44, { e5Bar: true, e5Full: false, cap: 100 })).toBe(44);
  });

  it("without the E5 bar the score stays at most E5, and caps always win", () => {
    expect(finalScore(90, { e5Bar: false, cap: 100 })).toBe(74);
    expect(finalScore(90, { e5Bar: true, cap: 40 })).toBe(40);
    expect(finalScore(Number.NaN, { e5Bar: true, cap: 100 })).toBe(0);
  });
});
