/** Review cards (FSRS state per learner × drill). The card JSON is parsed when read. */
import type { Prisma } from "@/generated/prisma/client";
import { parseSerializedCard, type SerializedCard } from "@/lib/review";
import { db } from "./client";

export type ReviewCardDto = { drillSlug: string; drillTitle: string; due: Date; lastRating: string; reps: number };

export async function getReviewCard({ userId, drillId }: { userId: string; drillId: string }): Promise<SerializedCard | null> {
  const row = await db.reviewCard.findUnique({ where: { userId_drillId: { userId, drillId } }, select: { card: true } });
  return row ? parseSerializedCard(row.card) : null;
}

export async function saveReviewCard({ userId, drillId, card, lastRating, attemptId }: { userId: string; drillId: string; card: SerializedCard; lastRating: string; attemptId: string }): Promise<void> {
  const data = { card: card as unknown as Prisma.InputJsonValue, due: new Date(card.due), lastRating, lastAttemptId: attemptId };
  await db.reviewCard.upsert({ where: { userId_drillId: { userId, drillId } }, create: { userId, drillId, ...data }, update: data });
}

/** The learner's cards, soonest due first. */
export async function listReviewCards({ userId }: { userId: string }): Promise<ReviewCardDto[]> {
  const rows = await db.reviewCard.findMany({
    where: { userId },
    orderBy: { due: "asc" },
    select: { due: true, lastRating: true, card: true, drill: { select: { slug: true, title: true } } },
  });
  return rows.map((r) => ({ drillSlug: r.drill.slug, drillTitle: r.drill.title, due: r.due, lastRating: r.lastRating, reps: parseSerializedCard(r.card).reps }));
}

/** Best earlier score on a drill, excluding one attempt (the one being rated). */
export async function getPreviousBestScore({ userId, drillId, excludeAttemptId }: { userId: string; drillId: string; excludeAttemptId: string }): Promise<number | null> {
  const row = await db.grade.aggregate({ where: { attempt: { userId, drillId, id: { not: excludeAttemptId } } }, _max: { score: true } });
  return row._max.score;
}

export async function getNextReview({ userId, drillSlug }: { userId: string; drillSlug: string }): Promise<Date | null> {
  const row = await db.reviewCard.findFirst({ where: { userId, drill: { slug: drillSlug } }, select: { due: true } });
  return row?.due ?? null;
}
