/**
 * Rubric files (prisma/content/rubrics/<drill-slug>.json, each with a `version`) as seed rows.
 * Their structure is validated by the grading engine's schema when graded; here only the envelope.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { RubricSeed } from "./seed";

export const RUBRIC_CONTENT_DIR = path.join(process.cwd(), "prisma", "content", "rubrics");

export function loadRubricSeeds(dir: string = RUBRIC_CONTENT_DIR): RubricSeed[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const content = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { version?: unknown };
      if (typeof content.version !== "number" || !Number.isInteger(content.version) || content.version < 1) {
        throw new Error(`Rubric file ${file}: field "version": expected a positive integer, got ${JSON.stringify(content.version)}`);
      }
      return { drillSlug: file.replace(/\.json$/, ""), version: content.version, content };
    });
}
