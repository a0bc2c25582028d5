import { describe, expect, it } from "vitest";
import { createMockPlan, MIN_PHASE_BUDGET_MS, MockConfigError, MOCK_PHASE_IDS } from "@/lib/mock";
import { loadMockContent } from "@/lib/mock/content";

const { content } = loadMockContent();

describe("createMockPlan", () => {
  it("walks the 7 framework steps in order with budgets summing to 45 minutes at scale 1", () => {
    const plan = createMockPlan({ content, timeScale: 1 });
    expect(plan.phases.map((p) => p.phase)).toEqual([...MOCK_PHASE_IDS]);
    expect(plan.phases.reduce((sum, p) => sum + p.budgetMs, 0)).toBe(45 * 60_000);
    expect(plan.question).toMatch(/feed/i);
  });

  it("shrinks every budget by the time scale, keeping the proportions", () => {
    const full = createMockPlan({ content, timeScale: 1 });
    const short = createMockPlan({ content, timeScale: 0.02 });
    expect(short.phases.map((p) => p.phase)).toEqual(full.phases.map((p) => p.phase));
    short.phases.forEach((p, i) => expect(p.budgetMs).toBe(Math.round(full.phases[i]!.budgetMs * 0.02)));
  });

  it("never gives a phase less than the minimum budget", () => {
    const plan = createMockPlan({ content, timeScale: 0.00001 });
    for (const p of plan.phases) expect(p.budgetMs).toBe(MIN_PHASE_BUDGET_MS);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects time scale %s, naming it", (timeScale) => {
    expect(() => createMockPlan({ content, timeScale })).toThrow(MockConfigError);
    expect(() => createMockPlan({ content, timeScale })).toThrow(String(timeScale));
  });
});
