/**
 * The scorecard of a finished mock: per-step grade, feedback and pace, the budget-weighted overall
 * score and the E5/E6 verdict. Pure: plan, answers and grades in, a plain JSON scorecard out.
 */
import { levelOf, SCORE_BANDS, type GradeLevel, type GradeResult } from "@/lib/grading";
import type { MockPlan } from "./plan";
import type { PhaseGrade, StoredAnswer } from "./schema";

/** Feedback items kept per phase: the most valuable things to add. */
export const MAX_TOP_MISSED = 3;

export type ScorecardPhase = {
  phase: string;
  title: string;
  /** 0–100; 0 when the phase has no grade. */
  score: number;
  level: GradeLevel;
  isGraded: boolean;
  budgetMs: number;
  durationMs: number;
  /** durationMs ÷ budgetMs: 1 is exactly on budget, above 1 over it. */
  paceRatio: number;
  topMissed: { title: string; level: "E5" | "E6"; feedback: string }[];
};

export type Scorecard = {
  phases: ScorecardPhase[];
  overall: { score: number; level: GradeLevel; reasons: string[] };
  pace: { totalBudgetMs: number; totalDurationMs: number; paceRatio: number; overBudget: string[] };
};

/** Keeps what the scorecard shows from a full grade: score, level and the top missed feedback. */
export function summarizeGrade(result: GradeResult): PhaseGrade {
  const byId = new Map(result.criteria.map((c) => [c.id, c]));
  const missed = result.missed
    .flatMap((id) => {
      const c = byId.get(id);
      return c?.feedback ? [{ title: c.title, level: c.level, feedback: c.feedback }] : [];
    })
    .slice(0, MAX_TOP_MISSED);
  return { score: result.score, level: result.level, rubricVersion: result.rubricVersion, missed };
}

/**
 * The verdict rule. A design interview is judged on the whole walk-through, and one skipped step is
 * what interviewers notice first, so the bar is per phase as well as overall:
 * - E6: every phase reaches the E5 bar (score ≥ 45), the budget-weighted overall score is in the E6
 *   band (≥ 75), and E6 depth shows on most steps — at least half the phases (4 of 7) graded E6.
 * - E5: the overall score reaches the E5 bar (≥ 45) and at most one phase is below it (one weak
 *   step is recoverable in a loop; two mean a gap in the framework).
 * - below otherwise.
 * Pace is reported but not scored: running over in the room costs the later steps, which already
 * shows in their answers.
 */
export function overallVerdict(phases: Pick<ScorecardPhase, "title" | "score" | "level" | "budgetMs">[]): Scorecard["overall"] {
  const totalBudgetMs = phases.reduce((sum, p) => sum + p.budgetMs, 0);
  const score = totalBudgetMs > 0 ? Math.round(phases.reduce((sum, p) => sum + p.score * p.budgetMs, 0) / totalBudgetMs) : 0;
  const belowE5 = phases.filter((p) => p.score < SCORE_BANDS.E5.min);
  const atE6 = phases.filter((p) => p.level === "E6").length;
  const e6DepthNeeded = Math.ceil(phases.length / 2);
  const reasons: string[] = [];
  const overallBand = levelOf(score);

  if (belowE5.length === 0 && overallBand === "E6" && atE6 >= e6DepthNeeded) {
    reasons.push(`Every step reached the E5 bar, the overall score ${score} is in the E6 band and ${atE6} of ${phases.length} steps showed E6 depth.`);
    return { score, level: "E6", reasons };
  }
  if (overallBand === "E6" || atE6 >= e6DepthNeeded) {
    if (belowE5.length > 0) reasons.push(`Not E6: ${belowE5.map((p) => p.title).join(", ")} fell below the E5 bar.`);
    if (overallBand !== "E6") reasons.push(`Not E6: the overall score ${score} is under ${SCORE_BANDS.E6.min}.`);
    if (atE6 < e6DepthNeeded) reasons.push(`Not E6: ${atE6} of ${phases.length} steps showed E6 depth (needs ${e6DepthNeeded}).`);
  }
  if (score >= SCORE_BANDS.E5.min && belowE5.length <= 1) {
    reasons.unshift(belowE5.length === 0 ? `Every step reached the E5 bar; overall ${score}.` : `Overall ${score} with one weak step (${belowE5[0]!.title}).`);
    return { score, level: "E5", reasons };
  }
  if (score < SCORE_BANDS.E5.min) reasons.unshift(`The overall score ${score} is under the E5 bar (${SCORE_BANDS.E5.min}).`);
  if (belowE5.length > 1) reasons.unshift(`${belowE5.length} steps fell below the E5 bar: ${belowE5.map((p) => p.title).join(", ")}.`);
  return { score, level: "below", reasons };
}

export function buildScorecard({ plan, answers, grades }: { plan: MockPlan; answers: Pick<StoredAnswer, "phase" | "durationMs">[]; grades: Record<string, PhaseGrade | null | undefined> }): Scorecard {
  const phases = plan.phases.map((p): ScorecardPhase => {
    const answer = answers.find((a) => a.phase === p.phase);
    const grade = grades[p.phase] ?? null;
    const durationMs = answer?.durationMs ?? 0;
    return {
      phase: p.phase,
      title: p.title,
      score: grade?.score ?? 0,
      level: grade?.level ?? "below",
      isGraded: grade !== null,
      budgetMs: p.budgetMs,
      durationMs,
      paceRatio: p.budgetMs > 0 ? durationMs / p.budgetMs : 0,
      topMissed: grade ? grade.missed.slice(0, MAX_TOP_MISSED) : [],
    };
  });
  const totalBudgetMs = phases.reduce((sum, p) => sum + p.budgetMs, 0);
  const totalDurationMs = phases.reduce((sum, p) => sum + p.durationMs, 0);
  return {
    phases,
    overall: overallVerdict(phases),
    pace: {
      totalBudgetMs,
      totalDurationMs,
      paceRatio: totalBudgetMs > 0 ? totalDurationMs / totalBudgetMs : 0,
      overBudget: phases.filter((p) => p.durationMs > p.budgetMs).map((p) => p.phase),
    },
  };
}
