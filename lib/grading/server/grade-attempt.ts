/**
 * The grader's shell: loads an attempt and its drill's newest rubric, runs the pure grader, stores the
 * grade. A failure is recorded on the attempt (which stays stored) and can be retried by regrading.
 */
import { getAttemptForGrading, getLatestRubric, markGradingFailed, saveGrade } from "@/lib/db/grades";
import { gradeAnswer, parseRubric, type GradeResult, type Rubric } from "@/lib/grading";
import { log } from "@/lib/log";

/** Parsed rubrics by row id + version: parsing is the costly part of a first grade. */
const rubricCache = new Map<string, Rubric>();

function parseCached(row: { id: string; version: number; content: unknown }): Rubric {
  const key = `${row.id}@${row.version}`;
  let rubric = rubricCache.get(key);
  if (!rubric) {
    rubric = parseRubric(row.content, key);
    rubricCache.set(key, rubric);
  }
  return rubric;
}

export type GradeAttemptOutcome = { ok: true; result: GradeResult } | { ok: false; error: string };

export async function gradeAttempt({ attemptId }: { attemptId: string }): Promise<GradeAttemptOutcome> {
  try {
    const attempt = await getAttemptForGrading({ attemptId });
    if (!attempt) return { ok: false, error: "attempt not found" };
    const row = await getLatestRubric({ drillId: attempt.drillId });
    if (!row) throw new Error("no rubric for this drill");
    const started = performance.now();
    const result = gradeAnswer({ text: attempt.answer, rubric: parseCached(row) });
    const durationMs = performance.now() - started;
    await saveGrade({ attemptId, rubricId: row.id, rubricVersion: row.version, score: result.score, level: result.level, result, durationMs });
    log.info({ attemptId, score: result.score, level: result.level, ms: Math.round(durationMs * 10) / 10 }, "attempt graded");
    return { ok: true, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ attemptId, error }, "grading failed");
    await markGradingFailed({ attemptId, message }).catch(() => undefined);
    return { ok: false, error: message };
  }
}
