import type { RubricLevel } from "./rubric";

/** The verdict: below the E5 bar, at E5, or at E6. */
export type GradeLevel = "below" | RubricLevel;

/** Fixed score bands; a level is always the band its score falls in. */
export const SCORE_BANDS = {
  below: { min: 0, max: 44 },
  E5: { min: 45, max: 74 },
  E6: { min: 75, max: 100 },
} as const satisfies Record<GradeLevel, { min: number; max: number }>;

export type CriterionStatus = "met" | "partial" | "missed";

/** A piece of the learner's own answer: `quote === text.slice(start, end)`, end exclusive. */
export type Evidence = { quote: string; start: number; end: number };

export type CriterionResult = {
  id: string;
  title: string;
  dimension: string;
  level: RubricLevel;
  weight: number;
  status: CriterionStatus;
  /** 0–1: 1 when met, the rubric's partial credit (or a measured fraction) when partial. */
  credit: number;
  /** The learner's sentence that earned the credit (met or partial); null when missed. */
  evidence: Evidence | null;
  /** What to add; null when met. */
  feedback: string | null;
  /** Why the criterion fell short, when the grader can say ("mentioned only as negated", "number off"). */
  note: string | null;
  /** Score points this criterion would add if fully met (0 when met). */
  impact: number;
  modelAnswer: string;
};

export type DimensionResult = { id: string; label: string; score: number };

export type ContradictionResult = { id: string; feedback: string; cap: number; evidence: Evidence };

export type GradeResult = {
  drill: string;
  rubricVersion: number;
  /** 0–100 on the fixed bands of SCORE_BANDS. */
  score: number;
  level: GradeLevel;
  /** Weighted share of E5 and E6 criteria earned, 0–1. */
  coverage: { E5: number; E6: number };
  /** One score 0–100 per rubric dimension, in rubric order. */
  dimensions: DimensionResult[];
  /** Every criterion in rubric order. */
  criteria: CriterionResult[];
  /** Ids of criteria not met, highest impact first. */
  missed: string[];
  /** Claims that contradict the drill's core point; each caps the score. */
  contradictions: ContradictionResult[];
  /** The rule grader's own score before calibration (absent in results stored before calibration). */
  ruleScore?: number;
};
