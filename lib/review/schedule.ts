/**
 * FSRS scheduling over serialized cards — pure: the caller passes `now` (no clock inside).
 *
 * Uses ts-fsrs with its default parameters (FSRS-6 weights, request_retention 0.9, fuzz off, short-term
 * learning steps 1m/10m on). Consequence worth knowing: a NEW card rated Again is due in 1 minute
 * and Good in 10 minutes (learning steps); intervals in days start once the card graduates (Easy on
 * a new card, or Good on its second review). Pass `parameters` to change that, e.g.
 * `{ enable_short_term: false }` for day-level intervals from the first attempt.
 * @see https://github.com/open-spaced-repetition/ts-fsrs
 */
import { createEmptyCard, fsrs, generatorParameters, type FSRSParameters, type Grade } from "ts-fsrs";
import { deserializeCard, serializeCard, type SerializedCard } from "./card";

export type ScheduleReviewOptions = {
  /** The stored card, or null for the learner's first graded attempt on this drill. */
  card: SerializedCard | null;
  rating: Grade;
  /** Time of the attempt. */
  now: Date;
  /** Overrides for ts-fsrs's defaults; omitted = defaults. */
  parameters?: Partial<FSRSParameters>;
};

/** Returns the card after this review; store it as-is. */
export function scheduleReview({ card, rating, now, parameters }: ScheduleReviewOptions): SerializedCard {
  assertValidDate(now);
  const scheduler = fsrs(generatorParameters(parameters));
  const current = card ? deserializeCard(card) : createEmptyCard(now);
  return serializeCard(scheduler.next(current, now, rating).card);
}

/** A new, never-reviewed card: due immediately. */
export function createReviewCard(now: Date): SerializedCard {
  assertValidDate(now);
  return serializeCard(createEmptyCard(now));
}

/**
 * True when the card is due at `now` (due ≤ now). For a "Due today" list pass the end of the
 * learner's day as `now`.
 */
export function isDue(card: SerializedCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

function assertValidDate(now: Date): void {
  if (Number.isNaN(now.getTime())) throw new RangeError(`Expected now to be a valid Date, got ${String(now)}`);
}
