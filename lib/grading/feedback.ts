import { scoreCredits, type Credit } from "./score-answer";
import type { Rubric } from "./rubric";

/**
 * Impact of each unmet criterion: the score points the answer would gain if it were fully met,
 * with everything else unchanged. Missed criteria are listed highest impact first.
 */
export function impacts(credits: readonly Credit[], thresholds: Rubric["thresholds"], cap: number): number[] {
  const base = scoreCredits(credits, thresholds, cap);
  return credits.map((c, i) => {
    if (c.credit >= 1) return 0;
    const improved = credits.map((other, j) => (j === i ? { ...other, credit: 1 } : other));
    // Points count even under a contradiction cap, so the learner still sees what to add.
    const gain = scoreCredits(improved, thresholds, 100) - scoreCredits(credits, thresholds, 100);
    return Math.max(gain, base === cap ? gain : 0);
  });
}

export function orderByImpact<T extends { id: string; impact: number; weight: number; level: string }>(items: readonly T[]): string[] {
  return [...items]
    .sort((a, b) => b.impact - a.impact || (a.level === b.level ? 0 : a.level === "E5" ? -1 : 1) || b.weight - a.weight)
    .map((c) => c.id);
}
