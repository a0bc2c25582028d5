/**
 * Spaced repetition for drills — pure (the caller passes `now`): one FSRS card per learner × drill.
 *
 *   import { ratingForGrade, scheduleReview, isDue, parseSerializedCard } from "@/lib/review";
 *   const rating = ratingForGrade({ score: 62, level: "E5", previousBest: 80 }); // Rating.Hard
 *   const next = scheduleReview({ card: stored ?? null, rating, now });          // plain JSON
 *   isDue(next, endOfToday);                                                     // boolean
 *
 * `next.due` is the next review date to show on the drill; cards read from the database go through
 * `parseSerializedCard` first.
 */
export { ratingForGrade, RATING_LABELS, LOW_E5_MAX_SCORE, type RatingForGradeOptions } from "./rating";
export { scheduleReview, createReviewCard, isDue, type ScheduleReviewOptions } from "./schedule";
export { serializedCardSchema, parseSerializedCard, serializeCard, deserializeCard, type SerializedCard, type CardStateName } from "./card";
export { Rating, type Grade } from "ts-fsrs";
