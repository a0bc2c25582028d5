import type { GradeSummaryDto } from "@/lib/db/attempts";

const LEVEL_STYLE = {
  below: { label: "Below E5", className: "bg-red-50 text-red-700 ring-red-200" },
  E5: { label: "E5", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  E6: { label: "E6", className: "bg-green-50 text-green-700 ring-green-200" },
} as const;

export function LevelBadge({ level }: { level: GradeSummaryDto["level"] }) {
  const style = LEVEL_STYLE[level];
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${style.className}`}>{style.label}</span>;
}

/** "62 · E5" with the level coloured; "Not graded yet" when there is no grade. */
export function GradeChip({ grade, failed = false }: { grade: GradeSummaryDto | null; failed?: boolean }) {
  if (!grade) return <span className="text-slate-500">{failed ? "Grading failed — retry pending" : "Not graded yet"}</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-semibold tabular-nums text-slate-900">{grade.score}</span>
      <LevelBadge level={grade.level} />
    </span>
  );
}
