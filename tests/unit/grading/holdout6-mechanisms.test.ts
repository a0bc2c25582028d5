import { describe, expect, it } from "vitest";
import { measureExplanation } from "@/lib/grading/explanation";
import { analyzeAnswer } from "@/lib/grading/grade-answer";
import { buzzCap } from "@/lib/grading/substance";
import { analyzeText } from "@/lib/grading/text";
import { grade, rubricFor } from "./helpers";

/** Mechanisms added after studying holdout6's errors (general shapes, not the fixtures' wording). */
describe("markdown label heads and one-word verb cells", () => {
  const predicatesOf = (text: string): number => {
    const sentences = analyzeText(text);
    return measureExplanation(sentences, sentences.map(() => new Map<number, number[]>())).predicates;
  };

  it("does not read a bold 'Label:' head as a predicate", () => {
    expect(predicatesOf("**Root cause:** stale features due to pipeline delay.")).toBe(0);
  });

  it("does not read a lone verb naming a step as a predicate", () => {
    expect(predicatesOf("1. Clarify → alignment\n2. Monitor → observability")).toBe(0);
    expect(predicatesOf("The store kept serving the last snapshot.")).toBeGreaterThan(0);
  });
});

describe("buzzword share", () => {
  it("caps two kinds of buzzword at a heavy share, not at a light one", () => {
    expect(buzzCap({ distinct: 2, share: 0.1 })).toBeLessThan(45);
    expect(buzzCap({ distinct: 2, share: 0.03 })).toBe(100);
  });
});

describe("estimating drills", () => {
  it("keeps a scale discussion without a single estimate below E5, however good its architecture talk", () => {
    const text =
      "At 1M users everything fits on a few machines: one feature database and one training box, and the daily batch job hurts first as data grows. " +
      "At 100M it becomes distributed: a streaming log for events, a sharded feature store with a cache in front, distributed training and many serving replicas, because feature lookups become the bottleneck. " +
      "At 1B you go multi-region and add a retrieval stage first, since you cannot score every candidate with the heavy model, and monitoring has to be sampled and sliced.";
    expect(grade("scale-discussion", text).score).toBeLessThanOrEqual(44);
  });

  it("does not apply that cap once the answer estimates a rate", () => {
    const text = "1B users × 10 feed loads a day ≈ 10^10 requests / 86,400 s ≈ 116k QPS, about 350k QPS at peak, so serving is sharded across regions.";
    expect(analyzeAnswer({ text, rubric: rubricFor("scale-discussion") }).cap).toBeGreaterThan(40);
  });
});

describe("stance and dismissal in long sentences", () => {
  it("does not treat one hedge in a long single-sentence answer as a dismissive stance", () => {
    const text =
      "For the feature store it's freshness versus compute, and most features don't need to be fresh because a monthly like rate barely moves, but a new post's like count decides whether it takes off in its first hour, so stream those few and batch the rest; " +
      "serving is latency versus accuracy and the signal is whether slow feeds cost more sessions than the better model wins, so split it into a cheap retrieval stage and a heavier ranker on the top hundred.";
    expect(analyzeAnswer({ text, rubric: rubricFor("tradeoffs") }).features.dismissive).toBeLessThan(0.5);
  });

  it("dismisses a component only when the dismissal is in the component's own clause", () => {
    const fine = grade("component-purpose", "Iteration: shared features mean a new model doesn't need a new pipeline; automated evaluation gates mean a daily retrain ships without a meeting.");
    expect(fine.contradictions.map((c) => c.id)).not.toContain("components-dismissed");
    const dismissed = grade("component-purpose", "Honestly monitoring is optional if the model is good.");
    expect(dismissed.contradictions.map((c) => c.id)).toContain("components-dismissed");
  });
});

describe("misdiagnosis and dismissed failures", () => {
  it("caps a stale-features diagnosis that blames a stale model instead of stale features", () => {
    const r = grade("diagnose-stale-features", "What happened is the model got stale: the pipeline that retrains it was delayed 48 hours, so we served an old model. Detection: alert on model age. Fix: retrain more often.");
    expect(r.contradictions.map((c) => c.id)).toContain("model-not-features");
    expect(r.score).toBeLessThan(45);
  });

  it("reads 'so-called' and 'no incident' as a dismissive stance", () => {
    const rubric = rubricFor("failure-scenarios");
    const a = analyzeAnswer({ text: "The so-called silent failures are really gaps in error handling. If the store answers without errors there's no incident.", rubric });
    expect(a.features.dismissive).toBeGreaterThan(0.5);
  });
});
