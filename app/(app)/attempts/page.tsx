import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { GradeChip } from "@/components/grading/level-badge";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth";
import { listAttempts } from "@/lib/db/attempts";
import { DRILL_KIND_LABELS, formatDateTime, formatDuration } from "@/lib/format";

export const metadata: Metadata = { title: "History" };

export default async function AttemptsPage() {
  const user = await requirePageUser("/attempts");
  const attempts = await listAttempts({ userId: user.id });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">History</h1>
        <p className="text-slate-600">Every answer you have submitted, newest first.</p>
      </header>
      {attempts.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No answers yet. <AppLink href="/drills" className="font-medium text-brand-600 hover:underline">Pick a drill</AppLink> and submit your first one.
        </div>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Drill</th>
              <th className="px-4 py-2 font-medium">Submitted</th>
              <th className="px-4 py-2 font-medium">Time spent</th>
              <th className="px-4 py-2 font-medium">Result</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((attempt) => (
              <tr key={attempt.id} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  <AppLink href={`/attempts/${attempt.id}`} className="font-medium text-brand-700 hover:underline">{attempt.drill.title}</AppLink>
                  <span className="ml-2"><Badge>{DRILL_KIND_LABELS[attempt.drill.kind]}</Badge></span>
                </td>
                <td className="px-4 py-2 text-slate-600">{formatDateTime(attempt.submittedAt)}</td>
                <td className="px-4 py-2 text-slate-600">{formatDuration(attempt.durationMs)}</td>
                <td className="px-4 py-2"><GradeChip grade={attempt.grade} failed={attempt.gradingFailed} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
