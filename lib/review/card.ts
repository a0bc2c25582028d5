/**
 * A review card as plain JSON (camelCase, ISO dates) so it can live in a JSON column or in plain
 * columns, and the zod schema that parses it back when read. Converts to and from ts-fsrs's Card.
 */
import { State, type Card } from "ts-fsrs";
import { z } from "zod";

const STATE_NAMES = ["New", "Learning", "Review", "Relearning"] as const;
export type CardStateName = (typeof STATE_NAMES)[number];

export const serializedCardSchema = z.object({
  /** When the card is next due, ISO 8601. */
  due: z.iso.datetime({ offset: true }),
  /** FSRS stability S in days: time for recall probability to fall from 100% to 90%. */
  stability: z.number().min(0).finite(),
  /** FSRS difficulty D, 1..10 once reviewed (0 for a new card). */
  difficulty: z.number().min(0).max(10),
  /** Days between the last two reviews (deprecated in ts-fsrs 6; kept for a lossless round trip). */
  elapsedDays: z.number().min(0),
  /** Interval FSRS chose at the last review, days (0 while in short-term learning steps). */
  scheduledDays: z.number().min(0),
  /** Index into the (re)learning steps. */
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.enum(STATE_NAMES),
  /** ISO 8601, null before the first review. */
  lastReview: z.iso.datetime({ offset: true }).nullable(),
});

export type SerializedCard = z.infer<typeof serializedCardSchema>;

export function parseSerializedCard(input: unknown): SerializedCard {
  return serializedCardSchema.parse(input);
}

export function serializeCard(card: Card): SerializedCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state] ?? "New",
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function deserializeCard(card: SerializedCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: State[card.state],
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}
