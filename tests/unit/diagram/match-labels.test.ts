import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE, matchLabel, normalizeLabel } from "@/lib/diagram";

const componentOf = (label: string) => matchLabel(label, DEFAULT_REFERENCE.components)?.componentId ?? null;

describe("matchLabel", () => {
  it.each([
    ["ingestion", "collection"], ["Logging", "collection"], ["Event logs", "collection"], ["Training data", "collection"],
    ["validation", "verification"], ["Data checks", "verification"],
    ["featurization", "extraction"], ["Feature pipeline", "extraction"],
    ["Online feature store", "feature-store"], ["offline store", "feature-store"],
    ["model", "model"], ["Training", "model"], ["ML CODE", "model"],
    ["inference", "serving"], ["Prediction service", "serving"], ["Model serving", "serving"],
    ["Model evaluation", "evaluation"], ["A/B tests", "evaluation"], ["Model validation", "evaluation"],
    ["Drift detection", "monitoring"], ["Dashboards", "analysis"], ["Feature flags", "configuration"],
    ["Orchestration", "process-management"], ["Kubernetes", "resource-management"],
  ])("maps %j to %s", (label, componentId) => {
    expect(componentOf(label)).toBe(componentId);
  });

  it.each([["Data Verfication", "verification"], ["Monitorng", "monitoring"], ["featurizaton", "extraction"], ["Servng", "serving"]])(
    "tolerates the typo in %j", (label, componentId) => {
      expect(componentOf(label)).toBe(componentId);
    },
  );

  it("prefers the longer phrase when two components share a word", () => {
    expect(componentOf("model monitoring")).toBe("monitoring");
    expect(componentOf("feature store")).toBe("feature-store");
  });

  it("leaves unknown boxes unmatched", () => {
    expect(componentOf("Candidate generation")).toBeNull();
    expect(componentOf("Data pipeline")).toBeNull();
    expect(componentOf("???")).toBeNull();
  });

  it("normalizes case, punctuation and plurals", () => {
    expect(normalizeLabel("  A/B Tests & Data-Checks! ")).toEqual(["ab", "test", "data", "check"]);
  });
});
