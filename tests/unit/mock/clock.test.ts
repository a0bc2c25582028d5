import { describe, expect, it } from "vitest";
import { phaseClock } from "@/lib/mock";

const phaseStartedAt = new Date("2025-01-01T10:00:00Z");
const at = (ms: number) => new Date(phaseStartedAt.getTime() + ms);
const budgetMs = 300_000;

describe("phaseClock", () => {
  it("counts elapsed and remaining time from the phase start", () => {
    expect(phaseClock({ phaseStartedAt, budgetMs, now: at(60_000) })).toEqual({ elapsedMs: 60_000, remainingMs: 240_000, isWarning: false, isOver: false });
  });

  it("warns from exactly 80% of the budget, not before", () => {
    expect(phaseClock({ phaseStartedAt, budgetMs, now: at(239_999) }).isWarning).toBe(false);
    expect(phaseClock({ phaseStartedAt, budgetMs, now: at(240_000) }).isWarning).toBe(true);
  });

  it("is over only strictly past the budget, and keeps warning", () => {
    expect(phaseClock({ phaseStartedAt, budgetMs, now: at(300_000) }).isOver).toBe(false);
    const over = phaseClock({ phaseStartedAt, budgetMs, now: at(300_001) });
    expect(over).toMatchObject({ isOver: true, isWarning: true, remainingMs: -1 });
  });

  it("treats a client clock behind the phase start as zero elapsed", () => {
    expect(phaseClock({ phaseStartedAt, budgetMs, now: at(-5_000) }).elapsedMs).toBe(0);
  });
});
