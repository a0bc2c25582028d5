/**
 * Attempts: a learner's stored answers. Every read and write is scoped to its owner; another
 * learner's attempt is indistinguishable from a missing one (null → 404).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DrillKind } from "@/lib/drills/schema";
import { modesForDrill, type AnswerMode } from "@/lib/attempts/modes";
import { AppError } from "@/lib/errors";
import { storedGradeSchema, type StoredGrade } from "./grades";
import { db, preparedQuery } from "./client";

/** A grade as lists show it; null until the attempt is graded. */
export type GradeSummaryDto = { score: number; level: "below" | "E5" | "E6"; rubricVersion: number };

export type AttemptSummaryDto = {
  id: string;
  drill: { slug: string; title: string; kind: DrillKind };
  submittedAt: Date;
  durationMs: number;
  grade: GradeSummaryDto | null;
  gradingFailed: boolean;
};
export type AttemptDetailDto = AttemptSummaryDto & { answer: string; mode: string; result: StoredGrade | null; modeResult: unknown; rubricId: string | null; runId: string | null };

const summarySelect = {
  id: true,
  submittedAt: true,
  durationMs: true,
  gradingError: true,
  drill: { select: { slug: true, title: true, kind: true } },
  grade: { select: { score: true, level: true, rubricVersion: true } },
} satisfies Prisma.AttemptSelect;

type SummaryRow = Prisma.AttemptGetPayload<{ select: typeof summarySelect }>;
function toSummary({ gradingError, ...row }: SummaryRow): AttemptSummaryDto {
  return { ...row, gradingFailed: gradingError !== null && row.grade === null };
}

/** Stores the answer before anything else happens to it; returns its id. */
export async function createAttempt({ userId, drillSlug, answer, durationMs, runId, mode = "text", now = new Date() }: { userId: string; drillSlug: string; answer: string; durationMs: number; runId?: string; mode?: AnswerMode; now?: Date }): Promise<{ id: string; drillId: string }> {
  const drill = await db.drill.findUnique({ where: { slug: drillSlug }, select: { id: true, scenario: true } });
  if (!drill) throw new AppError("NOT_FOUND", `Unknown drill "${drillSlug}"`, { issues: [{ field: "drillSlug", message: "no drill has this slug" }] });
  if (!modesForDrill(drillSlug).includes(mode)) {
    throw new AppError("INVALID_INPUT", `This drill does not take a ${mode} answer`, { issues: [{ field: "mode", message: `expected one of: ${modesForDrill(drillSlug).join(", ")}` }] });
  }
  if (runId) {
    // Only the learner's own finished run of this drill's scenario can be attached.
    const run = await db.simulationRun.findFirst({ where: { id: runId, userId }, select: { status: true, scenario: true } });
    if (!run) throw new AppError("NOT_FOUND", "Run not found", { issues: [{ field: "runId", message: "no run of yours has this id" }] });
    if (run.status !== "succeeded" || run.scenario !== drill.scenario) {
      throw new AppError("INVALID_INPUT", "runId must be a finished run of this drill's scenario", { issues: [{ field: "runId", message: `expected a succeeded ${drill.scenario ?? "(none)"} run` }] });
    }
  }
  return db.attempt.create({
    data: { userId, drillId: drill.id, answer, mode, durationMs, runId: runId ?? null, startedAt: new Date(now.getTime() - durationMs), submittedAt: now },
    select: { id: true, drillId: true },
  });
}

export async function listAttempts({ userId, take = 100 }: { userId: string; take?: number }): Promise<AttemptSummaryDto[]> {
  const rows = await db.attempt.findMany({ where: { userId }, orderBy: { submittedAt: "desc" }, take, select: summarySelect });
  return rows.map(toSummary);
}

