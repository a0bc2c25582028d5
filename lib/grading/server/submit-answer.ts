/**
 * Submitting an answer: store it first (it survives anything that fails later), grade it, then
 * reschedule the learner's review card for the drill.
 */
import type { AnswerMode } from "@/lib/attempts/modes";
import { createAttempt } from "@/lib/db/attempts";
import { log } from "@/lib/log";
import { gradeAttempt } from "./grade-attempt";
import { scheduleReviewForAttempt } from "./schedule-review";

export async function submitAnswer(input: { userId: string; drillSlug: string; answer: string; durationMs: number; runId?: string; mode?: AnswerMode }): Promise<{ attemptId: string; graded: boolean }> {
  const { id, drillId } = await createAttempt(input);
  const outcome = await gradeAttempt({ attemptId: id });
  if (outcome.ok) {
    await scheduleReviewForAttempt({ userId: input.userId, drillId, attemptId: id, result: outcome.result }).catch((error: unknown) => {
      log.error({ attemptId: id, error }, "review scheduling failed");
    });
  }
  return { attemptId: id, graded: outcome.ok };
}
