/**
 * Progress analytics (pure): a learner's attempts in, chart-ready series and figures out.
 * Dates are bucketed by UTC day; `now` is injected so the same input always gives the same summary.
 */
export type Level = "below" | "E5" | "E6";

export type ProgressAttempt = {
  drillSlug: string;
  drillTitle: string;
  submittedAt: Date;
  durationMs: number;
  grade: { score: number; level: Level; dimensions: { label: string; score: number }[] } | null;
};

export type ProgressSummary = {
  attempts: number;
  graded: number;
  timeSpentMs: number;
  streakDays: number;
  /** The level of the most recent graded attempt, null before any. */
  latestLevel: Level | null;
  /** Every graded attempt in time order, for the per-drill score chart. */
  scores: { at: string; drillSlug: string; drillTitle: string; score: number; level: Level }[];
  /** Rolling best level over the last three graded attempts: the trajectory below → E5 → E6. */
  levelTrajectory: { at: string; levelRank: 0 | 1 | 2; level: Level }[];
  /** Average score per rubric dimension (label), weakest first, with the drills that train it. */
  dimensions: { label: string; averageScore: number; samples: number; drills: { slug: string; title: string }[] }[];
  /** Minutes spent per UTC day over the last `days` days, oldest first. */
  minutesPerDay: { day: string; minutes: number }[];
};

const LEVEL_RANK: Record<Level, 0 | 1 | 2> = { below: 0, E5: 1, E6: 2 };
const RANK_LEVEL: Level[] = ["below", "E5", "E6"];
const DAY_MS = 86_400_000;

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Consecutive UTC days with at least one attempt, ending today (or yesterday, if today has none yet). */
export function streakDays(dates: Date[], now: Date): number {
  const days = new Set(dates.map(dayKey));
  let cursor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!days.has(dayKey(cursor))) cursor = new Date(cursor.getTime() - DAY_MS);
  let streak = 0;
  while (days.has(dayKey(cursor))) {
    streak += 1;
    cursor = new Date(cursor.getTime() - DAY_MS);
  }
  return streak;
}

export function summarizeProgress({ attempts, now, days = 14 }: { attempts: ProgressAttempt[]; now: Date; days?: number }): ProgressSummary {
  const ordered = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const graded = ordered.filter((a): a is ProgressAttempt & { grade: NonNullable<ProgressAttempt["grade"]> } => a.grade !== null);

  const scores = graded.map((a) => ({ at: a.submittedAt.toISOString(), drillSlug: a.drillSlug, drillTitle: a.drillTitle, score: a.grade.score, level: a.grade.level }));

  const levelTrajectory = graded.map((a, i) => {
    const window = graded.slice(Math.max(0, i - 2), i + 1);
    const rank = Math.max(...window.map((w) => LEVEL_RANK[w.grade.level])) as 0 | 1 | 2;
    return { at: a.submittedAt.toISOString(), levelRank: rank, level: RANK_LEVEL[rank]! };
  });

  const byDimension = new Map<string, { total: number; samples: number; drills: Map<string, string> }>();
  for (const a of graded) {
    for (const d of a.grade.dimensions) {
      const entry = byDimension.get(d.label) ?? { total: 0, samples: 0, drills: new Map<string, string>() };
      entry.total += d.score;
      entry.samples += 1;
      entry.drills.set(a.drillSlug, a.drillTitle);
      byDimension.set(d.label, entry);
    }
  }
  const dimensions = [...byDimension.entries()]
    .map(([label, e]) => ({ label, averageScore: Math.round(e.total / e.samples), samples: e.samples, drills: [...e.drills].map(([slug, title]) => ({ slug, title })) }))
    .sort((a, b) => a.averageScore - b.averageScore || a.label.localeCompare(b.label));

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const minutes = new Map<string, number>();
  for (const a of ordered) minutes.set(dayKey(a.submittedAt), (minutes.get(dayKey(a.submittedAt)) ?? 0) + a.durationMs / 60_000);
  const minutesPerDay = Array.from({ length: days }, (_, i) => {
    const day = dayKey(new Date(today - (days - 1 - i) * DAY_MS));
    return { day, minutes: Math.round((minutes.get(day) ?? 0) * 10) / 10 };
  });

  return {
    attempts: ordered.length,
    graded: graded.length,
    timeSpentMs: ordered.reduce((sum, a) => sum + a.durationMs, 0),
    streakDays: streakDays(ordered.map((a) => a.submittedAt), now),
    latestLevel: graded.at(-1)?.grade.level ?? null,
    scores,
    levelTrajectory,
    dimensions,
    minutesPerDay,
  };
}
