/** The alert rules the monitor evaluates each tick, built from the config's thresholds. */
import type { PipelineConfig } from "../config/schema";
import type { AlertRule } from "./alerts";

export function buildAlertRules(config: PipelineConfig): AlertRule[] {
  const m = config.monitoring;
  const f = m.forTicks;
  return [
    { component: "verification", kind: "null-rate", severity: "page", forTicks: f, threshold: m.nullRateIncrease, summary: "Null rate of a logged column rose above the reference" },
    { component: "verification", kind: "schema-anomaly", severity: "page", forTicks: 0, threshold: 0, summary: "Batch violates the inferred schema (unexpected values, type change)" },
    { component: "monitoring", kind: "feature-drift", severity: "ticket", forTicks: f, threshold: m.psiThreshold, summary: "A served feature's PSI vs the training reference exceeds its threshold" },
    { component: "monitoring", kind: "prediction-drift", severity: "ticket", forTicks: f, threshold: m.predictionPsiThreshold, summary: "PSI of served predictions vs training predictions" },
    { component: "feature-store", kind: "feature-freshness", severity: "page", forTicks: f, threshold: config.featureStore.ttlHours, summary: "Online features older than their TTL (event-time lag, hours)" },
    { component: "features", kind: "training-serving-skew", severity: "page", forTicks: f, threshold: m.skewThreshold, summary: "Served features differ from offline recomputation (max normalised mean gap)" },
    { component: "monitoring", kind: "model-performance", severity: "page", forTicks: f, threshold: m.aucDropThreshold, summary: "AUC on delayed labels dropped (or NE rose) vs the validation baseline" },
    { component: "evaluation", kind: "offline-online-gap", severity: "page", forTicks: f, threshold: m.offlineOnlineGap, summary: "Offline test AUC far above live AUC on delayed labels (leakage suspect)" },
    { component: "serving", kind: "serving-latency", severity: "page", forTicks: f, threshold: m.p99LatencyMs, summary: "p99 request latency above the SLO (ms)" },
  ];
}
