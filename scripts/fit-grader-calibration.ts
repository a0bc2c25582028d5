/**
 * Fits the grader's score calibration (lib/grading/calibration.ts) on the labelled tuning set and writes
 * lib/grading/calibration.json. Authors refit after changing a rubric or the rule grader:
 *
 *   npm run -s fit:grader              select features and λ, report CV, write the file
 *   npm run -s fit:grader -- --dry-run report only
 *
 * Procedure: every tuning answer (tune + holdout + holdout2 … holdout7 + tune8 + holdout8 … holdout10 + tune11 + tune12, 1319 answers) is graded by the rule
 * grader, which yields its features. Greedy forward selection over FEATURE_NAMES (from "rule") with a λ
 * grid, scored by leave-one-file-out CV (each labelled file is one fold), picks the features and λ, then
 * (at that λ) the features of the within-band heads that order answers inside each level; the final
 * ridge, level heads and band heads are fitted on all answers. A nested CV (selection redone inside each outer fold) gives
 * the honest estimate stored as `cv`. A held-aside file (holdout11, absent until measured) is never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { analyzeAnswer } from "@/lib/grading/grade-answer";
import {
  crossValidate,
  figuresOf,
  fitCalibration,
  FEATURE_NAMES,
  parseCalibration,
  scoreRows,
  selectModel,
  type Calibration,
  type FeatureName,
  type FitRow,
} from "@/lib/grading/calibration";
import { isStuffed, PARTS, readPart } from "./eval-grader";
import { rubricsBySlug } from "./grade";

/** Bump with the feature definitions or the fitting procedure. */
const VERSION = 2;
const OUT = path.join(process.cwd(), "lib", "grading", "calibration.json");
const OPTIONS = {
  candidates: FEATURE_NAMES.filter((f) => f !== "rule"),
  start: ["rule"] as FeatureName[],
  lambdas: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3],
  maxFeatures: 8,
  minGain: 0.003,
};

export function tuningRows(): FitRow[] {
  const rubrics = rubricsBySlug();
  return PARTS.filter((p) => p.role === "tuning").flatMap((part) =>
    (readPart(part.name) ?? []).map((item) => {
      const rubric = rubrics.get(item.drill);
      if (!rubric) throw new Error(`No rubric for drill ${item.drill} (item ${item.id})`);
      const a = analyzeAnswer({ text: item.text, rubric });
      return { group: part.name, features: a.features, e5Bar: a.e5Bar, cap: a.cap, score: item.score, stuffed: isStuffed(item.style) };
    }),
  );
}

/** Nested leave-one-file-out CV: the selection runs inside each outer fold on the other files only. */
function nestedCv(rows: FitRow[]): NonNullable<Calibration["cv"]> {
  const groups = [...new Set(rows.map((r) => r.group))];
  const predicted = new Array<number>(rows.length).fill(0);
  const perFold: NonNullable<Calibration["cv"]>["perFold"] = [];
  for (const g of groups) {
    const train = rows.filter((r) => r.group !== g);
    const idx = rows.flatMap((r, i) => (r.group === g ? [i] : []));
    const chosen = selectModel(train, OPTIONS);
    const cal = fitCalibration(train, chosen.features, chosen.lambda, VERSION, chosen.bandFeatures);
    const test = idx.map((i) => rows[i]!);
    const scores = scoreRows(test, cal);
    idx.forEach((i, k) => (predicted[i] = scores[k]!));
    const f = figuresOf(test, scores);
    perFold.push({ part: g, n: f.n, accuracy: round3(f.accuracy), spearman: round3(f.spearman) });
    console.log(`  nested fold ${g.padEnd(9)} features ${chosen.features.join(",")} bands ${chosen.bandFeatures.join(",")} λ ${chosen.lambda}  acc ${f.accuracy.toFixed(3)}  Spearman ${f.spearman.toFixed(3)}`);
  }
  const f = figuresOf(rows, predicted);
  return { scheme: "nested leave-one-file-out", accuracy: round3(f.accuracy), spearman: round3(f.spearman), stuffedMax: f.stuffedMax, perFold };
}

