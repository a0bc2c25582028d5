import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/scripts/eval-grader";

/**
 * Holds the agreement reached on the tuning part of the labelled set (see `npm run eval:grader`):
 * reached 0.945 level accuracy and 0.911 Spearman; floors are those figures rounded down to 0.05.
 * No holdout2 floor: its last measured figures (0.792 / 0.736) are below the 0.85 bar for holding one.
 */
const TUNE = path.join(process.cwd(), "tests", "fixtures", "grading", "labelled.tune.jsonl");

describe.runIf(existsSync(TUNE))("grader agreement floor (tune part)", () => {
  const items = readFileSync(TUNE, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Parameters<typeof evaluate>[0][number]);
  const { figures } = evaluate(items);

  it("keeps level accuracy and Spearman at or above 0.90", () => {
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures.spearman).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps every keyword-stuffed answer at or below the E5 floor", () => {
    expect(figures.stuffed.aboveFloor).toBe(0);
  });
});
