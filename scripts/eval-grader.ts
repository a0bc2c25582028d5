/**
 * Measures the grader against the labelled answers in tests/fixtures/grading/:
 * level accuracy, Spearman correlation of scores, confusion matrix and keyword-stuffed ceiling.
 *
 * The tuning set is tune + holdout + holdout2 … holdout7 + tune8 (a blind tuning set for the four drills without
 * earlier labels) + holdout8 + holdout9 + holdout10 + tune11 + tune12: every holdout was consumed by the round that measured
 * it; tune11 is a blind tuning set (120 answers on the E5/E6 and below/E5 boundaries, with stuffing written as short
 * sentences) and tune12 another (120 answers: below-E5 answers that look good, E5 answers that name E6 topics),
 * each measured once before anything was tuned on it (see the fixtures README).
 * holdout8 was folded in after its single blind measurement (level accuracy 0.833, Spearman 0.790), holdout9 after
 * its own (level accuracy 0.875, Spearman 0.906, 2 of 15 keyword-stuffed answers above 45, max 70), holdout10 after
 * its own (level accuracy 0.817, Spearman 0.882, 2 of 15 keyword-stuffed answers above 45, max 57). Each file is reported separately,
 * then pooled, with the weakest drills of the pool and the leave-one-file-out CV figures of the calibrated grader
 * (lib/grading/calibration.ts: the stored features and λ refitted with each file left out, plus the nested CV stored
 * by `npm run fit:grader`). A held-aside part is reported separately and only in aggregate: never open or tune
 * on it. holdout11 (120 blind answers) was measured once after the grader13 round: level accuracy 0.917,
 * Spearman 0.938, 0 of 15 keyword-stuffed answers above 45 (max 40). A missing held-aside file is reported as
 * "not found".
 *
 *   npm run eval:grader                          every part, pooled tuning figures, held-aside figures
 *   npm run eval:grader -- --errors              also list per-item misses of the TUNING files
 *   npm run eval:grader -- --tune-only --errors  while tuning: do not even compute held-aside figures
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gradeAnswer, SCORE_BANDS, type GradeLevel } from "@/lib/grading";
import { crossValidate, spearman, type FitRow } from "@/lib/grading/calibration";
import { analyzeAnswer, DEFAULT_CALIBRATION } from "@/lib/grading/grade-answer";
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

/** `tuning` parts may be inspected item by item; `held-aside` ones only in aggregate. */
type Role = "tuning" | "held-aside";

/** The labelled parts, in report order. */
export const PARTS = [
  { name: "tune", file: "labelled.tune.jsonl", role: "tuning" },
  { name: "holdout", file: "labelled.holdout.jsonl", role: "tuning" },
  { name: "holdout2", file: "labelled.holdout2.jsonl", role: "tuning" },
  { name: "holdout3", file: "labelled.holdout3.jsonl", role: "tuning" },
  { name: "holdout4", file: "labelled.holdout4.jsonl", role: "tuning" },
  { name: "holdout5", file: "labelled.holdout5.jsonl", role: "tuning" },
  { name: "holdout6", file: "labelled.holdout6.jsonl", role: "tuning" },
  { name: "holdout7", file: "labelled.holdout7.jsonl", role: "tuning" },
  { name: "tune8", file: "labelled.tune8.jsonl", role: "tuning" },
  { name: "holdout8", file: "labelled.holdout8.jsonl", role: "tuning" as Role },
  { name: "holdout9", file: "labelled.holdout9.jsonl", role: "tuning" as Role },
  { name: "holdout10", file: "labelled.holdout10.jsonl", role: "tuning" as Role },
  { name: "tune11", file: "labelled.tune11.jsonl", role: "tuning" as Role },
  { name: "tune12", file: "labelled.tune12.jsonl", role: "tuning" as Role },
  { name: "holdout11", file: "labelled.holdout11.jsonl", role: "held-aside" as Role },
] as const;
export type PartName = (typeof PARTS)[number]["name"];

/**
 * Is a labelled answer keyword stuffing? Its writer's style tag says so: `keyword-stuffed` in every set, and
 * tune11's `keyword-stuffed-sentences`, `keyword-table`, `keyword-glossary` and `arrow-chain-stuffing`.
 */
export function isStuffed(style: string | undefined): boolean {
  return style !== undefined && (style.startsWith("keyword-") || style.endsWith("-stuffing"));
}

/** The labelled items of one part, or null when its file is absent. */
export function readPart(name: PartName): Labelled[] | null {
  const part = PARTS.find((p) => p.name === name)!;
  const full = path.join(FIXTURES, part.file);
  return existsSync(full) ? readLabelled(full) : null;
}

/** The pooled tuning set: every tuning part that is present. */
export function readTuningSet(): Labelled[] {
  return PARTS.filter((p) => p.role === "tuning").flatMap((p) => readPart(p.name) ?? []);
}

/** Aggregate figures for one part, or null when its file is absent. */
export function evaluatePart(name: PartName): EvalFigures | null {
  const items = readPart(name);
  return items ? evaluate(items).figures : null;
}

function readLabelled(file: string): Labelled[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Labelled);
}

