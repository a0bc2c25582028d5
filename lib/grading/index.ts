/**
 * Rubric grader — pure: answer text and rubric in, GradeResult out (no clock, randomness or I/O).
 *
 *   import { gradeAnswer, parseRubric } from "@/lib/grading";
 *   const rubric = parseRubric(JSON.parse(json), "diagnose-null-spike.json");
 *   const result = gradeAnswer({ text, rubric });
 *   result.level;          // "below" | "E5" | "E6"
 *   result.score;          // 0–100: below 0–44, E5 45–74, E6 75–100
 *   result.criteria[0];    // { id, status: "met" | "partial" | "missed", evidence: { quote, start, end } | null, feedback, ... }
 *   result.missed;         // criterion ids not met, highest impact first
 *
 * The score is calibrated (lib/grading/calibration.ts, coefficients in calibration.json, refit with
 * `npm run -s fit:grader`); criteria, evidence and feedback come from the rule grader, and `ruleScore`
 * keeps the rule grader's own score. Pass `calibration: null` to gradeAnswer for the rule score alone.
 * Caps apply after calibration: substance, buzzwords, contradictions, order, keyword stuffing in any
 * format (explanation density, lib/grading/explanation.ts), estimating drills answered without a single estimate,
 * a `core` criterion never named (a misdiagnosis) and, where a rubric sets `stakes`, what-not-why.
 *
 * `evidence.start`/`end` are character offsets into `text` (end exclusive) for highlighting.
 * The result is plain JSON: store it with `rubricVersion` and regrade when the rubric changes.
 * Text beyond MAX_ANSWER_CHARS is rejected by the caller (see lib/drills/schema.ts).
 */
export { gradeAnswer, type GradeInput } from "./grade-answer";
export { parseRubric, rubricSchema, RubricError, type Rubric, type RubricInput, type Criterion } from "./rubric";
export { SCORE_BANDS, type GradeResult, type GradeLevel, type CriterionResult, type CriterionStatus, type Evidence, type DimensionResult, type ContradictionResult } from "./types";
export { levelOf } from "./score-answer";
