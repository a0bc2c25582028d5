/**
 * What a diagnosis should say about the run it diagnoses (pure): the alerts that fired, the metric
 * that moved most, the monitors that stayed green, and the fallback serving used — each with the
 * words a learner might use for it. `checkRunFacts` finds them in an answer, sentence by sentence.
 */
import type { PipelineResult } from "@/lib/pipeline";

export type RunFact = { id: string; label: string; terms: string[] };
export type RunFactCheck = { id: string; label: string; isMet: boolean; evidence: string | null };
export type RunFactsGrade = { score: number; checks: RunFactCheck[] };

const ALERT_TERMS: Record<string, string[]> = {
  "feature-freshness": ["freshness", "stale", "staleness", "lag", "ttl", "old values", "out of date", "outdated", "age of"],
  "null-rate": ["null", "missing value", "missing field", "empty field", "nan"],
  "schema-anomaly": ["schema", "type change", "unexpected value", "renamed", "retyped"],
  "feature-drift": ["feature drift", "psi", "distribution shift", "input drift", "covariate"],
  "prediction-drift": ["prediction drift", "score distribution", "prediction distribution", "predicted ctr", "output drift"],
  "model-performance": ["auc", "normalized entropy", "ne ", "log loss", "performance", "accuracy", "calibration"],
  "training-serving-skew": ["skew", "mismatch", "offline vs online", "offline and online", "different window", "inconsistent"],
  "offline-online-gap": ["offline", "online gap", "leak", "a/b"],
  "serving-latency": ["latency", "p99", "timeout", "slow"],
};
const FALLBACK_TERMS: Record<string, string[]> = {
  defaults: ["default", "fallback value", "prior", "global mean", "imput"],
  "last-good-snapshot": ["last good", "snapshot", "cached", "last successful", "previous value"],
  popularity: ["popular", "trending", "non-personal"],
};
const GREEN_TERMS = ["green", "no error", "didn't fire", "did not fire", "stayed quiet", "no alert", "healthy", "silent", "nothing fired", "no service", "didn't alert", "did not alert", "unchanged", "looked fine", "normal"];

const HUMAN: Record<string, string> = {
  "feature-freshness": "the feature-freshness alert",
  "null-rate": "the null-rate alert",
  "schema-anomaly": "the schema anomaly",
  "feature-drift": "input feature drift (PSI)",
  "prediction-drift": "prediction drift",
  "model-performance": "the model-performance alert (AUC on delayed labels)",
  "training-serving-skew": "the training-serving skew alert",
  "offline-online-gap": "the offline/online gap",
  "serving-latency": "the serving-latency alert",
};

export function extractRunFacts(result: PipelineResult): RunFact[] {
  const alerts = result.monitoring?.alerts ?? [];
  const facts: RunFact[] = [];
  const fired = alerts.filter((a) => a.hasFired && a.severity === "page");
  const firedAny = fired.length > 0 ? fired : alerts.filter((a) => a.hasFired);
  for (const a of firedAny.slice(0, 2)) facts.push({ id: `alert-${a.kind}`, label: `Names ${HUMAN[a.kind] ?? a.kind} that fired`, terms: ALERT_TERMS[a.kind] ?? [a.kind] });

  const expectedGreen = new Set(result.scenario.expectGreen);
  const green = alerts.filter((a) => !a.hasFired && expectedGreen.has(a.kind));
  if (green.length > 0) facts.push({ id: "stayed-green", label: `Says what stayed green (${green.map((a) => a.kind).join(", ")})`, terms: GREEN_TERMS });

  const fallbacks = Object.entries(result.serving.fallbacks).filter(([k, n]) => k !== "none" && n > 0).sort((a, b) => b[1] - a[1]);
  const top = fallbacks[0];
  if (top) facts.push({ id: `fallback-${top[0]}`, label: `Names the fallback serving used (${top[0]}, ${top[1]} of ${result.serving.requests} requests)`, terms: FALLBACK_TERMS[top[0]] ?? [top[0]] });

  const moved = mostMovedMetric(result);
  if (moved) facts.push(moved);
  return facts;
}

/** The monitored series that moved the most from the first to the last tick, relative to its own scale. */
function mostMovedMetric(result: PipelineResult): RunFact | null {
  const ticks = result.monitoring?.ticks ?? [];
  if (ticks.length < 2) return null;
  const first = ticks[0]!;
  const last = ticks.at(-1)!;
  const candidates = [
    { id: "auc", label: "AUC on fresh labels", delta: (first.liveAuc ?? 0) - (last.liveAuc ?? 0), scale: 0.02, terms: ["auc", "ranking quality", "performance", "normalized entropy", "log loss"] },
    { id: "freshness", label: "feature freshness lag", delta: last.freshnessLagHours - first.freshnessLagHours, scale: 6, terms: ["lag", "stale", "freshness", "hours old", "days old", "48", "72"] },
    { id: "nulls", label: "device null rate", delta: last.nullRateDevice - first.nullRateDevice, scale: 0.05, terms: ["null", "missing"] },
    { id: "prediction-psi", label: "prediction PSI", delta: last.predictionPsi - first.predictionPsi, scale: 0.1, terms: ["prediction drift", "score distribution", "predicted", "calibration"] },
  ].map((c) => ({ ...c, strength: c.delta / c.scale }));
  const best = candidates.sort((a, b) => b.strength - a.strength)[0];
  return best && best.strength >= 1 ? { id: `moved-${best.id}`, label: `Names the metric that moved (${best.label})`, terms: best.terms } : null;
}

const NEGATION = /\b(no|not|never|didn't|did not|wasn't|isn't|without)\b[^.,;]*$/;

export function checkRunFacts({ text, facts }: { text: string; facts: RunFact[] }): RunFactsGrade {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  const checks = facts.map((fact) => {
    const hit = sentences.find((s) => {
      const lower = ` ${s.toLowerCase()} `;
      return fact.terms.some((term) => {
        const at = lower.indexOf(term);
        if (at < 0) return false;
        // "the freshness alert fired" counts; "no freshness alert" does not (green facts are about absence).
        return fact.id === "stayed-green" || !NEGATION.test(lower.slice(Math.max(0, at - 20), at));
      });
    });
    return { id: fact.id, label: fact.label, isMet: Boolean(hit), evidence: hit ?? null };
  });
  const score = checks.length ? Math.round((100 * checks.filter((c) => c.isMet).length) / checks.length) : 100;
  return { score, checks };
}

/** Rubric and run combined: 80% rubric, 20% run facts; the run can lower the verdict but not raise it. */
export const RUN_FACTS_WEIGHT = 0.2;
