/** Reads a learner's attempts with their grades' dimension scores, for the progress page. */
import { z } from "zod";
import type { ProgressAttempt } from "@/lib/progress/summarize";
import { db } from "./client";

const dimensionsSchema = z.object({ dimensions: z.array(z.object({ label: z.string(), score: z.number() })) });

export async function listProgressAttempts({ userId }: { userId: string }): Promise<ProgressAttempt[]> {
  const rows = await db.attempt.findMany({
    where: { userId },
    orderBy: { submittedAt: "asc" },
    take: 2000,
    select: { submittedAt: true, durationMs: true, drill: { select: { slug: true, title: true } }, grade: { select: { score: true, level: true, result: true } } },
  });
  return rows.map((row) => {
    const parsed = row.grade ? dimensionsSchema.safeParse(row.grade.result) : null;
    return {
      drillSlug: row.drill.slug,
      drillTitle: row.drill.title,
      submittedAt: row.submittedAt,
      durationMs: row.durationMs,
      grade: row.grade ? { score: row.grade.score, level: row.grade.level, dimensions: parsed?.success ? parsed.data.dimensions : [] } : null,
    };
  });
}
