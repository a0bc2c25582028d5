import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  calibratedScore,
  calibrationSchema,
  crossValidate,
  finalScore,
  fitCalibration,
  fitLogistic,
  fitRidge,
  FEATURE_NAMES,
  type Features,
  type FitRow,
} from "@/lib/grading/calibration";
import { DEFAULT_CALIBRATION } from "@/lib/grading/grade-answer";
import { isStuffed, readTuningSet } from "@/scripts/eval-grader";
import { grade } from "./helpers";

const zero = (): Features => Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features;

/** A tiny synthetic set: score = 20 + 60·rule − 10·dismissive, in two "files". */
function synthetic(): FitRow[] {
  const rows: FitRow[] = [];
  for (let i = 0; i < 24; i++) {
    const features = { ...zero(), rule: (i % 12) / 11, dismissive: i % 5 === 0 ? 1 : 0 };
    const score = 20 + 60 * features.rule - 10 * features.dismissive;
    rows.push({ group: i < 12 ? "a" : "b", features, e5Bar: features.rule > 0.4, cap: 100, score, stuffed: false });
  }
  return rows;
}

describe("calibration fit", () => {
  it("ridge recovers a linear rule and is deterministic", () => {
    const rows = synthetic();
    const X = rows.map((r) => [r.features.rule, r.features.dismissive]);
    const y = rows.map((r) => r.score);
    const a = fitRidge(X, y, 0);
    const b = fitRidge(X, y, 0);
    expect(a).toEqual(b);
    // weights are per standard deviation: back to raw units
    expect(a.weights[0]! / a.scale[0]!).toBeCloseTo(60, 6);
    expect(a.weights[1]! / a.scale[1]!).toBeCloseTo(-10, 6);
    // regularisation shrinks
    const shrunk = fitRidge(X, y, 1);
    expect(Math.abs(shrunk.weights[0]!)).toBeLessThan(Math.abs(a.weights[0]!));
  });

  it("logistic heads separate a separable threshold", () => {
    const z = Array.from({ length: 20 }, (_, i) => [(i - 9.5) / 5]);
    const t = z.map((r) => (r[0]! > 0 ? 1 : 0));
    const head = fitLogistic(z, t, 0.01);
    expect(head.weights[0]!).toBeGreaterThan(0);
    expect(fitLogistic(z, t, 0.01)).toEqual(head);
  });

  it("fits a schema-valid calibration and cross-validates by group", () => {
    const rows = synthetic();
    const cal = fitCalibration(rows, ["rule", "dismissive"], 0.001);
    expect(calibrationSchema.safeParse(cal).success).toBe(true);
    expect(cal.fittedOn).toEqual({ parts: ["a", "b"], n: 24 });
    const cv = crossValidate(rows, ["rule", "dismissive"], 0.001);
    expect(cv.perFold.map((f) => f.part)).toEqual(["a", "b"]);
    expect(cv.pooled.spearman).toBeGreaterThan(0.95);
  });

  it("band heads order answers inside each level without moving the level", () => {
    // inside a level the score follows `length`, which the level heads never see
    const rows = synthetic().map((r, i) => {
      const length = (i % 7) / 6;
      const band = r.score >= 75 ? 75 : r.score >= 45 ? 45 : 0;
      return { ...r, features: { ...r.features, length }, score: Math.min(band + 10 * length, r.score >= 75 ? 100 : band + 29) };
    });
    const plain = fitCalibration(rows, ["rule", "dismissive"], 0.001);
    const banded = fitCalibration(rows, ["rule", "dismissive"], 0.001, 1, ["rule", "length"]);
    expect(calibrationSchema.safeParse(banded).success).toBe(true);
    expect(banded.bands?.features).toEqual(["rule", "length"]);
    const at = (length: number) => calibratedScore({ ...zero(), rule: 0.5, length }, banded);
    expect(at(1)).toBeGreaterThan(at(0));
    expect(calibratedScore({ ...zero(), rule: 0.5, length: 1 }, plain)).toBe(calibratedScore({ ...zero(), rule: 0.5, length: 0 }, plain));
    expect(crossValidate(rows, ["rule", "dismissive"], 0.001, ["rule", "length"]).pooled.spearman).toBeGreaterThan(crossValidate(rows, ["rule", "dismissive"], 0.001).pooled.spearman);
  });

  it("applies the rules after calibration: no E6 below the E5 bar, caps last", () => {
    expect(finalScore(90, { e5Bar: false, cap: 100 })).toBe(74);
    expect(finalScore(90, { e5Bar: true, cap: 40 })).toBe(40);
    expect(finalScore(-5, { e5Bar: true, cap: 100 })).toBe(0);
    expect(finalScore(130, { e5Bar: true, cap: 100 })).toBe(100);
    expect(finalScore(Number.NaN, { e5Bar: true, cap: 100 })).toBe(0);
  });

  it("clamps the ridge score into the band of the calibrated level", () => {
    const cal = fitCalibration(synthetic(), ["rule", "dismissive"], 0.001);
    for (const rule of [0, 0.3, 0.5, 0.8, 1]) {
      const s = calibratedScore({ ...zero(), rule }, cal);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
  });
});

describe("shipped calibration (lib/grading/calibration.json)", () => {
  it("validates against the schema", () => {
    const raw = JSON.parse(readFileSync(path.join(process.cwd(), "lib", "grading", "calibration.json"), "utf8")) as unknown;
    const parsed = calibrationSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(DEFAULT_CALIBRATION.features.length).toBeGreaterThan(0);
  });

  it("rejects a file whose coefficients do not match its features", () => {
    const bad = { ...DEFAULT_CALIBRATION, weights: [...DEFAULT_CALIBRATION.weights, 1] };
    expect(calibrationSchema.safeParse(bad).success).toBe(false);
  });

  const stuffed = readTuningSet().filter((i) => isStuffed(i.style));
  it.runIf(stuffed.length > 0)("keeps every keyword-stuffed tuning answer at or below 45 after calibration", () => {
    for (const item of stuffed) expect(grade(item.drill, item.text).score, item.id).toBeLessThanOrEqual(45);
  });

  it("reports the rule score next to the calibrated one", () => {
    const r = grade("diagnose-stale-features", "The feature pipeline was delayed 48 hours, so serving kept reading stale features from the last snapshot.");
    expect(typeof r.ruleScore).toBe("number");
  });
});
