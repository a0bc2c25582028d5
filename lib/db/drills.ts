/** Drill catalog reads. Content rows are written only by the seed (lib/db/seed.ts). */
import type { Prisma } from "@/generated/prisma/client";
import type { DrillKind } from "@/lib/drills/schema";
import { z } from "zod";
import { createTtlCache } from "@/lib/ttl-cache";
import { db } from "./client";

const levelGuidanceSchema = z.object({ E5: z.string(), E6: z.string() });

export type DrillSummaryDto = { id: string; slug: string; title: string; kind: DrillKind; summary: string; suggestedMinutes: number };
export type DrillDetailDto = DrillSummaryDto & { prompt: string; context: string; levelGuidance: { E5: string; E6: string }; scenario: string | null };

const summarySelect = { id: true, slug: true, title: true, kind: true, summary: true, suggestedMinutes: true } satisfies Prisma.DrillSelect;

/** The catalog changes only when the seed runs (start-up, `npm run db:seed`), which clears this cache in its process. */
const catalog = createTtlCache<"all", DrillSummaryDto[]>({ ttlMs: 60_000, maxEntries: 1 });
export const clearDrillCatalogCache = () => catalog.clear();

export async function listDrills(): Promise<DrillSummaryDto[]> {
  return catalog.get("all", () => db.drill.findMany({ orderBy: [{ order: "asc" }, { slug: "asc" }], select: summarySelect }));
}

export async function getDrillBySlug({ slug }: { slug: string }): Promise<DrillDetailDto | null> {
  const row = await db.drill.findUnique({
    where: { slug },
    select: { ...summarySelect, prompt: true, context: true, levelGuidance: true, scenario: true },
  });
  return row && { ...row, levelGuidance: levelGuidanceSchema.parse(row.levelGuidance) };
}
