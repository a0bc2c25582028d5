import { describe, expect, it } from "vitest";
import { grade } from "./helpers";

const ids = (drill: string, text: string): string[] => grade(drill, text).contradictions.map((k) => k.id);

describe("contradictions must be asserted", () => {
  it("caps an asserted claim", () => {
    expect(ids("ml-code-is-small", "Honestly the model is the main part of the system, the rest is plumbing.")).toContain("model-is-main");
    expect(ids("scale-discussion", "100M users is 100M QPS, so we need 100,000 servers.")).toContain("users-equal-qps");
  });

  it("ignores a claim framed as someone else's view or quoted", () => {
    expect(ids("ml-code-is-small", "Some would say the model is the main part, but the system around it carries the risk.")).not.toContain("model-is-main");
    expect(ids("ml-code-is-small", 'The naive take is that the model is the main part; it is not.')).not.toContain("model-is-main");
    expect(ids("diagnose-training-serving-skew", 'It is tempting to call the A/B result "just noise", but offline and online disagree for a reason.')).not.toContain("ab-noise");
  });

  it("matches claim phrases strictly: numbers in a list are not the claim", () => {
    expect(ids("scale-discussion", "- serving: 1M users ~ 100s of QPS, 100M ~ 10k QPS, 1B ~ 100k+ QPS.")).not.toContain("users-equal-qps");
  });

  it("with clause scope, the claim's parts must sit in one clause", () => {
    expect(ids("ml-code-is-small", "The ML code is small because the hard part moved out of it, into the data and serving systems.")).not.toContain("model-is-main");
  });

  it("is void when the answer meets the criterion stating the core point (unlessMet)", () => {
    const asserted = "This is fine: cleaning did its job and dropped the bad events.";
    expect(ids("diagnose-null-spike", asserted)).toContain("cleaning-handled-it");
    const argued = `${asserted}\nSo: stop the new model from going out and keep serving the previous model until the client logging is fixed.`;
    expect(ids("diagnose-null-spike", argued)).not.toContain("cleaning-handled-it");
  });
});

describe("order checks use where a step heads a line", () => {
  it("a passing early mention does not put a step out of order", () => {
    const text = [
      "First clarify requirements: the business goal, scale and latency.",
      "Second, frame it as an ML task: a prediction problem with a label and inputs.",
      "Third, data preparation: sources, labels, features, and making sure training data matches what serving will see.",
      "Fourth, model development: baseline first, then more complex models.",
      "Fifth, evaluation: offline metrics to choose candidates and an online A/B test to confirm.",
      "Sixth, deployment and serving: get it into production under the latency budget.",
      "Seventh, monitoring: watch for drift and regressions and retrain.",
    ].join("\n");
    const order = grade("framework-steps", text).criteria.find((c) => c.id === "order")!;
    expect(order.status).toBe("met");
  });

  it("still catches steps given out of order", () => {
    const text = [
      "1. Model development: pick an architecture and train a baseline.",
      "2. Clarify requirements: the business goal and latency.",
      "3. Data preparation: collect sources and clean features.",
      "4. Frame it as an ML task: choose the label and output.",
      "5. Evaluation: offline metrics then an A/B test.",
      "6. Deployment: serve it under the latency budget.",
      "7. Monitoring: watch for drift and retrain.",
    ].join("\n");
    const result = grade("framework-steps", text);
    expect(result.criteria.find((c) => c.id === "order")!.status).not.toBe("met");
    expect(result.level).toBe("below");
  });
});
