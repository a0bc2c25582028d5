import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseRubric, type Rubric } from "@/lib/grading/rubric";
import { drillContentSchema, type DrillContent } from "./schema";

/** Where drill content is authored, relative to the repository root. */
export const DRILL_CONTENT_DIR = path.join(process.cwd(), "prisma", "content", "drills");

/** The drill slugs the product promises to ship (URLs, fixtures and simulations refer to them). */
export const REQUIRED_DRILL_SLUGS = [
  "whiteboard-system",
  "failure-scenarios",
  "scale-discussion",
  "ml-code-is-small",
  "framework-steps",
  "tradeoffs",
  "component-purpose",
  "diagnose-stale-features",
  "diagnose-null-spike",
  "diagnose-concept-drift",
  "diagnose-training-serving-skew",
] as const;

/**
 * Reads every `<slug>.json` in `dir`, validates it with `drillContentSchema` and returns the drills
 * sorted by `order` (then slug). Throws an Error naming the file and the offending field when a file
 * is not valid JSON, fails the schema, or its `slug` differs from its file name.
 */
export function loadDrillContent(dir: string = DRILL_CONTENT_DIR): DrillContent[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const drills = files.map((file) => parseDrillFile(path.join(dir, file)));
  return drills.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

function parseDrillFile(filePath: string): DrillContent {
  const file = path.basename(filePath);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, "utf8"));
  } catch (error) {
    throw new Error(`Drill file ${file}: invalid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = drillContentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
    throw new Error(`Drill file ${file}: field "${field}": ${issue?.message ?? "invalid"}`);
  }
  const expectedSlug = file.replace(/\.json$/, "");
  if (parsed.data.slug !== expectedSlug) {
    throw new Error(`Drill file ${file}: field "slug": expected "${expectedSlug}" to match the file name, got "${parsed.data.slug}"`);
  }
  return parsed.data;
}

/** Where rubrics are authored, one `<drill-slug>.json` per drill. */
export const RUBRIC_CONTENT_DIR = path.join(process.cwd(), "prisma", "content", "rubrics");

/**
 * Reads and validates every rubric in `dir` (see lib/grading/rubric.ts for the format). Throws an
 * Error naming the file and field when a rubric is invalid or its `drill` differs from its file name.
 */
export function loadRubricContent(dir: string = RUBRIC_CONTENT_DIR): Rubric[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      } catch (error) {
        throw new Error(`Rubric file ${file}: invalid JSON (${(error as Error).message})`, { cause: error });
      }
      const rubric = parseRubric(raw, `Rubric file ${file}`);
      const expected = file.replace(/\.json$/, "");
      if (rubric.drill !== expected)
        throw new Error(`Rubric file ${file}: field "drill": expected "${expected}" to match the file name, got "${rubric.drill}"`);
      return rubric;
    });
}
