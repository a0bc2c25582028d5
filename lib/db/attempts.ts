/**
 * Attempts: a learner's stored answers. Every read and write is scoped to its owner; another
 * learner's attempt is indistinguishable from a missing one (null → 404).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DrillKind } from "@/lib/drills/schema";
import { AppError } from "@/lib/errors";
import { db } from "./client";

export type AttemptSummaryDto = {
  id: string;
  drill: { slug: string; title: string; kind: DrillKind };
  submittedAt: Date;
  durationMs: number;
};
export type AttemptDetailDto = AttemptSummaryDto & { answer: string; mode: string };

const summarySelect = {
  id: true,
  submittedAt: true,
  durationMs: true,
  drill: { select: { slug: true, title: true, kind: true } },
} satisfies Prisma.AttemptSelect;

/** Stores the answer before anything else happens to it; returns its id. */
export async function createAttempt({ userId, drillSlug, answer, durationMs, now = new Date() }: { userId: string; drillSlug: string; answer: string; durationMs: number; now?: Date }): Promise<{ id: string }> {
  const drill = await db.drill.findUnique({ where: { slug: drillSlug }, select: { id: true } });
  if (!drill) throw new AppError("NOT_FOUND", `Unknown drill "${drillSlug}"`, { issues: [{ field: "drillSlug", message: "no drill has this slug" }] });
  return db.attempt.create({
    data: { userId, drillId: drill.id, answer, durationMs, startedAt: new Date(now.getTime() - durationMs), submittedAt: now },
    select: { id: true },
  });
}

export async function listAttempts({ userId, take = 100 }: { userId: string; take?: number }): Promise<AttemptSummaryDto[]> {
  return db.attempt.findMany({ where: { userId }, orderBy: { submittedAt: "desc" }, take, select: summarySelect });
}

export async function getAttempt({ id, userId }: { id: string; userId: string }): Promise<AttemptDetailDto | null> {
  return db.attempt.findFirst({ where: { id, userId }, select: { ...summarySelect, answer: true, mode: true } });
}

export type DrillProgressDto = { attemptCount: number; lastAttemptAt: Date | null };

/** Per-drill attempt counts and last attempt time for one learner, keyed by drill slug. */
export async function getDrillProgress({ userId }: { userId: string }): Promise<Map<string, DrillProgressDto>> {
  const rows = await db.attempt.groupBy({ by: ["drillId"], where: { userId }, _count: { _all: true }, _max: { submittedAt: true } });
  const drills = await db.drill.findMany({ where: { id: { in: rows.map((r) => r.drillId) } }, select: { id: true, slug: true } });
  const slugById = new Map(drills.map((d) => [d.id, d.slug]));
  return new Map(rows.map((r) => [slugById.get(r.drillId) ?? r.drillId, { attemptCount: r._count._all, lastAttemptAt: r._max.submittedAt }]));
}
