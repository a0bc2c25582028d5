import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { LevelBadge } from "@/components/grading/level-badge";
import { StartMockButton } from "@/components/mock/start-mock-button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { listMocks } from "@/lib/db/mock";
import { formatDateTime } from "@/lib/format";
import { loadMockContent } from "@/lib/mock/content";

export const metadata: Metadata = { title: "Mock interview" };

export default async function MockIndexPage() {
  const user = await requirePageUser("/mock");
  const mocks = await listMocks({ userId: user.id });
  const { content } = loadMockContent();
  const inProgress = mocks.find((m) => m.status === "in_progress");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Timed mock interview</h1>
        <p className="text-slate-600">
          {content.totalMinutes} minutes, the 7 framework steps in order, one answer per step, each with its own time budget. At the end: feedback per step, an E5/E6 verdict and your pace.
        </p>
      </header>
      <Card className="space-y-3">
        <h2 className="font-semibold">{content.question}</h2>
        <ol className="grid grid-cols-1 gap-1 text-sm text-slate-700 sm:grid-cols-2">
          {content.phases.map((p, i) => (
            <li key={p.id}>{i + 1}. {p.title} <span className="text-slate-500">· {p.minutes} min</span></li>
          ))}
        </ol>
        {inProgress ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="resume-banner">
            You have a mock in progress (step {Math.min(inProgress.currentPhase + 1, inProgress.phaseCount)} of {inProgress.phaseCount}); its clock keeps running.{" "}
            <AppLink href={`/mock/${inProgress.id}`} className="font-medium underline">Resume it</AppLink>
          </p>
        ) : null}
        <StartMockButton />
      </Card>
      <section aria-labelledby="past-heading" className="space-y-2">
        <h2 id="past-heading" className="font-semibold">Your mock interviews</h2>
        {mocks.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="mock-empty">
            No mock interviews yet. Start one when you have 45 minutes.
          </div>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="mock-list">
            {mocks.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                <AppLink href={`/mock/${m.id}`} className="font-medium text-slate-900 hover:underline">{m.question}</AppLink>
                <span className="text-xs text-slate-500">{formatDateTime(m.startedAt)}</span>
                <span className="ml-auto flex items-center gap-2">
                  {m.status === "completed" && m.overall ? (
                    <>
                      <span className="font-semibold tabular-nums">{m.overall.score}</span>
                      <LevelBadge level={m.overall.level} />
                    </>
                  ) : m.status === "in_progress" ? (
                    <AppLink href={`/mock/${m.id}`} className="text-brand-600 hover:underline">Resume · step {Math.min(m.currentPhase + 1, m.phaseCount)} of {m.phaseCount}</AppLink>
                  ) : (
                    <span className="text-slate-500">Abandoned</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
