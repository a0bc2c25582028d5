import { formatDuration } from "@/lib/format";
import type { ScorecardPhase } from "@/lib/mock";

/**
 * Time per step against its budget, as paired horizontal bars (Tailwind, no chart library): the grey
 * bar is the budget, the coloured one the time taken — green within budget, red over it.
 */
export function PaceChart({ phases }: { phases: Pick<ScorecardPhase, "phase" | "title" | "budgetMs" | "durationMs">[] }) {
  const maxMs = Math.max(1, ...phases.flatMap((p) => [p.budgetMs, p.durationMs]));
  const width = (ms: number) => `${Math.max(1, (ms / maxMs) * 100)}%`;
  return (
    <div className="mt-4 space-y-2" data-testid="pace-chart" role="img" aria-label="Time taken per step against its budget">
      {phases.map((p, i) => {
        const isOver = p.durationMs > p.budgetMs;
        return (
          <div key={p.phase} className="grid grid-cols-[11rem_1fr_8rem] items-center gap-3 text-xs" data-testid="pace-bar">
            <span className="truncate text-slate-700">{i + 1}. {p.title}</span>
            <span className="space-y-0.5">
              <span className="block h-2 rounded-full bg-slate-200" style={{ width: width(p.budgetMs) }} title={`Budget ${formatDuration(p.budgetMs)}`} />
              <span className={`block h-2 rounded-full ${isOver ? "bg-red-500" : "bg-green-500"}`} style={{ width: width(p.durationMs) }} title={`Took ${formatDuration(p.durationMs)}`} />
            </span>
            <span className={`text-right tabular-nums ${isOver ? "text-red-700" : "text-slate-500"}`}>{formatDuration(p.durationMs)} / {formatDuration(p.budgetMs)}</span>
          </div>
        );
      })}
      <p className="flex gap-4 pt-1 text-[11px] text-slate-500">
        <span><span className="mr-1 inline-block h-2 w-4 rounded-full bg-slate-200 align-middle" />budget</span>
        <span><span className="mr-1 inline-block h-2 w-4 rounded-full bg-green-500 align-middle" />within budget</span>
        <span><span className="mr-1 inline-block h-2 w-4 rounded-full bg-red-500 align-middle" />over budget</span>
      </p>
    </div>
  );
}
