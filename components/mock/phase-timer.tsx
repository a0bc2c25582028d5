"use client";
import { formatClock } from "@/lib/format";
import type { PhaseClock } from "@/lib/mock/clock";

/** Countdown for the phase budget: slate while on time, amber from 80% used, red once over. */
export function PhaseTimer({ clock, budgetMs }: { clock: PhaseClock; budgetMs: number }) {
  const state = clock.isOver ? "over" : clock.isWarning ? "warning" : "ok";
  const tone = state === "over" ? "border-red-300 bg-red-50 text-red-700" : state === "warning" ? "border-amber-300 bg-amber-50 text-amber-800" : "border-slate-200 bg-white text-slate-700";
  return (
    <div className={`flex items-center gap-3 rounded-md border px-3 py-2 ${tone}`} data-testid="phase-timer" data-state={state}>
      <span role="timer" aria-label="Time left for this step" className="font-mono text-2xl font-semibold tabular-nums">
        {clock.isOver ? `+${formatClock(-clock.remainingMs)}` : formatClock(clock.remainingMs)}
      </span>
      <span className="text-xs">
        {state === "over" ? "over this step's budget" : "left"} · budget {formatClock(budgetMs)}
      </span>
    </div>
  );
}
