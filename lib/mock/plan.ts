/**
 * A mock's plan: the authored phases with their budgets in ms. The time scale shrinks every budget
 * by the same factor (a test setting, so an end-to-end run takes seconds); the flow is unchanged.
 */
import type { MockContent, PlanPhase } from "./schema";

/** Smallest budget a phase gets, whatever the scale, so a timer always has something to count. */
export const MIN_PHASE_BUDGET_MS = 1_000;

export type MockPlan = { question: string; phases: PlanPhase[] };

export class MockConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MockConfigError";
  }
}

/** `timeScale` in (0, 1]: 1 is the real 45 minutes, 0.02 makes a 5-minute phase 6 s. */
export function createMockPlan({ content, timeScale = 1 }: { content: MockContent; timeScale?: number }): MockPlan {
  if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 1) {
    throw new MockConfigError(`Expected timeScale to be a number in (0, 1], got ${timeScale}`);
  }
  return {
    question: content.question,
    phases: content.phases.map((p) => ({
      phase: p.id,
      title: p.title,
      prompt: p.prompt,
      budgetMs: Math.max(MIN_PHASE_BUDGET_MS, Math.round(p.minutes * 60_000 * timeScale)),
    })),
  };
}
