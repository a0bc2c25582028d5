import type { ReactNode } from "react";
import { LevelBadge } from "./level-badge";

/** Score out of 100, the level badge and a one-line summary: the head of every graded view. */
export function VerdictCard({ score, level, children }: { score: number; level: "below" | "E5" | "E6"; children?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" data-testid="grade-verdict">
      <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Verdict</h2>
      <div className="mt-2 flex items-baseline gap-3">
        <span className="text-4xl font-bold tabular-nums" data-testid="grade-score">{score}</span>
        <span className="text-slate-500">/ 100</span>
        <LevelBadge level={level} />
      </div>
      {children}
    </section>
  );
}
