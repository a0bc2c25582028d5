/**
 * Measures the grader against the labelled answers in tests/fixtures/grading/:
 * level accuracy, Spearman correlation of scores, confusion matrix and keyword-stuffed ceiling,
 * separately for the tuning part, the held-aside part and the second blind held-aside part (when present).
 *
 *   npm run eval:grader               aggregate figures for every part
 *   npm run eval:grader -- --errors   also list per-item misses, for the TUNE part only
 *   npm run eval:grader -- --tune-only --errors   while tuning: do not even compute holdout figures
 *
 * The holdout parts are only ever reported in aggregate: never tune on them.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gradeAnswer, SCORE_BANDS, type GradeLevel } from "@/lib/grading";
import { rubricsBySlug } from "./grade";

const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "grading");
const LEVELS: GradeLevel[] = ["below", "E5", "E6"];

export type Labelled = { id: string; drill: string; text: string; level: GradeLevel; score: number; style?: string };
type Scored = Labelled & { predicted: GradeLevel; predictedScore: number };

export type EvalFigures = {
  n: number;
  accuracy: number;
  spearman: number;
  confusion: Record<GradeLevel, Record<GradeLevel, number>>;
  stuffed: { n: number; aboveFloor: number; maxScore: number | null };
};

/** The labelled parts, in report order; only `tune` may be inspected item by item. */
export const PARTS = [
  { name: "tune", file: "labelled.tune.jsonl" },
  { name: "holdout", file: "labelled.holdout.jsonl" },
  { name: "holdout2", file: "labelled.holdout2.jsonl" },
] as const;
export type PartName = (typeof PARTS)[number]["name"];

/** Aggregate figures for one part, or null when its file is absent. */
export function evaluatePart(name: PartName): EvalFigures | null {
  const part = PARTS.find((p) => p.name === name)!;
  const full = path.join(FIXTURES, part.file);
  return existsSync(full) ? evaluate(readLabelled(full)).figures : null;
}

function readLabelled(file: string): Labelled[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Labelled);
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const r = new Array<number>(values.length).fill(0);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]!.v === order[k]!.v) j++;
    const avg = (k + j) / 2 + 1;
    for (let m = k; m <= j; m++) r[order[m]!.i] = avg;
    k = j + 1;
  }
  return r;
}

export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i]! - mean;
    const y = rb[i]! - mean;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

export function evaluate(items: Labelled[]): { figures: EvalFigures; scored: Scored[] } {
  const rubrics = rubricsBySlug();
  const scored: Scored[] = items.map((item) => {
    const rubric = rubrics.get(item.drill);
    if (!rubric) throw new Error(`No rubric for drill ${item.drill} (item ${item.id})`);
    const result = gradeAnswer({ text: item.text, rubric });
    return { ...item, predicted: result.level, predictedScore: result.score };
  });
  const confusion = Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(LEVELS.map((p) => [p, 0]))])) as EvalFigures["confusion"];
  for (const s of scored) confusion[s.level][s.predicted]++;
  const stuffed = scored.filter((s) => s.style === "keyword-stuffed");
  return {
    scored,
    figures: {
      n: scored.length,
      accuracy: scored.filter((s) => s.level === s.predicted).length / Math.max(1, scored.length),
      spearman: spearman(scored.map((s) => s.score), scored.map((s) => s.predictedScore)),
      confusion,
      stuffed: {
        n: stuffed.length,
        aboveFloor: stuffed.filter((s) => s.predictedScore > SCORE_BANDS.E5.min).length,
        maxScore: stuffed.length > 0 ? Math.max(...stuffed.map((s) => s.predictedScore)) : null,
      },
    },
  };
}

function printFigures(name: string, f: EvalFigures): void {
  console.log(`\n${name}: ${f.n} answers`);
  console.log(`  level accuracy  ${f.accuracy.toFixed(3)}`);
  console.log(`  Spearman        ${f.spearman.toFixed(3)}`);
  console.log(`  keyword-stuffed ${f.stuffed.n} answers, ${f.stuffed.aboveFloor} above the E5 floor (45), max score ${f.stuffed.maxScore ?? "-"}`);
  console.log("  confusion (rows = label, columns = grader)");
  console.log(`  ${"".padEnd(8)}${LEVELS.map((l) => l.padStart(7)).join("")}`);
  for (const l of LEVELS) console.log(`  ${l.padEnd(8)}${LEVELS.map((p) => String(f.confusion[l][p]).padStart(7)).join("")}`);
}

function main(): void {
  const showErrors = process.argv.includes("--errors");
  const tuneOnly = process.argv.includes("--tune-only");
  const parts = tuneOnly ? PARTS.filter((p) => p.name === "tune") : PARTS;
  for (const { name, file } of parts) {
    const full = path.join(FIXTURES, file);
    if (!existsSync(full)) {
      console.log(`\n${name}: ${file} not found`);
      continue;
    }
    const { figures, scored } = evaluate(readLabelled(full));
    printFigures(name, figures);
    if (showErrors && name === "tune")
      for (const s of scored)
        if (s.level !== s.predicted || Math.abs(s.score - s.predictedScore) > 20)
          console.log(`  ${s.id.padEnd(36)} label ${s.level.padEnd(5)} ${String(s.score).padStart(3)}  grader ${s.predicted.padEnd(5)} ${String(s.predictedScore).padStart(3)}  ${s.style ?? ""}`);
  }
}

if (process.argv[1]?.endsWith("eval-grader.ts")) main();
