import type { Rubric, RubricLevel } from "./rubric";
import { SCORE_BANDS, type GradeLevel } from "./types";

/**
 * From criterion credits to a 0–100 score on fixed bands. The E5 bar is a weighted share of the E5
 * criteria; E6 needs the E5 bar plus a share of the E6 criteria. Length never enters.
 */
export type Credit = { level: RubricLevel; weight: number; credit: number };

export function coverage(credits: readonly Credit[], level: RubricLevel): number {
  let earned = 0;
  let total = 0;
  for (const c of credits)
    if (c.level === level) {
      earned += c.weight * c.credit;
      total += c.weight;
    }
  return total === 0 ? 0 : earned / total;
}

export function scoreFromCoverage(e5: number, e6: number, thresholds: Rubric["thresholds"]): number {
  const t5 = thresholds.E5;
  const t6 = thresholds.E6;
  if (e5 < t5) {
    // below the bar: mostly how close to it, a little for E6 depth, never into E5's band
    return Math.min(SCORE_BANDS.below.max, Math.floor(40 * (e5 / t5) + 6 * e6));
  }
  const aboveE5 = t5 >= 1 ? 1 : (e5 - t5) / (1 - t5);
  if (e6 < t6) {
    const raw = SCORE_BANDS.E5.min + 29 * (0.5 * aboveE5 + 0.5 * (e6 / t6));
    return Math.min(SCORE_BANDS.E5.max, Math.round(raw));
  }
  const aboveE6 = t6 >= 1 ? 1 : (e6 - t6) / (1 - t6);
  // within E6, depth decides: a saturated E5 part must not lift a bare-threshold E6 answer to the high 80s
  return Math.min(100, Math.round(SCORE_BANDS.E6.min + 25 * (0.3 * aboveE5 + 0.7 * aboveE6)));
}

export function levelOf(score: number): GradeLevel {
  if (score >= SCORE_BANDS.E6.min) return "E6";
  if (score >= SCORE_BANDS.E5.min) return "E5";
  return "below";
}

export function scoreCredits(credits: readonly Credit[], thresholds: Rubric["thresholds"], cap: number): number {
  const score = scoreFromCoverage(coverage(credits, "E5"), coverage(credits, "E6"), thresholds);
  return Math.max(0, Math.min(score, cap));
}
