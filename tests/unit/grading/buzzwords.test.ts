import { describe, expect, it } from "vitest";
import { buzzCap, sameStem, shapeOf } from "@/lib/grading/substance";
import { analyzeText } from "@/lib/grading/text";
import { grade } from "./helpers";

const shape = (text: string) => shapeOf(analyzeText(text)[0]!);

/** Keyword stuffing written as connective prose: every box named, tied together by value words, no mechanism. */
const BUZZ_PROSE: [string, string][] = [
  [
    "whiteboard-system",
    "Our platform harnesses event logging and data validation to empower a feature pipeline and feature store that drives model training. Evaluation and serving are streamlined end to end, while monitoring, alerting and dashboards deliver observability. Scheduling and resource management underpin the lifecycle, and the feedback loop keeps freshness and scalability robust.",
  ],
  [
    "failure-scenarios",
    "We leverage monitoring, alerting and fallbacks across every component so that the system is robust, resilient and reliable. Stale features, null spikes and training-serving skew are mitigated holistically through data quality governance and freshness SLAs, which ensures seamless serving at scale.",
  ],
  [
    "diagnose-null-spike",
    "The null spike is handled by leveraging data verification, which ensures robust data quality. Cleaning and imputation streamline the pipeline, and monitoring of the null rate by app version empowers proactive detection, so training stays reliable and the model lifecycle is future-proof.",
  ],
  [
    "ml-code-is-small",
    "The ML code is a small box because the surrounding infrastructure, data collection, verification, feature extraction, serving and monitoring, powers a scalable, robust and reliable ecosystem. Configuration and resource management enhance iteration velocity, and best practices ensure end-to-end observability.",
  ],
];

describe("buzzword prose", () => {
  it.each(BUZZ_PROSE)("%s stays at or below the E5 floor", (drill, text) => {
    expect(grade(drill, text).score).toBeLessThanOrEqual(45);
  });

  it("caps only answers leaning on several distinct buzzwords", () => {
    expect(buzzCap({ distinct: 4, share: 0.08 })).toBeLessThanOrEqual(45);
    expect(buzzCap({ distinct: 1, share: 0.05 })).toBe(100);
    expect(buzzCap({ distinct: 3, share: 0.005 })).toBe(100);
  });

  it("does not treat buzz verbs as stating a relation", () => {
    expect(shape("The feature store powers the ML code and ensures robustness.").explanatory).toBe(false);
    expect(shape("The online store kept serving the last snapshot, so nothing errored.").explanatory).toBe(true);
  });

  it("keeps credit for a good terse answer that uses one value word in passing", () => {
    const r = grade(
      "diagnose-stale-features",
      "Pipeline stalled 48h -> online store kept answering with the last good snapshot, which is reliable-looking but wrong. No errors because a stale value is still a valid response.\nDetection: per-table freshness = now - last write, alert past an SLA (~6h).\nFallback: past TTL, serve defaults or a popularity ranker instead of trusting frozen counts; rerun + backfill.",
    );
    expect(r.level).not.toBe("below");
  });
});

describe("restated definitions", () => {
  it("a verb that restates the component's name says nothing about it", () => {
    expect(shape("Process management manages processes.").explanatory).toBe(false);
    expect(shape("Data preparation - we prepare the data.").explanatory).toBe(false);
    expect(shape("Data verification is the component that verifies the data.").explanatory).toBe(false);
  });

  it("a verb of a different family still explains", () => {
    expect(shape("Verification blocks null-heavy batches before they reach training.").explanatory).toBe(true);
  });

  it("matches word families, not unrelated words", () => {
    expect(sameStem("verify", "verification")).toBe(true);
    expect(sameStem("manage", "management")).toBe(true);
    expect(sameStem("serve", "serving")).toBe(true);
    expect(sameStem("catch", "cache")).toBe(false);
    expect(sameStem("block", "batch")).toBe(false);
  });

  it("definitions that restate every component's name stay below E5", () => {
    const r = grade(
      "framework-steps",
      "1) Clarifying requirements - we clarify the requirements.\n2) Framing as an ML task - we frame the problem as an ML task.\n3) Data preparation - we prepare the data.\n4) Model development - we develop the model.\n5) Evaluation - we evaluate the model.\n6) Deployment and serving - we deploy and serve the model.\n7) Monitoring - we monitor the model.",
    );
    expect(r.level).toBe("below");
  });
});

describe("dismissed labels", () => {
  it("a 'Label: value' note whose value dismisses the label negates the label", () => {
    const s = analyzeText("- Analysis tools: nice for dashboards, not needed.")[0]!;
    expect(s.tokens.filter((t) => t.normal === "analysis" || t.normal === "tools").every((t) => t.negated)).toBe(true);
    const kept = analyzeText("- Verification: stops null spikes before they reach training.")[0]!;
    expect(kept.tokens.find((t) => t.normal === "verification")?.negated).toBe(false);
  });

  it("dismissing components as unneeded caps component-purpose", () => {
    const r = grade(
      "component-purpose",
      "- Monitoring: not needed once offline eval passes.\n- Config: nice to have, not needed.\n- Feature store: optional, you can recompute features.\nCollection, the model and serving are what matter.",
    );
    expect(r.level).toBe("below");
  });
});

describe("counterfactual purposes", () => {
  it("'no X -> Y' and 'without X, Y' state what X is for instead of negating it", () => {
    const arrow = analyzeText("no verification -> garbage trains the model")[0]!;
    expect(arrow.tokens.find((t) => t.normal === "verification")?.negated).toBe(false);
    const comma = analyzeText("Without monitoring, stale features go unnoticed for days.")[0]!;
    expect(comma.tokens.find((t) => t.normal === "monitoring")?.negated).toBe(false);
    const plain = analyzeText("We have no monitoring.")[0]!;
    expect(plain.tokens.find((t) => t.normal === "monitoring")?.negated).toBe(true);
    // a question asks for the counterfactual: "Q: what breaks without data verification?"
    const question = analyzeText("Q: what breaks without data verification?")[0]!;
    expect(question.tokens.find((t) => t.normal === "verification")?.negated).toBe(false);
  });

  it("a terse answer of 'no X -> what breaks' lines keeps E5 credit", () => {
    const r = grade(
      "component-purpose",
      "no verification -> null spikes poison training\nno feature store -> training and serving compute features differently\nno eval -> a worse model ships\nno monitoring -> silent decay goes unnoticed for weeks\nno config -> can't reproduce or roll back a model\nno scheduler -> retraining jobs don't run on time\nno collection -> no labels, nothing to learn from\nno serving -> no user ever sees a prediction",
    );
    expect(r.level).not.toBe("below");
  });
});
