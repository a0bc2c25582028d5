"use client";
import { EstimatesForm } from "@/components/estimates/estimates-form";
import { VerdictCard } from "@/components/grading/verdict-card";
import type { AssumptionRow, EstimatesCheck, EstimatesInput } from "@/lib/estimates";

/** Checked estimates: each cell against the capacity model, with the arithmetic shown. */
export function EstimatesReview({ values, check, assumptions }: { values: EstimatesInput; check: EstimatesCheck; assumptions: AssumptionRow[] }) {
  return (
    <div className="space-y-4">
      <VerdictCard score={check.score} level={check.level}>
        <p className="mt-2 text-sm text-slate-600">{check.summary}</p>
      </VerdictCard>
      <EstimatesForm onSubmit={() => undefined} result={check} defaultValues={values} assumptions={assumptions} submitLabel="Checked" />
    </div>
  );
}
