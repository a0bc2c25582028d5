/**
 * The phase timer, pure: the server stores when the current phase started; the client passes its
 * (server-corrected) `now`. Used by the countdown and by the stored durations alike.
 */

/** Share of the budget after which the timer warns (amber). */
export const WARNING_SHARE = 0.8;

export type PhaseClock = {
  elapsedMs: number;
  /** Budget left; negative once over. */
  remainingMs: number;
  /** At least WARNING_SHARE of the budget used (stays true once over). */
  isWarning: boolean;
  /** Strictly past the budget. */
  isOver: boolean;
};

export function phaseClock({ phaseStartedAt, budgetMs, now }: { phaseStartedAt: Date; budgetMs: number; now: Date }): PhaseClock {
  const elapsedMs = Math.max(0, now.getTime() - phaseStartedAt.getTime());
  return {
    elapsedMs,
    remainingMs: budgetMs - elapsedMs,
    isWarning: elapsedMs >= budgetMs * WARNING_SHARE,
    isOver: elapsedMs > budgetMs,
  };
}
