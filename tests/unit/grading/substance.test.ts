import { describe, expect, it } from "vitest";
import { shapeOf, substanceCap } from "@/lib/grading/substance";
import { analyzeText } from "@/lib/grading/text";
import { grade, status } from "./helpers";

const shape = (text: string) => shapeOf(analyzeText(text)[0]!);

describe("sentence shapes", () => {
  it("treats a verb-introduced list of terms as a list", () => {
    expect(shape("We need freshness monitoring, TTLs, alerting, backfill and graceful degradation.").listLike).toBe(true);
    expect(shape("Fix with a feature store, shared feature definitions, point-in-time correctness, shadow mode.").explanatory).toBe(false);
  });

  it("treats a list with a real predicate or a stated reason as an explanation", () => {
    expect(shape("Skewed or stale features, biased logging and bad eval sets never throw errors, they just cost engagement.").listLike).toBe(false);
    expect(shape("The online store kept serving the last snapshot, so nothing errored.").explanatory).toBe(true);
  });

  it("reads 'label: value' notes by their value", () => {
    expect(shape("fallback: retry.").fragment).toBe(true);
    expect(shape("detect: monitoring.").explanatory).toBe(false);
    expect(shape("serving: latency vs accuracy").explanatory).toBe(false);
    expect(shape("eval: it blocks worse models from shipping.").explanatory).toBe(true);
  });

  it("treats a bare arrow chain of box names as naming the order, not explaining it", () => {
    const chain = shape("Data Collection -> Data Verification -> Feature Extraction -> Feature Store -> Serving");
    expect(chain.listWithReason).toBe(true);
    expect(shape("served impressions are logged back -> next day's training data, so the model learns from its own ranking").listWithReason).toBe(false);
  });

  it("marks short verbless bullets as fragments", () => {
    expect(shape("- stale features").fragment).toBe(true);
    expect(shape("- TTL + fallback").explanatory).toBe(false);
  });
});

describe("answer-level substance cap", () => {
  it("keeps unexplained vocabulary below E5 and leaves explained answers uncapped", () => {
    expect(substanceCap(0, 10)).toBeLessThan(45);
    expect(substanceCap(0.2, 10)).toBeLessThan(45);
    expect(substanceCap(0.4, 10)).toBeLessThan(75);
    expect(substanceCap(0.9, 10)).toBe(100);
  });
});

/** Keyword stuffing in forms the labelled set does not contain: prose with generic verbs, bullets, label lists. */
const STUFFED: [string, string][] = [
  [
    "diagnose-stale-features",
    "We need freshness monitoring, TTLs, alerting on the feature store, fallback to default features, backfill of the pipeline, graceful degradation and freshness SLAs. The impact involves ranking quality, engagement, new posts and calibration. We should also consider the feedback loop and the training data, error rate monitoring and latency.",
  ],
  ["diagnose-stale-features", "- stale features\n- online store\n- pipeline delay 48h\n- no errors\n- freshness alert\n- TTL\n- fallback to defaults\n- backfill\n- training data bias"],
  [
    "failure-scenarios",
    "We handle failures with monitoring, alerting, fallbacks, caching, default values, rollback, circuit breakers and graceful degradation for every component. Detection uses dashboards, SLAs, anomaly detection, heartbeats and health checks. Silent failures like stale features, null spikes, drift and training-serving skew need data quality monitoring and freshness checks.",
  ],
  [
    "diagnose-training-serving-skew",
    "Training-serving skew from the 30-day vs 7-day like rate window. Fix with a feature store, shared feature definitions, point-in-time correctness, logging features at serving time, shadow mode, skew monitoring, PSI and distribution comparison between offline and online. Offline AUC cannot see it.",
  ],
  [
    "tradeoffs",
    "Each component trades something: latency vs accuracy in serving, freshness vs cost in the feature store, coverage vs alert fatigue in monitoring, flexibility vs complexity in configuration, and volume vs cost in data collection. We should use caching, distillation, quantization, feature flags and streaming where needed.",
  ],
  [
    "failure-scenarios",
    "Data collection can fail. Verification can fail. Feature extraction and the feature store can fail. Training can fail. Serving can fail. Monitoring can fail too. For each component we need a fallback and a way to detect the failure, so we would monitor everything and alert on it.",
  ],
];

describe("keyword stuffing in unseen forms", () => {
  it.each(STUFFED)("%s stays at or below the E5 floor", (drill, text) => {
    expect(grade(drill, text).score).toBeLessThanOrEqual(45);
  });

  it("still credits a terse answer whose notes state mechanisms", () => {
    const r = grade(
      "diagnose-stale-features",
      "Pipeline stalled 48h -> online store kept answering with the last good snapshot. No errors because a stale value is still a valid response.\nDetection: per-table freshness = now - last write, alert past an SLA (~6h).\nFallback: past TTL, serve defaults or a popularity ranker instead of trusting frozen counts; rerun + backfill.",
    );
    expect(r.level).not.toBe("below");
    expect(status(r, "stale-mechanism")).toBe("met");
  });
});

describe("robustness", () => {
  it("does not crash on tokens wink leaves without a lemma", () => {
    expect(() => grade("diagnose-stale-features", "Per feature: a stale like rate is acceptable for a day, but post likes cannot be trusted after hours.")).not.toThrow();
  });
});
