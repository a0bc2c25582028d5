import { describe, expect, it } from "vitest";
import { baseRateEntropy, logLoss, precisionRecall, reliabilityCurve, rocAuc } from "@/lib/pipeline/evaluation/metrics";
import { summarize } from "@/lib/pipeline/evaluation/evaluate";

describe("metrics", () => {
  it("AUC counts ties as half and matches the pairwise definition", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it("average precision is 1 for a perfect ranking", () => {
    expect(precisionRecall([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], 10).ap).toBeCloseTo(1);
  });

  it("NE of the constant base-rate predictor is 1 and calibration is 1", () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const p = y.map(() => 0.2);
    const m = summarize(y, p, 0.5);
    expect(m.ne).toBeCloseTo(1, 6);
    expect(m.calibration).toBeCloseTo(1, 6);
    expect(logLoss(y, p)).toBeCloseTo(baseRateEntropy(0.2), 9);
  });

  it("halving predictions keeps AUC but worsens NE and calibration (He et al.)", () => {
    const y = [1, 0, 1, 0, 0, 1, 0, 0];
    const p = [0.7, 0.2, 0.6, 0.3, 0.1, 0.8, 0.4, 0.2];
    const a = summarize(y, p, 0.5);
    const b = summarize(y, p.map((v) => v / 2), 0.5);
    expect(b.auc).toBe(a.auc);
    expect(b.ne).toBeGreaterThan(a.ne);
    expect(b.calibration).toBeCloseTo(a.calibration / 2, 9);
  });

  it("reliability bins hold mean prediction and observed rate", () => {
    const bins = reliabilityCurve([1, 0, 1, 1], [0.05, 0.05, 0.95, 0.95], 10);
    expect(bins[0]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(bins[9]).toMatchObject({ count: 2, observedRate: 1 });
  });
});
