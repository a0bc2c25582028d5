/** The 7 framework steps as a stepper: done, current, to come. */
export function PhaseStepper({ phases, currentPhase }: { phases: { phase: string; title: string }[]; currentPhase: number }) {
  return (
    <ol className="grid grid-cols-7 gap-1.5" aria-label="Interview steps" data-testid="phase-stepper">
      {phases.map((p, i) => {
        const state = i < currentPhase ? "done" : i === currentPhase ? "current" : "todo";
        return (
          <li
            key={p.phase}
            aria-current={state === "current" ? "step" : undefined}
            data-state={state}
            className={`rounded-md border px-2 py-1.5 text-xs leading-tight ${
              state === "done" ? "border-green-200 bg-green-50 text-green-800" : state === "current" ? "border-brand-500 bg-brand-50 font-semibold text-brand-700" : "border-slate-200 bg-white text-slate-500"
            }`}
          >
            <span className="block tabular-nums">{state === "done" ? "✓" : i + 1}</span>
            <span className="block">{p.title}</span>
          </li>
        );
      })}
    </ol>
  );
}
