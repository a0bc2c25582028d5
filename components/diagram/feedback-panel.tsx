"use client";
import type { DiagramFeedback } from "@/lib/diagram";

export const EDGE_COLORS = { none: "#64748b", ok: "#16a34a", bonus: "#7c3aed", reversed: "#d97706", extra: "#dc2626" } as const;

const LEGEND = [
  { label: "right", color: EDGE_COLORS.ok },
  { label: "E6 extra", color: EDGE_COLORS.bonus },
  { label: "reversed", color: EDGE_COLORS.reversed },
  { label: "not in the reference", color: EDGE_COLORS.extra },
] as const;

/** The grade drawn on the canvas: score, missing boxes and arrows, E6 extras, and a colour legend. */
export function FeedbackPanel({ feedback }: { feedback: DiagramFeedback }) {
  const missingEdges = feedback.missingEdges ?? [];
  const e6Found = feedback.e6Found ?? [];
  return (
    <section aria-label="Diagram feedback" className="max-h-[22rem] w-64 overflow-y-auto rounded-lg border border-slate-200 bg-white/95 p-3 text-xs text-slate-700 shadow">
      {feedback.score !== undefined ? (
        <p className="mb-2 text-sm font-semibold text-slate-900">Score {feedback.score}{feedback.level ? ` · ${feedback.level === "below" ? "Below E5" : feedback.level}` : ""}</p>
      ) : null}
      <h3 className="font-semibold text-slate-900">Missing components</h3>
      {feedback.missingComponents.length > 0 ? (
        <ul aria-label="Missing components" className="mb-2 list-disc pl-4 text-red-700">
          {feedback.missingComponents.map((label) => <li key={label}>{label}</li>)}
        </ul>
      ) : <p className="mb-2 text-green-700">None — every component is on the board.</p>}
      {missingEdges.length > 0 ? (
        <>
          <h3 className="font-semibold text-slate-900">Missing arrows</h3>
          <ul aria-label="Missing arrows" className="mb-2 list-disc pl-4 text-red-700">
            {missingEdges.map((label) => <li key={label}>{label}</li>)}
          </ul>
        </>
      ) : null}
      {e6Found.length > 0 ? (
        <>
          <h3 className="font-semibold text-slate-900">E6 extras</h3>
          <ul aria-label="E6 extras found" className="mb-2 list-disc pl-4 text-violet-700">
            {e6Found.map((label) => <li key={label}>{label}</li>)}
          </ul>
        </>
      ) : null}
      <ul aria-label="Arrow colours" className="flex flex-wrap gap-x-3 gap-y-1 border-t border-slate-100 pt-2">
        {LEGEND.map((item) => (
          <li key={item.label} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ backgroundColor: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
