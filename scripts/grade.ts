/**
 * Grade answers from the command line (stable contract, used by benchmarks and content authors):
 *
 *   npm run -s grade -- --drill <slug> --answer-file <path>   → one JSON GradeResult on stdout
 *   npm run -s grade -- --batch <file.jsonl>                  → one {"id","level","score"} line per input line
 *
 * Batch input lines are {"id","drill","text"}. Unknown slugs, empty or oversized answers and
 * malformed lines are reported on stderr (the batch line gets an "error" field) and exit code 1.
 */
import { readFileSync } from "node:fs";
import { loadRubricContent } from "@/lib/drills/load-content";
import { MAX_ANSWER_CHARS } from "@/lib/drills/schema";
import { gradeAnswer, type GradeResult, type Rubric } from "@/lib/grading";

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export function rubricsBySlug(): Map<string, Rubric> {
  return new Map(loadRubricContent().map((r) => [r.drill, r]));
}

/** Validates the inputs the way the app does, then grades. */
export function gradeChecked(rubrics: Map<string, Rubric>, drill: string, text: string): GradeResult {
  const rubric = rubrics.get(drill);
  if (!rubric) throw new CliError(`Unknown drill slug "${drill}". Known: ${[...rubrics.keys()].join(", ")}`);
  if (text.trim().length === 0) throw new CliError("Answer text is empty.");
  if (text.length > MAX_ANSWER_CHARS) throw new CliError(`Answer is ${text.length} characters; the limit is ${MAX_ANSWER_CHARS}.`);
  return gradeAnswer({ text, rubric });
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new CliError(`${name} needs a value.`);
  return value;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function runBatch(path: string, rubrics: Map<string, Rubric>): number {
  let failures = 0;
  const out: string[] = [];
  readText(path)
    .split("\n")
    .forEach((line, index) => {
      if (line.trim() === "") return;
      let id: unknown = null;
      try {
        const row = JSON.parse(line) as { id?: unknown; drill?: unknown; text?: unknown };
        id = row.id ?? null;
        if (typeof row.drill !== "string" || typeof row.text !== "string")
          throw new CliError(`line ${index + 1}: expected {"id","drill","text"} with string drill and text`);
        const result = gradeChecked(rubrics, row.drill, row.text);
        out.push(JSON.stringify({ id, level: result.level, score: result.score }));
      } catch (error) {
        failures++;
        const message = error instanceof SyntaxError ? `line ${index + 1}: malformed JSON` : (error as Error).message;
        process.stderr.write(`grade: ${id === null ? `line ${index + 1}` : `id ${JSON.stringify(id)}`}: ${message}\n`);
        out.push(JSON.stringify({ id, level: null, score: null, error: message }));
      }
    });
  process.stdout.write(out.length > 0 ? `${out.join("\n")}\n` : "");
  return failures === 0 ? 0 : 1;
}

export function main(args: string[]): number {
  const rubrics = rubricsBySlug();
  const batch = argValue(args, "--batch");
  if (batch) return runBatch(batch, rubrics);
  const drill = argValue(args, "--drill");
  const answerFile = argValue(args, "--answer-file");
  if (!drill || !answerFile)
    throw new CliError("Usage: npm run -s grade -- --drill <slug> --answer-file <path> | --batch <file.jsonl>");
  const result = gradeChecked(rubrics, drill, readText(answerFile));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

const invokedDirectly = process.argv[1]?.endsWith("grade.ts") ?? false;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`grade: ${error instanceof CliError ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? 2 : 1;
  }
}
