import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { LevelBadge } from "@/components/grading/level-badge";
import { LevelChart } from "@/components/progress/level-chart";
import { ScoreChart } from "@/components/progress/score-chart";
import { TimeChart } from "@/components/progress/time-chart";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { listProgressAttempts } from "@/lib/db/progress";
import { formatDuration } from "@/lib/format";
import { summarizeProgress } from "@/lib/progress/summarize";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const summary = summarizeProgress({ attempts: await listProgressAttempts({ userId: user.id }), now: new Date() });

  if (summary.attempts === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Progress</h1>
        <Card className="space-y-2 text-center" data-testid="progress-empty">
          <p className="font-medium">Nothing to chart yet.</p>
          <p className="text-slate-600">
            Answer a drill and your scores, level trajectory and weakest dimensions appear here. A good first one is{" "}
            <AppLink href="/drills/whiteboard-system" className="font-medium text-brand-600 hover:underline">Whiteboard the production ML system</AppLink>.
          </p>
        </Card>
      </div>
    );
  }

  const stats = [
    { label: "Attempts", value: String(summary.attempts) },
    { label: "Graded", value: String(summary.graded) },
    { label: "Time practised", value: formatDuration(summary.timeSpentMs) },
    { label: "Streak", value: `${summary.streakDays} day${summary.streakDays === 1 ? "" : "s"}` },
  ];

  return (
    <div className="space-y-6">
      <header className="flex items-center gap-3">
        <h1 className="text-2xl font-bold">Progress</h1>
        {summary.latestLevel ? <span className="flex items-center gap-2 text-sm text-slate-600">latest level <LevelBadge level={summary.latestLevel} /></span> : null}
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <Card key={s.label} className="p-4">
            <dt className="text-xs text-slate-500">{s.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`stat-${s.label.toLowerCase().replace(/\s+/g, "-")}`}>{s.value}</dd>
          </Card>
        ))}
      </dl>
      <Card>
        <h2 className="mb-2 font-semibold">Scores over time</h2>
        {summary.graded > 0 ? <div data-testid="score-chart"><ScoreChart scores={summary.scores} /></div> : <p className="text-sm text-slate-600">No graded attempts yet.</p>}
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">Level trajectory</h2>
          <LevelChart trajectory={summary.levelTrajectory} />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Minutes practised, last 14 days</h2>
          <TimeChart days={summary.minutesPerDay} />
        </Card>
      </div>
      <Card>
        <h2 className="mb-3 font-semibold">Weakest dimensions first</h2>
        <ul className="space-y-3" data-testid="weak-dimensions">
          {summary.dimensions.slice(0, 8).map((d) => (
            <li key={d.label} className="grid grid-cols-[12rem_1fr_3rem] items-center gap-3 text-sm">
              <span className="text-slate-700">{d.label}</span>
              <span className="space-y-1">
                <span className="block h-2.5 overflow-hidden rounded-full bg-slate-100">
                  <span className={`block h-full rounded-full ${d.averageScore >= 75 ? "bg-green-500" : d.averageScore >= 45 ? "bg-amber-500" : "bg-red-400"}`} style={{ width: `${Math.max(2, d.averageScore)}%` }} />
                </span>
                <span className="block text-xs text-slate-500">
                  Train it with{" "}
                  {d.drills.map((drill, i) => (
                    <span key={drill.slug}>
                      {i > 0 ? ", " : ""}
                      <AppLink href={`/drills/${drill.slug}`} className="text-brand-600 hover:underline">{drill.title}</AppLink>
                    </span>
                  ))}
                </span>
              </span>
              <span className="text-right tabular-nums text-slate-600">{d.averageScore}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
