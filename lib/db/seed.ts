/**
 * Idempotent content seed, run on every start: drills (and rubric versions) from the data files in
 * prisma/content are written only when their content hash changed. Learners' data is never touched.
 */
import { createHash } from "node:crypto";
import type { DrillContent } from "@/lib/drills/schema";
import { db } from "./client";
import { clearDrillCatalogCache } from "./drills";

export type RubricSeed = { drillSlug: string; version: number; content: unknown };
export type SeedReport = { drillsWritten: number; drillsUnchanged: number; rubricsWritten: number; rubricsUnchanged: number };

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

export async function seedContent({ drills, rubrics = [] }: { drills: DrillContent[]; rubrics?: RubricSeed[] }): Promise<SeedReport> {
  const report: SeedReport = { drillsWritten: 0, drillsUnchanged: 0, rubricsWritten: 0, rubricsUnchanged: 0 };
  const existing = new Map((await db.drill.findMany({ select: { id: true, slug: true, contentHash: true } })).map((d) => [d.slug, d]));
  const idBySlug = new Map<string, string>();

  for (const drill of drills) {
    const contentHash = hashOf(drill);
    const current = existing.get(drill.slug);
    if (current?.contentHash === contentHash) {
      report.drillsUnchanged += 1;
      idBySlug.set(drill.slug, current.id);
      continue;
    }
    const data = {
      kind: drill.kind,
      title: drill.title,
      summary: drill.summary,
      prompt: drill.prompt,
      context: drill.context,
      levelGuidance: drill.levelGuidance,
      suggestedMinutes: drill.suggestedMinutes,
      scenario: drill.scenario ?? null,
      order: drill.order,
      contentHash,
    };
    const row = await db.drill.upsert({ where: { slug: drill.slug }, create: { slug: drill.slug, ...data }, update: data, select: { id: true } });
    idBySlug.set(drill.slug, row.id);
    report.drillsWritten += 1;
  }

  for (const rubric of rubrics) {
    const drillId = idBySlug.get(rubric.drillSlug);
    if (!drillId) throw new Error(`Rubric for unknown drill "${rubric.drillSlug}"`);
    const contentHash = hashOf(rubric.content);
    const current = await db.rubric.findUnique({ where: { drillId_version: { drillId, version: rubric.version } }, select: { contentHash: true } });
    if (current?.contentHash === contentHash) {
      report.rubricsUnchanged += 1;
      continue;
    }
    // A version is immutable once graded against; authors bump `version` for real changes. Editing a
    // version in place (typo fixes while authoring) overwrites it.
    await db.rubric.upsert({
      where: { drillId_version: { drillId, version: rubric.version } },
      create: { drillId, version: rubric.version, content: rubric.content as object, contentHash },
      update: { content: rubric.content as object, contentHash },
    });
    report.rubricsWritten += 1;
  }
  clearDrillCatalogCache();
  return report;
}
