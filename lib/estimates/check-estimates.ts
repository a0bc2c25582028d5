/**
 * Checks a learner's scale estimates against the capacity model — pure: numbers in, verdict out.
 *
 * A cell is right when it is within `toleranceFactor` (default 3×) of the expected value either way:
 * |log10(given / expected)| ≤ log10(toleranceFactor). The interviewer checks the order of magnitude,
 * so a cell within 10× earns half credit. Score = 100 × credit / 12 cells, on the grader's bands
 * (below 0–44, E5 45–74, E6 75–100): E6 needs about 9 of the 12 cells within tolerance.
 */
import { levelOf } from "@/lib/grading/score-answer";
import type { GradeLevel } from "@/lib/grading/types";
import type { CapacityAssumptions } from "@/lib/pipeline/config/schema";
import { expectedEstimates } from "./expected";
import { formatEstimate } from "./format";
import { ESTIMATE_FIELDS, ESTIMATE_SCALES, type EstimateField, type EstimatesInput, type ScaleKey } from "./schema";

export const DEFAULT_TOLERANCE_FACTOR = 3;
const ORDER_OF_MAGNITUDE_FACTOR = 10;
const EPSILON = 1e-9;

export type EstimateCell = {
  field: EstimateField;
  scale: ScaleKey;
  expected: number;
  /** null when the learner left the cell blank. */
  given: number | null;
  /** given ÷ expected; null when blank. */
  ratio: number | null;
  withinTolerance: boolean;
  /** Within 10× either way (half credit when not within tolerance). */
  withinOrderOfMagnitude: boolean;
  /** The arithmetic behind `expected`, e.g. "1B users × 2 sessions × 5 requests ÷ 86,400 s × peak 3 = 347k QPS". */
  explanation: string;
  /** The verdict in words, e.g. "35 QPS is 9.9× too low; expected 347 QPS". */
  message: string;
};

export type EstimatesCheck = {
  cells: Record<ScaleKey, Record<EstimateField, EstimateCell>>;
  /** 0–100. */
  score: number;
  level: GradeLevel;
  correctCount: number;
  totalCount: number;
  toleranceFactor: number;
  summary: string;
};

export type CheckEstimatesOptions = { assumptions?: Partial<CapacityAssumptions>; toleranceFactor?: number };

export function checkEstimates(input: EstimatesInput, { assumptions, toleranceFactor = DEFAULT_TOLERANCE_FACTOR }: CheckEstimatesOptions = {}): EstimatesCheck {
  if (!Number.isFinite(toleranceFactor) || toleranceFactor < 1) {
    throw new RangeError(`Expected toleranceFactor to be a number ≥ 1, got ${toleranceFactor}`);
  }
  const expected = expectedEstimates(assumptions);
  let credit = 0;
  let correctCount = 0;
  const cells = Object.fromEntries(
    ESTIMATE_SCALES.map(({ key: scale }) => [
      scale,
      Object.fromEntries(
        ESTIMATE_FIELDS.map(({ key: field }) => {
          const cell = checkCell(field, scale, expected[scale][field], input[scale][field] ?? null, toleranceFactor);
          credit += cell.withinTolerance ? 1 : cell.withinOrderOfMagnitude ? 0.5 : 0;
          correctCount += cell.withinTolerance ? 1 : 0;
          return [field, cell];
        }),
      ),
    ]),
  ) as EstimatesCheck["cells"];
  const totalCount = ESTIMATE_SCALES.length * ESTIMATE_FIELDS.length;
  const score = Math.round((100 * credit) / totalCount);
  return {
    cells, score, level: levelOf(score), correctCount, totalCount, toleranceFactor,
    summary: `${correctCount} of ${totalCount} estimates within ${toleranceFactor}× of the capacity model.`,
  };
}

function checkCell(field: EstimateField, scale: ScaleKey, expected: { value: number; explanation: string }, given: number | null, toleranceFactor: number): EstimateCell {
  const expectedText = formatEstimate(field, expected.value);
  const base = { field, scale, expected: expected.value, given, explanation: expected.explanation };
  if (given === null) {
    return { ...base, ratio: null, withinTolerance: false, withinOrderOfMagnitude: false, message: `Not answered; expected ${expectedText}.` };
  }
  const ratio = given / expected.value;
  const distance = Math.abs(Math.log10(ratio));
  const withinTolerance = distance <= Math.log10(toleranceFactor) + EPSILON;
  const withinOrderOfMagnitude = distance <= Math.log10(ORDER_OF_MAGNITUDE_FACTOR) + EPSILON;
  const givenText = formatEstimate(field, given);
  const off = ratio >= 1 ? `${formatFactor(ratio)} too high` : `${formatFactor(1 / ratio)} too low`;
  const message = withinTolerance
    ? `${givenText} is within ${toleranceFactor}× of ${expectedText}.`
    : `${givenText} is ${off}; expected ${expectedText}.`;
  return { ...base, ratio, withinTolerance, withinOrderOfMagnitude, message };
}

function formatFactor(factor: number): string {
  return `${factor >= 10 ? Math.round(factor) : Math.round(factor * 10) / 10}×`;
}