// Spearman rank correlation lives with the calibration fit, which uses it too.
export { spearman };

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
  const stuffed = scored.filter((s) => isStuffed(s.style));
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

/** Per-drill figures, weakest first (level accuracy, then mean absolute score error). */
function weakestDrills(scored: Scored[]): string[] {
  const drills = [...new Set(scored.map((s) => s.drill))];
  return drills
    .map((drill) => {
      const items = scored.filter((s) => s.drill === drill);
      const acc = items.filter((s) => s.level === s.predicted).length / items.length;
      const mae = items.reduce((sum, s) => sum + Math.abs(s.score - s.predictedScore), 0) / items.length;
      const rho = spearman(items.map((s) => s.score), items.map((s) => s.predictedScore));
      return { drill, n: items.length, acc, mae, rho };
    })
    .sort((a, b) => a.acc - b.acc || b.mae - a.mae)
    .map((d) => `  ${d.drill.padEnd(32)} n ${String(d.n).padStart(3)}  acc ${d.acc.toFixed(2)}  Spearman ${d.rho.toFixed(2)}  mean |error| ${d.mae.toFixed(1)}`);
}

function printErrors(scored: Scored[]): void {
  for (const s of scored)
    if (s.level !== s.predicted || Math.abs(s.score - s.predictedScore) > 20)
      console.log(`  ${s.id.padEnd(36)} label ${s.level.padEnd(5)} ${String(s.score).padStart(3)}  grader ${s.predicted.padEnd(5)} ${String(s.predictedScore).padStart(3)}  ${s.style ?? ""}`);
}

/** Leave-one-file-out CV of the calibrated grader on the tuning files (the stored features and λ). */
function printCrossValidation(): void {
  const rubrics = rubricsBySlug();
  const rows: FitRow[] = PARTS.filter((p) => p.role === "tuning").flatMap((part) =>
    (readPart(part.name) ?? []).map((item) => {
      const a = analyzeAnswer({ text: item.text, rubric: rubrics.get(item.drill)! });
      return { group: part.name, features: a.features, e5Bar: a.e5Bar, cap: a.cap, score: item.score, stuffed: isStuffed(item.style) };
    }),
  );
  if (new Set(rows.map((r) => r.group)).size < 2) return;
  const cal = DEFAULT_CALIBRATION;
  const { pooled, perFold } = crossValidate(rows, cal.features, cal.lambda, cal.bands?.features);
  const bands = cal.bands ? `, band features ${cal.bands.features.join(", ")}` : "";
  console.log(`\ncalibrated grader, leave-one-file-out CV (features ${cal.features.join(", ")}${bands}, λ ${cal.lambda}; refitted per fold)`);
  console.log(`  pooled          acc ${pooled.accuracy.toFixed(3)}  Spearman ${pooled.spearman.toFixed(3)}  stuffed max ${pooled.stuffedMax ?? "-"}`);
  for (const f of perFold) console.log(`  ${f.part.padEnd(15)} acc ${f.accuracy.toFixed(3)}  Spearman ${f.spearman.toFixed(3)}  stuffed max ${f.stuffedMax ?? "-"}  (n ${f.n})`);
  // the nested CV takes minutes (the whole selection per fold), so `npm run fit:grader` stores it; say which pool it saw
  if (cal.cv) {
    const stale = cal.fittedOn.n === rows.length ? "" : ` — STALE: fitted on ${cal.fittedOn.n} answers, the pool now has ${rows.length}; refit with npm run fit:grader`;
    console.log(
      `  nested CV (selection redone per fold; stored by fit:grader on ${cal.fittedOn.n} answers in ${cal.fittedOn.parts.length} files): acc ${cal.cv.accuracy.toFixed(3)}  Spearman ${cal.cv.spearman.toFixed(3)}${stale}`,
    );
  }
}

function main(): void {
  const showErrors = process.argv.includes("--errors");
  const tuneOnly = process.argv.includes("--tune-only");
  const pooled: Scored[] = [];
  for (const part of PARTS.filter((p) => p.role === "tuning")) {
    const items = readPart(part.name);
    if (!items) {
      console.log(`\n${part.name}: ${part.file} not found`);
      continue;
    }
    const { figures, scored } = evaluate(items);
    pooled.push(...scored);
    printFigures(`${part.name} (tuning)`, figures);
    if (showErrors) printErrors(scored);
  }
  if (pooled.length > 0) {
    printFigures(`tuning set, pooled (${PARTS.filter((p) => p.role === "tuning").map((p) => p.name).join(" + ")})`, evaluate(pooled).figures);
    console.log("  drills, weakest first");
    for (const line of weakestDrills(pooled)) console.log(line);
  }
  printCrossValidation();
  if (tuneOnly) return;
  for (const part of PARTS.filter((p) => p.role === "held-aside")) {
    const items = readPart(part.name);
    if (!items) {
      console.log(`\n${part.name} (held-aside): ${part.file} not found`);
      continue;
    }
    // aggregate figures only: the held-aside part is never inspected item by item
    printFigures(`${part.name} (held-aside, never tuned on)`, evaluate(items).figures);
  }
}

if (process.argv[1]?.endsWith("eval-grader.ts")) main();
