"use client";
import { EstimatesForm } from "@/components/estimates/estimates-form";
import { LevelBadge } from "@/components/grading/level-badge";
import type { AssumptionRow, EstimatesCheck, EstimatesInput } from "@/lib/estimates";

/** Checked estimates: each cell against the capacity model, with the arithmetic shown. */
export function EstimatesReview({ values, check, assumptions }: { values: EstimatesInput; check: EstimatesCheck; assumptions: AssumptionRow[] }) {
  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-slate-200 bg-white p-5" data-testid="grade-verdict">
        <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Verdict</h2>
        <div className="mt-2 flex items-baseline gap-3">
          <span className="text-4xl font-bold tabular-nums" data-testid="grade-score">{check.score}</span>
          <span className="text-slate-500">/ 100</span>
          <LevelBadge level={check.level} />
        </div>
        <p className="mt-2 text-sm text-slate-600">{check.summary}</p>
      </section>
      <EstimatesForm onSubmit={() => undefined} result={check} defaultValues={values} assumptions={assumptions} submitLabel="Checked" />
    </div>
  );
}
