import { describe, expect, it } from "vitest";
import { gradeAnswer, levelOf } from "@/lib/grading";
import { buildScorecard, createMockPlan, summarizeGrade, type PhaseGrade } from "@/lib/mock";
import { loadMockContent } from "@/lib/mock/content";

const { content, rubrics } = loadMockContent();
const plan = createMockPlan({ content, timeScale: 1 });
const grade = (score: number): PhaseGrade => ({ score, level: levelOf(score), rubricVersion: 1, missed: [{ title: "t", level: "E6", feedback: "add the fallback path" }] });
const answersOnBudget = plan.phases.map((p) => ({ phase: p.phase, durationMs: p.budgetMs }));
const allAt = (scores: number[]) => Object.fromEntries(plan.phases.map((p, i) => [p.phase, grade(scores[i]!)]));

describe("buildScorecard", () => {
  it("has one row per phase with score, level, budget, duration and pace", () => {
    const answers = plan.phases.map((p) => ({ phase: p.phase, durationMs: p.budgetMs * 1.5 }));
    const card = buildScorecard({ plan, answers, grades: allAt([60, 60, 60, 60, 60, 60, 60]) });
    expect(card.phases).toHaveLength(7);
    expect(card.phases[0]).toMatchObject({ phase: "clarify-requirements", score: 60, level: "E5", paceRatio: 1.5, isGraded: true });
    expect(card.phases[0]!.topMissed[0]!.feedback).toBe("add the fallback path");
    expect(card.pace.paceRatio).toBeCloseTo(1.5);
    expect(card.pace.overBudget).toHaveLength(7);
  });

  it("weights the overall score by each phase's budget", () => {
    // Budgets 5,5,8,8,7,6,6 min: 100 on the two 8-minute phases only → 1600 / 45 ≈ 36.
    const card = buildScorecard({ plan, answers: answersOnBudget, grades: allAt([0, 0, 100, 100, 0, 0, 0]) });
    expect(card.overall.score).toBe(36);
  });

  it("gives E6 only when every phase reaches E5, the overall is in the E6 band and most phases show E6", () => {
    expect(buildScorecard({ plan, answers: answersOnBudget, grades: allAt([80, 80, 80, 80, 70, 70, 70]) }).overall.level).toBe("E6");
    // Overall ≥ 75 but one phase below the E5 bar → E5.
    const weakStep = buildScorecard({ plan, answers: answersOnBudget, grades: allAt([30, 90, 90, 90, 90, 90, 90]) });
    expect(weakStep.overall.score).toBeGreaterThanOrEqual(75);
    expect(weakStep.overall.level).toBe("E5");
    expect(weakStep.overall.reasons.join(" ")).toContain("Clarify requirements");
    // Overall ≥ 75 but only 3 of 7 phases at E6 → E5.
    expect(buildScorecard({ plan, answers: answersOnBudget, grades: allAt([100, 100, 100, 74, 74, 74, 74]) }).overall.level).toBe("E5");
  });

  it("gives E5 with at most one phase below the bar, below with two", () => {
    expect(buildScorecard({ plan, answers: answersOnBudget, grades: allAt([20, 60, 60, 60, 60, 60, 60]) }).overall.level).toBe("E5");
    expect(buildScorecard({ plan, answers: answersOnBudget, grades: allAt([20, 20, 70, 70, 70, 70, 70]) }).overall.level).toBe("below");
    expect(buildScorecard({ plan, answers: answersOnBudget, grades: allAt([44, 44, 44, 44, 44, 44, 44]) }).overall.level).toBe("below");
  });

  it("scores an ungraded phase as 0 and marks it", () => {
    const grades = { ...allAt([60, 60, 60, 60, 60, 60, 60]), evaluation: null };
    const card = buildScorecard({ plan, answers: answersOnBudget, grades });
    expect(card.phases[4]).toMatchObject({ phase: "evaluation", score: 0, isGraded: false, topMissed: [] });
  });

  it("keeps the top missed feedback of a real grade, highest impact first", () => {
    const rubric = rubrics.get("evaluation")!;
    const result = gradeAnswer({ text: "We would look at AUC offline.", rubric });
    const summary = summarizeGrade(result);
    expect(summary.missed.length).toBeGreaterThan(0);
    expect(summary.missed.length).toBeLessThanOrEqual(3);
    expect(summary.missed[0]!.feedback).toBe(result.criteria.find((c) => c.id === result.missed[0])!.feedback);
  });
});
