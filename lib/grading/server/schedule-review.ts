/**
 * After a graded attempt: rate it (lib/review/rating.ts explains the mapping) and move the learner's
 * FSRS card for that drill. Regrades do not reschedule: a review happens when the learner answers.
 */
import { getPreviousBestScore, getReviewCard, saveReviewCard } from "@/lib/db/reviews";
import type { GradeResult } from "@/lib/grading";
import { RATING_LABELS, ratingForGrade, scheduleReview } from "@/lib/review";

export async function scheduleReviewForAttempt({ userId, drillId, attemptId, result, now = new Date() }: { userId: string; drillId: string; attemptId: string; result: Pick<GradeResult, "score" | "level">; now?: Date }): Promise<{ due: Date; rating: string }> {
  const previousBest = await getPreviousBestScore({ userId, drillId, excludeAttemptId: attemptId });
  const rating = ratingForGrade({ score: result.score, level: result.level, previousBest });
  const card = scheduleReview({ card: await getReviewCard({ userId, drillId }), rating, now });
  await saveReviewCard({ userId, drillId, card, lastRating: RATING_LABELS[rating], attemptId });
  return { due: new Date(card.due), rating: RATING_LABELS[rating] };
}
