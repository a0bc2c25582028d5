/**
 * Submitting an answer: store it first (it survives anything that fails later), then grade it.
 */
import { createAttempt } from "@/lib/db/attempts";
import { gradeAttempt } from "./grade-attempt";

export async function submitAnswer(input: { userId: string; drillSlug: string; answer: string; durationMs: number }): Promise<{ attemptId: string; graded: boolean }> {
  const { id } = await createAttempt(input);
  const outcome = await gradeAttempt({ attemptId: id });
  return { attemptId: id, graded: outcome.ok };
}
