import { LevelBadge } from "@/components/grading/level-badge";
import { Markdown } from "@/components/markdown";
import { formatDuration } from "@/lib/format";
import type { Scorecard } from "@/lib/mock";
import { PaceChart } from "./pace-chart";

/** A finished mock: the overall verdict and why, time per step against budget, per-step feedback. */
export function ScorecardView({ scorecard, answers }: { scorecard: Scorecard; answers: { phase: string; answer: string }[] }) {
  const { overall, pace } = scorecard;
  return (
    <div className="space-y-6">
      <section aria-labelledby="mock-verdict-heading" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="mock-verdict">
        <h2 id="mock-verdict-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Overall verdict</h2>
        <div className="mt-2 flex items-baseline gap-3">
          <span className="text-4xl font-bold tabular-nums" data-testid="mock-overall-score">{overall.score}</span>
          <span className="text-slate-500">/ 100</span>
          <span data-testid="mock-overall-level"><LevelBadge level={overall.level} /></span>
        </div>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {overall.reasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
        <p className="mt-3 text-xs text-slate-500">
          E6 needs every step at the E5 bar, an overall score of 75+ (weighted by each step&apos;s time budget) and E6 depth on at least half the steps. E5 needs 45+ overall with at most one step below the bar.
        </p>
      </section>

      <section aria-labelledby="pace-heading" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="mock-pace">
        <h2 id="pace-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Pace: time per step vs budget</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="pace-summary">
          {formatDuration(pace.totalDurationMs)} of a {formatDuration(pace.totalBudgetMs)} budget ({Math.round(pace.paceRatio * 100)}%).{" "}
          {pace.overBudget.length === 0 ? "Every step finished within its budget." : `Over budget on ${pace.overBudget.length} step${pace.overBudget.length === 1 ? "" : "s"}: ${scorecard.phases.filter((p) => pace.overBudget.includes(p.phase)).map((p) => p.title).join(", ")}.`}
        </p>
        <PaceChart phases={scorecard.phases} />
      </section>

      <section aria-labelledby="steps-heading" className="space-y-3">
        <h2 id="steps-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Step by step</h2>
        <ol className="space-y-3">
          {scorecard.phases.map((p, i) => {
            const answer = answers.find((a) => a.phase === p.phase)?.answer;
            return (
              <li key={p.phase} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="scorecard-row">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-semibold text-slate-900">{i + 1}. {p.title}</span>
                  <span className="font-semibold tabular-nums">{p.score}</span>
                  <LevelBadge level={p.level} />
                  <span className={`ml-auto text-xs tabular-nums ${p.durationMs > p.budgetMs ? "text-red-700" : "text-slate-500"}`}>
                    {formatDuration(p.durationMs)} / {formatDuration(p.budgetMs)}
                  </span>
                </div>
                {!p.isGraded ? <p className="mt-2 text-sm text-slate-600">This step could not be graded; it counts as 0.</p> : null}
                {p.topMissed.length > 0 ? (
                  <ul className="mt-2 space-y-1 text-sm text-slate-700">
                    {p.topMissed.map((m) => (
                      <li key={m.title}>
                        <span className="rounded bg-slate-100 px-1.5 text-[11px] text-slate-600">{m.level}</span> {m.feedback}
                      </li>
                    ))}
                  </ul>
                ) : p.isGraded ? <p className="mt-2 text-sm text-green-700">Nothing missing on this step.</p> : null}
                {answer ? (
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-xs text-slate-500">Your answer</summary>
                    <div className="mt-2 border-l-2 border-slate-200 pl-3"><Markdown>{answer}</Markdown></div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
