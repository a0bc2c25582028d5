import { describe, expect, it } from "vitest";
import { SCORE_BANDS } from "@/lib/grading";
import { grade, status } from "./helpers";

const STALE_GOOD = `The batch pipeline stopped, so the online store kept serving the last successful snapshot: like rates and post likes were frozen two days in the past.
Nothing errored because the store still answered every lookup with plausible old values.
Detect it by tracking the age of the newest write per feature table and alerting when it is older than a 6 hour SLA.
Impact: new posts show no likes or viewers and get buried, so engagement drops.
Fallback: once a feature passes its TTL, stop trusting the stale values and fall back to defaults or a popularity ranker until the pipeline is backfilled.`;

describe("gradeAnswer", () => {
  it("returns a JSON-serialisable result whose level is the band of its score", () => {
    const result = grade("diagnose-stale-features", STALE_GOOD);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const band = SCORE_BANDS[result.level];
    expect(result.score).toBeGreaterThanOrEqual(band.min);
    expect(result.score).toBeLessThanOrEqual(band.max);
    expect(result.rubricVersion).toBeGreaterThanOrEqual(1);
    expect(result.level).not.toBe("below");
  });

  it("quotes the learner's own sentence with a [start, end) span into the original text", () => {
    const result = grade("diagnose-stale-features", STALE_GOOD);
    const withEvidence = result.criteria.filter((c) => c.evidence);
    expect(withEvidence.length).toBeGreaterThan(3);
    for (const c of withEvidence) expect(STALE_GOOD.slice(c.evidence!.start, c.evidence!.end)).toBe(c.evidence!.quote);
  });

  it("lists missed criteria by impact and gives what to add", () => {
    const result = grade("diagnose-stale-features", "The features were stale.");
    expect(result.missed.length).toBeGreaterThan(3);
    const impacts = result.missed.map((id) => result.criteria.find((c) => c.id === id)!.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    for (const id of result.missed) expect(result.criteria.find((c) => c.id === id)!.feedback).toBeTruthy();
  });

  it("keyword stuffing lands at or below the E5 floor", () => {
    const stuffed: [string, string][] = [
      ["diagnose-stale-features", "stale features, freshness, TTL, SLA, fallback, backfill, monitoring, alerting, feature store, calibration, feedback loop, drift"],
      ["diagnose-null-spike", "null spike, client release, data validation, schema, block, rollback, backfill, data contract, canary, slicing, bias"],
      ["failure-scenarios", "Failures: stale features, null spike, drift, skew, latency. Detection: monitoring, alerts, dashboards, thresholds. Fallback: rollback, cache, defaults, canary, circuit breaker."],
      ["component-purpose", "Verification - data quality, governance\nFeature Store - consistency, reuse, low latency\nMonitoring - observability, drift, alerting\nConfiguration - reproducibility, versioning"],
    ];
    for (const [drill, text] of stuffed) expect(grade(drill, text).score, drill).toBeLessThanOrEqual(SCORE_BANDS.E5.min);
  });

  it("a negated concept earns nothing", () => {
    const positive = grade("diagnose-concept-drift", "We should retrain on the most recent data every day so the model follows the new preferences.");
    const negated = grade("diagnose-concept-drift", "We should not retrain on recent data; the model does not need retraining.");
    expect(status(positive, "retrain")).toBe("met");
    expect(status(negated, "retrain")).toBe("missed");
  });

  it("synonyms and unusual wording earn full credit", () => {
    const canonical = grade("diagnose-training-serving-skew", "This is training-serving skew: like rate is computed over 30 days in training but over 7 days in serving.");
    const paraphrase = grade("diagnose-training-serving-skew", "The two code paths disagree: the trainer averages like rate over a 30 day window while the server uses 7 days, a mismatch the model never saw.");
    expect(status(canonical, "names-skew")).toBe("met");
    expect(status(paraphrase, "names-skew")).toBe("met");
  });

  it("tolerates a typo in a long word", () => {
    const result = grade("diagnose-stale-features", "Add a freshnes check on each feature table and alert when the age exceeds the SLA.");
    expect(status(result, "detect-freshness")).toBe("met");
  });

  it("length is not rewarded: repeating an answer does not raise its score", () => {
    const once = grade("diagnose-stale-features", STALE_GOOD);
    const thrice = grade("diagnose-stale-features", [STALE_GOOD, STALE_GOOD, STALE_GOOD].join("\n"));
    expect(thrice.score).toBe(once.score);
  });

  it("a claim that contradicts the drill's core point caps the score", () => {
    const text = `${STALE_GOOD}\nNo monitoring is needed if offline AUC is good.`;
    const result = grade("diagnose-stale-features", text);
    expect(result.contradictions.map((k) => k.id)).toContain("monitoring-unneeded");
    expect(result.score).toBeLessThanOrEqual(25);
    expect(result.level).toBe("below");
    const dismissive = grade("diagnose-stale-features", "Serving from the last snapshot is the designed fallback, so there's no real impact.");
    expect(dismissive.score).toBeLessThanOrEqual(25);
  });
});

describe("order matters for framework-steps", () => {
  const steps = [
    "1. Clarifying requirements - understand the business goal, scale and latency constraints.",
    "2. Framing the problem as an ML task - define the input, output and ML category.",
    "3. Data preparation - collect, clean and label data and engineer features.",
    "4. Model development - start with a baseline, choose an architecture and train it.",
    "5. Evaluation - offline metrics like AUC, then an online A/B test.",
    "6. Deployment and serving - serve predictions within the latency budget.",
    "7. Monitoring and infrastructure - track drift and performance and trigger retraining.",
  ];

  it("scores the right order at E5 or above and a misplaced step below E5", () => {
    const inOrder = grade("framework-steps", steps.join("\n"));
    const swapped = grade("framework-steps", [steps[0], steps[1], steps[2], steps[4], steps[3], steps[5], steps[6]].join("\n"));
    expect(inOrder.level).not.toBe("below");
    expect(status(inOrder, "order")).toBe("met");
    expect(status(swapped, "order")).not.toBe("met");
    expect(swapped.level).toBe("below");
    expect(swapped.score).toBeLessThan(inOrder.score);
  });

  it("names alone, without purposes, stay below E5", () => {
    const names = grade("framework-steps", "clarifying requirements, framing as an ML task, data preparation, model development, evaluation, deployment and serving, monitoring and infrastructure");
    expect(names.level).toBe("below");
  });
});

describe("scale numbers are parsed with units and checked against the assumptions", () => {
  it("credits estimates within tolerance at the right scale", () => {
    const good = grade("scale-discussion", "At 1M users: about 120 QPS.\nAt 100M users: roughly 12k QPS.\nAt 1B users: ~115k QPS and 10 TB/day of logs.");
    for (const id of ["qps-1m", "qps-100m", "qps-1b", "storage-1b"]) expect(status(good, id), id).toBe("met");
  });

  it("does not credit a number tied to the wrong scale or off by orders of magnitude", () => {
    const wrong = grade("scale-discussion", "At 1B users we get 1B QPS and 1 PB per day.");
    expect(status(wrong, "qps-1b")).toBe("missed");
    expect(status(wrong, "storage-1b")).toBe("missed");
    const misplaced = grade("scale-discussion", "At 1M users: 100k QPS.");
    expect(status(misplaced, "qps-1b")).toBe("missed");
  });
});
