/**
 * Loads the mock interview content: `prisma/content/mock/interview.json` (question and phases) and one
 * rubric per phase, `prisma/content/mock/<phase-id>.json`, in the drill rubric format. Validated on
 * first read and cached for the life of the process.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseRubric, type Rubric } from "@/lib/grading";
import { mockContentSchema, type MockContent } from "./schema";

export const MOCK_CONTENT_DIR = path.join(process.cwd(), "prisma", "content", "mock");

export type LoadedMockContent = { content: MockContent; rubrics: Map<string, Rubric> };

let cached: LoadedMockContent | undefined;

function readJsonFile(file: string, dir: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  } catch (error) {
    throw new Error(`Mock content file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Throws an Error naming the file and field when the content or a phase rubric is invalid. */
export function loadMockContent(dir: string = MOCK_CONTENT_DIR): LoadedMockContent {
  if (cached && dir === MOCK_CONTENT_DIR) return cached;
  const parsed = mockContentSchema.safeParse(readJsonFile("interview.json", dir));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Mock content file interview.json: field "${issue?.path.join(".") || "(root)"}": ${issue?.message ?? "invalid"}`);
  }
  const rubrics = new Map<string, Rubric>();
  for (const phase of parsed.data.phases) {
    const file = `${phase.id}.json`;
    const rubric = parseRubric(readJsonFile(file, dir), `Mock rubric file ${file}`);
    if (rubric.drill !== phase.id) throw new Error(`Mock rubric file ${file}: field "drill": expected "${phase.id}", got "${rubric.drill}"`);
    rubrics.set(phase.id, rubric);
  }
  const loaded = { content: parsed.data, rubrics };
  if (dir === MOCK_CONTENT_DIR) cached = loaded;
  return loaded;
}