function round8(n: number): number {
  return Number(n.toPrecision(8));
}

function roundBands(b: NonNullable<Calibration["bands"]>): NonNullable<Calibration["bands"]> {
  const head = (h: { weights: number[]; intercept: number }) => ({ weights: h.weights.map(round8), intercept: round8(h.intercept) });
  return { ...b, center: b.center.map(round8), scale: b.scale.map(round8), below: head(b.below), E5: head(b.E5), E6: head(b.E6) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function main(): void {
  const dryRun = process.argv.includes("--dry-run");
  const rows = tuningRows();
  console.log(`tuning answers ${rows.length} in ${new Set(rows.map((r) => r.group)).size} files`);
  const rule = figuresOf(rows, rows.map((r) => Math.min(r.cap, Math.round(r.features.rule * 100))));
  console.log(`rule grader alone: acc ${rule.accuracy.toFixed(3)}  Spearman ${rule.spearman.toFixed(3)}  stuffed max ${rule.stuffedMax}`);

  const chosen = selectModel(rows, OPTIONS);
  const selection = crossValidate(rows, chosen.features, chosen.lambda, chosen.bandFeatures);
  console.log(`selected features ${chosen.features.join(", ")}  band features ${chosen.bandFeatures.join(", ")}  λ ${chosen.lambda}`);
  console.log(`leave-one-file-out CV (selection, optimistic): acc ${selection.pooled.accuracy.toFixed(3)}  Spearman ${selection.pooled.spearman.toFixed(3)}  stuffed max ${selection.pooled.stuffedMax}`);
  for (const f of selection.perFold) console.log(`  ${f.part.padEnd(9)} n ${String(f.n).padStart(3)}  acc ${f.accuracy.toFixed(3)}  Spearman ${f.spearman.toFixed(3)}  stuffed max ${f.stuffedMax}`);

  console.log("nested leave-one-file-out CV (selection redone per fold: the honest estimate)");
  const cv = nestedCv(rows);
  console.log(`nested CV: acc ${cv.accuracy.toFixed(3)}  Spearman ${cv.spearman.toFixed(3)}  stuffed max ${cv.stuffedMax}`);

  const fitted = fitCalibration(rows, chosen.features, chosen.lambda, VERSION, chosen.bandFeatures);
  const calibration = parseCalibration({
    ...fitted,
    center: fitted.center.map((v) => Number(v.toPrecision(8))),
    scale: fitted.scale.map((v) => Number(v.toPrecision(8))),
    weights: fitted.weights.map((v) => Number(v.toPrecision(8))),
    intercept: Number(fitted.intercept.toPrecision(8)),
    ...(fitted.bands ? { bands: roundBands(fitted.bands) } : {}),
    cv,
    selectionCv: {
      scheme: "leave-one-file-out",
      accuracy: round3(selection.pooled.accuracy),
      spearman: round3(selection.pooled.spearman),
      stuffedMax: selection.pooled.stuffedMax,
      perFold: selection.perFold.map((f) => ({ part: f.part, n: f.n, accuracy: round3(f.accuracy), spearman: round3(f.spearman) })),
    },
  });
  const train = figuresOf(rows, scoreRows(rows, calibration));
  console.log(`in-sample (all tuning answers): acc ${train.accuracy.toFixed(3)}  Spearman ${train.spearman.toFixed(3)}  stuffed max ${train.stuffedMax}`);
  calibration.features.forEach((f, i) => console.log(`  ${f.padEnd(14)} weight ${calibration.weights[i]!.toFixed(2)} per SD`));
  const bands = calibration.bands;
  bands?.features.forEach((f, i) => console.log(`  band ${f.padEnd(14)} below ${bands.below.weights[i]!.toFixed(2)}  E5 ${bands.E5.weights[i]!.toFixed(2)}  E6 ${bands.E6.weights[i]!.toFixed(2)} per SD`));
  if (dryRun) return;
  writeFileSync(OUT, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

if (process.argv[1]?.endsWith("fit-grader-calibration.ts")) main();
