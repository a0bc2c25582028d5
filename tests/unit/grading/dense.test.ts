import { describe, expect, it } from "vitest";
import { compileRubric, evaluateTextCriterion, findListLike, MAX_MET_PER_SENTENCE, type AnswerContext } from "@/lib/grading/evidence";
import { dismissiveIn, statesWhy } from "@/lib/grading/features";
import { shapeOf } from "@/lib/grading/substance";
import { analyzeText } from "@/lib/grading/text";
import { grade, rubricFor } from "./helpers";

describe("concept-dense sentences", () => {
  it("do not count weak relations (which, via, while, participles, arrows)", () => {
    const text = "The feature store, which feeds serving via the online cache while monitoring tracks drift, keeps training data fresh.";
    const plain = analyzeText(text)[0]!;
    const dense = { ...analyzeText(text)[0]!, dense: true };
    const weak = (s: typeof plain) => s.tokens.filter((t, i) => shapeOf(s).relationAt[i] && ["which", "via", "while"].includes(t.normal)).length;
    expect(weak(plain)).toBeGreaterThan(0);
    expect(weak(dense)).toBe(0);
  });

  it("grade an arrow chain of concepts as keyword stuffing", () => {
    const chain =
      "training-serving skew → feature mismatch → offline/online gap → PSI / KL / JS divergence → feature store → single source of truth → log-and-train → shadow mode → canary → rollback → trust restored";
    expect(grade("diagnose-training-serving-skew", chain).score).toBeLessThanOrEqual(45);
  });
});

describe("per-sentence budget", () => {
  it("a sentence that already met MAX_MET_PER_SENTENCE criteria makes the next one partial at most", () => {
    const rubric = rubricFor("diagnose-stale-features");
    const compiled = compileRubric(rubric);
    const text = "The pipeline was delayed 48 hours, so serving kept reading stale features from the last snapshot and no service returned errors.";
    const sentences = analyzeText(text);
    const cache = new Map<string, boolean>();
    const ctx: AnswerContext = { text, sentences, cache, listLike: findListLike(sentences, compiled, cache), numbers: [] };
    const results = [...compiled.text.values()].map((c) => evaluateTextCriterion(c, ctx, rubric.partialCredit));
    const metFree = results.filter((r) => r.status === "met").length;
    expect(metFree).toBeGreaterThan(0);
    const full = new Map([[0, MAX_MET_PER_SENTENCE]]);
    const capped = [...compiled.text.values()].map((c) => evaluateTextCriterion(c, ctx, rubric.partialCredit, full));
    expect(capped.filter((r) => r.status === "met")).toHaveLength(0);
  });
});

describe("stance and why signals", () => {
  it("spots dismissive stance", () => {
    expect(dismissiveIn(analyzeText("Monitoring is overkill here, the rest is plumbing.")[0]!)).toBeGreaterThanOrEqual(2);
    expect(dismissiveIn(analyzeText("Monitoring catches silent failures before users notice.")[0]!)).toBe(0);
  });

  it("tells why from what", () => {
    expect(statesWhy(analyzeText("Verification blocks bad batches so the model never trains on garbage.")[0]!)).toBe(true);
    expect(statesWhy(analyzeText("Verification checks the schema of each partition.")[0]!)).toBe(false);
  });
});