export async function getAttempt({ id, userId }: { id: string; userId: string }): Promise<AttemptDetailDto | null> {
  const row = await db.attempt.findFirst({
    where: { id, userId },
    select: { ...summarySelect, answer: true, mode: true, runId: true, grade: { select: { score: true, level: true, rubricVersion: true, result: true, rubricId: true } } },
  });
  if (!row) return null;
  const { answer, mode, grade, runId, ...rest } = row;
  const parsed = grade && mode === "text" ? storedGradeSchema.safeParse(grade.result) : null;
  return {
    ...toSummary({ ...rest, grade: grade && { score: grade.score, level: grade.level, rubricVersion: grade.rubricVersion } }),
    answer,
    mode,
    result: parsed?.success ? parsed.data : null,
    // Diagram and estimate grades keep their own shapes ({ kind, … }); their pages check the kind.
    modeResult: mode !== "text" ? (grade?.result ?? null) : null,
    rubricId: grade?.rubricId ?? null,
    runId,
  };
}

export type DrillProgressDto = { attemptCount: number; lastAttemptAt: Date | null; last: GradeSummaryDto | null; best: GradeSummaryDto | null; nextReviewAt: Date | null };

/** Per-drill attempt count, last attempt time, last and best grade for one learner, keyed by drill slug. */
export async function getDrillProgress({ userId }: { userId: string }): Promise<Map<string, DrillProgressDto>> {
  // One round trip (the catalog page runs it on every load): the latest and the best grade per drill
  // by window ranks (best: highest score, the most recent on ties), with the review card's due date.
  // A named prepared statement: planning it took ~6× as long as running it.
  const rows = await preparedQuery<{ slug: string; attemptCount: number; lastAttemptAt: Date; lastScore: number | null; lastLevel: GradeSummaryDto["level"] | null; lastRubricVersion: number | null; bestScore: number | null; bestLevel: GradeSummaryDto["level"] | null; bestRubricVersion: number | null; nextReviewAt: Date | null }>(
    "drill-progress",
    `WITH ranked AS (
      SELECT a."drillId", a."submittedAt", g.score, g.level::text AS level, g."rubricVersion",
        row_number() OVER (PARTITION BY a."drillId" ORDER BY a."submittedAt" DESC, a.id DESC) AS recent,
        row_number() OVER (PARTITION BY a."drillId" ORDER BY g.score DESC NULLS LAST, a."submittedAt" DESC, a.id DESC) AS best,
        count(*) OVER (PARTITION BY a."drillId") AS n
      FROM "Attempt" a LEFT JOIN "Grade" g ON g."attemptId" = a.id
      WHERE a."userId" = $1
    )
    SELECT d.slug, r.n::int AS "attemptCount", r."submittedAt" AT TIME ZONE 'UTC' AS "lastAttemptAt",
      r.score AS "lastScore", r.level AS "lastLevel", r."rubricVersion" AS "lastRubricVersion",
      b.score AS "bestScore", b.level AS "bestLevel", b."rubricVersion" AS "bestRubricVersion",
      rc.due AT TIME ZONE 'UTC' AS "nextReviewAt"
    FROM ranked r
    JOIN "Drill" d ON d.id = r."drillId"
    LEFT JOIN ranked b ON b."drillId" = r."drillId" AND b.best = 1 AND b.score IS NOT NULL
    LEFT JOIN "ReviewCard" rc ON rc."userId" = $1 AND rc."drillId" = r."drillId"
    WHERE r.recent = 1`,
    [userId],
  );
  const grade = (score: number | null, level: GradeSummaryDto["level"] | null, rubricVersion: number | null): GradeSummaryDto | null =>
    score === null || level === null || rubricVersion === null ? null : { score, level, rubricVersion };
  return new Map(
    rows.map((r) => [
      r.slug,
      {
        attemptCount: r.attemptCount,
        lastAttemptAt: r.lastAttemptAt,
        last: grade(r.lastScore, r.lastLevel, r.lastRubricVersion),
        best: grade(r.bestScore, r.bestLevel, r.bestRubricVersion),
        nextReviewAt: r.nextReviewAt,
      },
    ]),
  );
}

export async function countAttempts(): Promise<number> {
  return db.attempt.count();
}
