import { describe, expect, it } from "vitest";
import { cellIndex, isPredicate, stuffingCap, type ExplanationStats } from "@/lib/grading/explanation";
import { statesStakes } from "@/lib/grading/features";
import { analyzeAnswer } from "@/lib/grading/grade-answer";
import { analyzeText } from "@/lib/grading/text";
import { grade, rubricFor } from "./helpers";

const stats = (over: Partial<ExplanationStats>): ExplanationStats => ({
  mentions: 20, explained: 2, density: 0.1, clauses: 20, predicates: 1, clauseWords: 2, distinct: 10, cellShare: 0.8, overloadShare: 0, ...over,
});

describe("explanation density", () => {
  it("tells finite predicates from participle chains and naming verbs", () => {
    const s = analyzeText("The store kept serving the last snapshot, detected via freshness SLA feeding into alerting.")[0]!;
    const preds = s.tokens.flatMap((t, i) => (isPredicate(s.tokens, i) ? [t.normal] : []));
    expect(preds).toContain("serving");
    expect(preds).not.toContain("detected");
    expect(preds).not.toContain("feeding");
  });

  it("splits table cells at pipes and colons but keeps hyphenated words whole", () => {
    const s = analyzeText("detect: null-rate monitor | fallback: backfill")[0]!;
    const cells = cellIndex(s.tokens);
    const cellOf = (w: string) => cells[s.tokens.findIndex((t) => t.normal === w)];
    expect(cellOf("null")).toBe(cellOf("monitor"));
    expect(cellOf("monitor")).not.toBe(cellOf("backfill"));
  });

  it("explains concepts in statements, names them in term tables", () => {
    const rubric = rubricFor("failure-scenarios");
    const table = analyzeAnswer({ text: "Feature store: failure: staleness | detect: freshness SLA | fallback: last-known-good\nServing: failure: latency | detect: p99 | fallback: popularity ranking", rubric });
    const prose = analyzeAnswer({
      text: "If the feature pipeline stalls, the store keeps serving yesterday's values, so nothing errors but rankings drift; we alert when feature age passes 6 hours and fall back to defaults because stale values mislead the model.",
      rubric,
    });
    expect(table.explanation.density).toBeLessThan(prose.explanation.density);
    expect(table.explanation.cellShare).toBeGreaterThan(0.5);
  });
});

describe("stuffing cap", () => {
  it("caps named, unexplained, predicate-poor answers below E5, and at the E5 floor when a little is explained", () => {
    expect(stuffingCap(stats({ density: 0.05, predicates: 1 }))).toBeLessThan(45);
    expect(stuffingCap(stats({ density: 0.2, predicates: 4 }))).toBe(45);
  });

  it("leaves explained answers and short answers alone", () => {
    expect(stuffingCap(stats({ density: 0.5, predicates: 12, cellShare: 0.2 }))).toBe(100);
    expect(stuffingCap(stats({ distinct: 3 }))).toBe(100);
  });

  it("keeps unseen stuffing formats at or below the E5 floor", () => {
    const piped =
      "Feature store: failure: staleness | detect: freshness SLA | fallback: last-known-good\nData collection: failure: null spike | detect: null-rate monitor | fallback: backfill\nTraining: failure: bad model | detect: offline AUC gate | fallback: rollback\nServing: failure: latency regression | detect: p99 | fallback: popularity ranking\nMonitoring: failure: blind spot | detect: meta-monitoring | fallback: alert routing";
    expect(grade("failure-scenarios", piped).score).toBeLessThanOrEqual(45);
    const strung =
      "Stale features via the 48h pipeline delay, which degrades freshness while the feature store serves the last snapshot, detected via freshness SLA and staleness monitoring feeding into alerting and on-call, impacting predictions, calibration and the feedback loop, mitigated via backfill, TTL-based fallback to defaults and a simpler ranker, while excluding the stale window from training.";
    expect(grade("diagnose-stale-features", strung).score).toBeLessThanOrEqual(45);
  });
});

describe("what-not-why (rubric stakes)", () => {
  it("tells stakes from definitions", () => {
    expect(statesStakes(analyzeText("Verification stops bad batches before they poison training.")[0]!)).toBe(true);
    expect(statesStakes(analyzeText("Data collection gathers the raw events from the clients.")[0]!)).toBe(false);
  });

  it("caps an answer that only defines each component", () => {
    const defs =
      "Data collection gathers the raw events from the apps. Data verification checks the schema and the value ranges of each batch. Feature extraction turns the raw events into features. The feature store keeps the features for training and serving. Evaluation compares models on held-out data. Serving hosts the model behind an API. Monitoring tracks the metrics of the system over time.";
    const r = grade("component-purpose", defs);
    expect(r.score).toBeLessThanOrEqual(rubricFor("component-purpose").stakes!.cap);
  });
});
