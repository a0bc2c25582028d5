/**
 * Timed mock interview — pure core (no clock, database or files; `now` is passed in).
 *
 *   const plan = createMockPlan({ content, timeScale });            // budgets in ms per phase
 *   phaseClock({ phaseStartedAt, budgetMs, now });                 // elapsed, remaining, isWarning, isOver
 *   buildScorecard({ plan, answers, grades });                     // per step + overall verdict + pace
 *
 * The content loader (./content.ts) and the shell (./server/) do the I/O.
 */
export { createMockPlan, MockConfigError, MIN_PHASE_BUDGET_MS, type MockPlan } from "./plan";
export { phaseClock, WARNING_SHARE, type PhaseClock } from "./clock";
export { buildScorecard, overallVerdict, summarizeGrade, MAX_TOP_MISSED, type Scorecard, type ScorecardPhase } from "./scorecard";
export * from "./schema";
