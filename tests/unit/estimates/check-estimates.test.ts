import { describe, expect, it } from "vitest";
import { capacityModel } from "@/lib/pipeline/resources";
import { capacitySchema } from "@/lib/pipeline/config/schema";
import { checkEstimates, ESTIMATE_FIELDS, ESTIMATE_SCALES, estimatesInputSchema, expectedEstimates, type EstimatesInput } from "@/lib/estimates";

/** The model's own numbers as a learner's answer, each multiplied by `factor`. */
function answerTimes(factor: number): EstimatesInput {
  const expected = expectedEstimates();
  return estimatesInputSchema.parse(Object.fromEntries(ESTIMATE_SCALES.map(({ key }) => [key, Object.fromEntries(ESTIMATE_FIELDS.map((f) => [f.key, expected[key][f.key].value * factor]))])));
}

describe("expectedEstimates", () => {
  it("takes its numbers from the pipeline's capacity model with the default assumptions", () => {
    const rows = capacityModel(capacitySchema.parse({}), [1e6, 1e8, 1e9]);
    const expected = expectedEstimates();
    expect(expected["1M"].qps.value).toBe(rows[0]?.requestsPerSecondPeak);
    expect(expected["100M"].onlineStoreGb.value).toBe(rows[1]?.onlineStoreGb);
    expect(expected["1B"].trainingGbPerDay.value).toBe(rows[2]?.trainingDataGbPerDay);
    expect(expected["1B"].servingReplicas.value).toBe(rows[2]?.servingReplicas);
  });

  it("writes the arithmetic out in words", () => {
    const expected = expectedEstimates();
    expect(expected["1B"].qps.explanation).toBe("1B users × 2 sessions × 5 requests ÷ 86,400 s × peak 3 = 347k QPS");
    expect(expected["1B"].trainingGbPerDay.explanation).toBe("1B users × 2 sessions × 30 logged impressions × 200 B ÷ 10^9 = 12,000 GB/day (12 TB/day)");
    expect(expected["100M"].servingReplicas.explanation).toBe("34.7k QPS × 500 candidates = 17.4M scores/s ÷ 200k scores/s per replica, rounded up = 87 replicas");
    expect(expected["1M"].onlineStoreGb.explanation).toBe("1M users × (1 + 0.1 posts per user) entities × 512 B ÷ 10^9 = 0.563 GB");
  });

  it("follows changed assumptions", () => {
    const expected = expectedEstimates({ sessionsPerUserPerDay: 10, requestsPerSession: 2 });
    expect(expected["1B"].qps.value).toBeCloseTo(694_444.4, 0);
    expect(expected["1B"].qps.explanation).toBe("1B users × 10 sessions × 2 requests ÷ 86,400 s × peak 3 = 694k QPS");
  });

  it("rejects impossible assumptions", () => {
    expect(() => expectedEstimates({ peakToAverage: 0.5 })).toThrow(/peakToAverage/);
  });
});

describe("checkEstimates", () => {
  it("gives full marks for the model's own numbers", () => {
    const check = checkEstimates(answerTimes(1));
    expect(check).toMatchObject({ score: 100, level: "E6", correctCount: 12, totalCount: 12 });
  });

  it("accepts exactly 3× either way and rejects just beyond", () => {
    expect(checkEstimates(answerTimes(3)).correctCount).toBe(12);
    expect(checkEstimates(answerTimes(1 / 3)).correctCount).toBe(12);
    expect(checkEstimates(answerTimes(3.01)).correctCount).toBe(0);
    expect(checkEstimates(answerTimes(1 / 3.01)).correctCount).toBe(0);
  });

  it("gives half credit within an order of magnitude and none beyond", () => {
    expect(checkEstimates(answerTimes(5))).toMatchObject({ score: 50, level: "E5", correctCount: 0 });
    expect(checkEstimates(answerTimes(20))).toMatchObject({ score: 0, level: "below" });
  });

  it("honours a custom tolerance", () => {
    expect(checkEstimates(answerTimes(5), { toleranceFactor: 10 }).correctCount).toBe(12);
    expect(() => checkEstimates(answerTimes(1), { toleranceFactor: 0.5 })).toThrow(/toleranceFactor/);
  });

  it("reports each cell with ratio, verdict and the arithmetic", () => {
    const input = estimatesInputSchema.parse({ "1B": { qps: 35_000 } });
    const cell = checkEstimates(input).cells["1B"].qps;
    expect(cell.expected).toBeCloseTo(347_222.2, 0);
    expect(cell.given).toBe(35_000);
    expect(cell.ratio).toBeCloseTo(0.1008, 3);
    expect(cell.withinTolerance).toBe(false);
    expect(cell.withinOrderOfMagnitude).toBe(true);
    expect(cell.message).toBe("35k QPS is 9.9× too low; expected 347k QPS.");
    expect(cell.explanation).toMatch(/= 347k QPS$/);
  });

  it("counts blank cells as not answered", () => {
    const check = checkEstimates(estimatesInputSchema.parse({}));
    expect(check.score).toBe(0);
    expect(check.cells["100M"].servingReplicas).toMatchObject({ given: null, ratio: null, withinTolerance: false, message: "Not answered; expected 87 replicas." });
  });

  it("marks the drill guidance's average QPS (100 / 10k / 100k) as off by the peak factor, with half credit", () => {
    const input = estimatesInputSchema.parse({ "1M": { qps: 100 }, "100M": { qps: 10_000 }, "1B": { qps: 100_000 } });
    const check = checkEstimates(input);
    expect(ESTIMATE_SCALES.map(({ key }) => check.cells[key].qps.withinTolerance)).toEqual([false, false, false]);
    expect(ESTIMATE_SCALES.map(({ key }) => check.cells[key].qps.withinOrderOfMagnitude)).toEqual([true, true, true]);
  });
});
