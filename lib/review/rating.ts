/**
 * Maps a graded drill attempt to an FSRS rating.
 *
 * A review card is "learner × drill"; recalling it means producing an answer that clears the E5 bar
 * again. FSRS's four ratings mean: Again = forgot, Hard = recalled with serious difficulty,
 * Good = recalled, Easy = recalled effortlessly. With the grader's fixed bands
 * (below 0–44, E5 45–74, E6 75–100; see lib/grading/types.ts SCORE_BANDS):
 *
 *   below E5 (0–44)      → Again  the answer did not clear the bar: a lapse, relearn soon
 *   low E5   (45–54)     → Hard   cleared the bar by < 10 points, inside the grader's noise margin
 *                                   (one missed criterion flips the verdict), so stretch the interval
 *                                   less than for a solid pass
 *   E5       (55–74)     → Good   a solid pass at the bar the card tracks
 *   E6       (75–100)    → Easy   above the bar the card tracks: stretch the interval the most
 *
 * Regression: when `previousBest` is in a higher band than this attempt (an earlier E6, now E5),
 * the rating drops from Good to Hard — the learner still cleared the bar, but has lost ground since
 * the best attempt, so the next interval should grow less. A below-E5 attempt is Again regardless.
 *
 * `level` is the grader's verdict and decides the band; `score` only places the attempt inside it
 * (the two agree by construction in lib/grading, but the level wins if they ever disagree).
 */
import { Rating, type Grade } from "ts-fsrs";
import { levelOf } from "@/lib/grading/score-answer";
import { SCORE_BANDS } from "@/lib/grading/types";
import type { GradeLevel } from "@/lib/grading/types";

/** Scores in [E5.min, LOW_E5_MAX] map to Hard: the bottom 10 points of the E5 band. */
export const LOW_E5_MAX_SCORE = SCORE_BANDS.E5.min + 9;

export type RatingForGradeOptions = {
  /** 0–100 on the grader's scale. */
  score: number;
  level: GradeLevel;
  /** Best earlier score on this drill (0–100), if any. */
  previousBest?: number | null;
};

const LEVEL_RANK: Record<GradeLevel, number> = { below: 0, E5: 1, E6: 2 };

export function ratingForGrade({ score, level, previousBest }: RatingForGradeOptions): Grade {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`Expected score to be a number in 0..100, got ${score}`);
  }
  if (level === "below") return Rating.Again;
  const base: Grade = level === "E6" ? Rating.Easy : score <= LOW_E5_MAX_SCORE ? Rating.Hard : Rating.Good;
  const hasRegressed = previousBest != null && LEVEL_RANK[levelOf(previousBest)] > LEVEL_RANK[level];
  return hasRegressed ? Rating.Hard : base;
}

/** Display names, e.g. for a review history table. */
export const RATING_LABELS: Record<Grade, "Again" | "Hard" | "Good" | "Easy"> = {
  [Rating.Again]: "Again",
  [Rating.Hard]: "Hard",
  [Rating.Good]: "Good",
  [Rating.Easy]: "Easy",
};
