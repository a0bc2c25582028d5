import { describe, expect, it } from "vitest";
import { checkRunFacts, type RunFact } from "@/lib/simulations/run-facts";

const facts: RunFact[] = [
  { id: "alert-feature-freshness", label: "freshness alert", terms: ["freshness", "stale"] },
  { id: "stayed-green", label: "green", terms: ["green", "no error"] },
  { id: "fallback-defaults", label: "defaults", terms: ["default"] },
];

describe("checkRunFacts", () => {
  it("finds each fact in the learner's own sentences", () => {
    const text = "The freshness alert fired after the snapshot aged past its TTL. Latency and error monitors stayed green. Serving fell back to training defaults.";
    const grade = checkRunFacts({ text, facts });
    expect(grade.score).toBe(100);
    expect(grade.checks[0]?.evidence).toBe("The freshness alert fired after the snapshot aged past its TTL.");
  });
  it("does not count a negated mention", () => {
    const grade = checkRunFacts({ text: "There was no freshness problem at all. Everything was green.", facts });
    expect(grade.checks.map((c) => c.isMet)).toEqual([false, true, false]);
    expect(grade.score).toBe(33);
  });
  it("counts a fact after an unrelated negation earlier in the sentence", () => {
    const grade = checkRunFacts({ text: "No service returned errors, but the features were stale by two days.", facts });
    expect(grade.checks[0]?.isMet).toBe(true);
  });
});
