/**
 * Grades and the rubric versions they were made against. The stored GradeResult JSON is parsed with
 * a schema when read (never trusted), keeping only what the pages render.
 */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "./client";

export type RubricRow = { id: string; drillId: string; version: number; content: unknown };

export async function getLatestRubric({ drillId }: { drillId: string }): Promise<RubricRow | null> {
  return db.rubric.findFirst({ where: { drillId }, orderBy: { version: "desc" }, select: { id: true, drillId: true, version: true, content: true } });
}

/** The newest rubric's id and version only: a rubric version never changes, so its content can be cached by id. */
export async function getLatestRubricVersion({ drillId }: { drillId: string }): Promise<Omit<RubricRow, "content"> | null> {
  return db.rubric.findFirst({ where: { drillId }, orderBy: { version: "desc" }, select: { id: true, drillId: true, version: true } });
}

export async function getRubricContent({ id }: { id: string }): Promise<unknown> {
  return (await db.rubric.findUniqueOrThrow({ where: { id }, select: { content: true } })).content;
}

export async function getAttemptForGrading({ attemptId }: { attemptId: string }): Promise<{ id: string; answer: string; mode: string; drillId: string; runResult: unknown } | null> {
  const row = await db.attempt.findUnique({ where: { id: attemptId }, select: { id: true, answer: true, mode: true, drillId: true, run: { select: { result: true } } } });
  return row && { id: row.id, answer: row.answer, mode: row.mode, drillId: row.drillId, runResult: row.run?.result ?? null };
}

export async function saveGrade({ attemptId, rubricId, rubricVersion, score, level, result, durationMs }: {
  attemptId: string; rubricId: string; rubricVersion: number; score: number; level: "below" | "E5" | "E6"; result: unknown; durationMs: number;
}): Promise<void> {
  const data = { rubricId, rubricVersion, score, level, result: result as Prisma.InputJsonValue, durationMs, gradedAt: new Date() };
  await db.$transaction([
    db.grade.upsert({ where: { attemptId }, create: { attemptId, ...data }, update: data }),
    db.attempt.update({ where: { id: attemptId }, data: { gradingError: null } }),
  ]);
}

export async function markGradingFailed({ attemptId, message }: { attemptId: string; message: string }): Promise<void> {
  await db.attempt.update({ where: { id: attemptId }, data: { gradingError: message.slice(0, 500) } });
}

/** Attempts with no grade, or a grade made against an older rubric version than the drill's newest. */
export async function listAttemptsToRegrade({ take = 500 }: { take?: number } = {}): Promise<{ id: string; gradedVersion: number | null }[]> {
  const rows = await db.$queryRaw<{ id: string; graded_version: number | null }[]>`
    SELECT a.id, g."rubricVersion" AS graded_version
    FROM "Attempt" a
    JOIN (SELECT "drillId", MAX(version) AS version FROM "Rubric" GROUP BY "drillId") r ON r."drillId" = a."drillId"
    LEFT JOIN "Grade" g ON g."attemptId" = a.id
    WHERE g.id IS NULL OR g."rubricVersion" < r.version
    ORDER BY a."submittedAt" ASC
    LIMIT ${take}`;
  return rows.map((r) => ({ id: r.id, gradedVersion: r.graded_version }));
}

const evidenceSchema = z.object({ quote: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) }).nullable();

/** The parts of a stored GradeResult that pages render. */
export const storedGradeSchema = z.object({
  drill: z.string(),
  rubricVersion: z.number().int(),
  score: z.number(),
  level: z.enum(["below", "E5", "E6"]),
  coverage: z.object({ E5: z.number(), E6: z.number() }),
  dimensions: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })),
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dimension: z.string(),
      level: z.enum(["E5", "E6"]),
      weight: z.number(),
      status: z.enum(["met", "partial", "missed"]),
      credit: z.number(),
      evidence: evidenceSchema,
      feedback: z.string().nullable(),
      note: z.string().nullable(),
      impact: z.number(),
      modelAnswer: z.string(),
    }),
  ),
  missed: z.array(z.string()),
  contradictions: z.array(z.object({ id: z.string(), feedback: z.string(), cap: z.number(), evidence: z.object({ quote: z.string(), start: z.number(), end: z.number() }) })),
  /** Present when the attempt diagnosed a simulation run: how the answer matched the run's facts. */
  runFacts: z
    .object({ score: z.number(), rubricScore: z.number(), checks: z.array(z.object({ id: z.string(), label: z.string(), isMet: z.boolean(), evidence: z.string().nullable() })) })
    .optional(),
});
export type StoredGrade = z.infer<typeof storedGradeSchema>;

/** The full model answer of the rubric an attempt was graded against (revealed after submitting). */
export async function getModelAnswer({ rubricId }: { rubricId: string }): Promise<string | null> {
  const row = await db.rubric.findUnique({ where: { id: rubricId }, select: { content: true } });
  const parsed = z.object({ modelAnswer: z.string() }).safeParse(row?.content);
  return parsed.success ? parsed.data.modelAnswer : null;
}
