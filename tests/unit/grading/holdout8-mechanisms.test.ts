import { describe, expect, it } from "vitest";
import { dismissiveIn } from "@/lib/grading/features";
import { analyzeText } from "@/lib/grading/text";
import { grade } from "./helpers";

/** Mechanisms added after studying holdout8's errors (general shapes, not the fixtures' wording). */
const ids = (drill: string, text: string): string[] => grade(drill, text).contradictions.map((k) => k.id);

describe("scare quotes in single quotation marks", () => {
  it("a claim inside 'single quotes' is quoted, not asserted; apostrophes are no quotes", () => {
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved correctly, so there is nothing to fix.")).toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved 'correctly', which is why no error fired.")).not.toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved ‘correctly’, which is why no error fired.")).not.toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "Users' feeds looked fine and everything behaved correctly, it's not a real problem.")).toContain("no-real-impact");
  });
});

describe("the incident waved away reads as dismissive", () => {
  const dismissive = (text: string): number => dismissiveIn(analyzeText(text)[0]!);

  it("counts denied impact, silenced alarms and 'noise' verdicts", () => {
    expect(dismissive("Latency and freshness are green, so users weren't affected.")).toBeGreaterThan(0);
    expect(dismissive("The alert is a false positive; I'd widen its threshold and move on.")).toBeGreaterThan(0);
    expect(dismissive("The decline is most likely noise, within normal variance.")).toBeGreaterThan(0);
  });

  it("does not count the same words used to argue for monitoring", () => {
    expect(dismissive("Alert on everything and people mute it, which is worse than no alert.")).toBe(0);
    expect(dismissive("Alert on a multi-day trend so daily noise doesn't page anyone.")).toBe(0);
    expect(dismissive("Every user is affected, creators of fresh posts most.")).toBe(0);
  });
});

describe("named misdiagnoses cap (rubric data)", () => {
  it("stale features blamed on concept drift, label leakage on overfitting", () => {
    expect(ids("diagnose-stale-features", "This looks like concept drift: user behaviour moved on for two days.")).toContain("concept-drift-blamed");
    expect(ids("diagnose-stale-features", "It is not concept drift; the features froze on the last snapshot.")).not.toContain("concept-drift-blamed");
    expect(ids("diagnose-label-leakage", "Offline 0.94 vs much lower online is textbook overfitting.")).toContain("overfitting-blamed");
  });

  it("'X proves it' about the leak is no claim that offline AUC proves the model good", () => {
    expect(ids("diagnose-label-leakage", "0.94 on pure-noise labels proves it: the features contain the label.")).not.toContain("offline-auc-proves-good");
    expect(ids("diagnose-label-leakage", "The offline AUC proves the model is good.")).toContain("offline-auc-proves-good");
  });
});
