import { describe, expect, it } from "vitest";
import { evaluate, readTuningSet } from "@/scripts/eval-grader";

/**
 * Holds the agreement reached on the pooled tuning set (tune + holdout + holdout2 … holdout7 + tune8 + holdout8 …
 * holdout10 + tune11 + tune12, 1319 answers, calibrated grader; see `npm run eval:grader`): 0.892 level accuracy
 * and 0.915 Spearman (leave-one-file-out CV 0.890 / 0.913; nested CV 0.879 / 0.909 by a dry-run refit on this
 * grader, whose selection was not stored: its in-sample 0.884 / 0.913 is below the stored calibration's), every
 * stuffed answer at or below 45; floors sit just below so a regression fails. tune12 (below-E5 answers that look
 * good, E5 answers that name E6 topics) made the pool harder: it scored 0.683 / 0.718 before tuning, 0.775 / 0.822
 * now (LOFO CV 0.767 / 0.827). Before it: 0.893 / 0.921 on 1199 answers (CV 0.887 / 0.918).
 */
const items = readTuningSet();

describe.runIf(items.length > 0)("grader agreement floor (pooled tuning set)", () => {
  const { figures } = evaluate(items);

  it("keeps level accuracy at or above 0.885 and Spearman at or above 0.91", () => {
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.885);
    expect(figures.spearman).toBeGreaterThanOrEqual(0.91);
  });

  it("keeps every keyword-stuffed answer at or below the E5 floor", () => {
    expect(figures.stuffed.aboveFloor).toBe(0);
  });
});
