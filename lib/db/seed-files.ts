/** Seeds the database from the content files committed under prisma/content. */
import { loadDrillContent } from "@/lib/drills/load-content";
import { loadRubricSeeds } from "@/lib/db/rubric-files";
import { seedContent, type SeedReport } from "./seed";

export async function seedFromContentFiles(): Promise<SeedReport> {
  return seedContent({ drills: loadDrillContent(), rubrics: loadRubricSeeds() });
}
