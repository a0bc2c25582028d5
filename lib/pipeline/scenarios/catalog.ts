/**
 * The scenarios the engine understands. Each is a preset of config knobs (so a UI can expose the
 * knobs directly) plus what a real system shows when it happens: which alerts must fire and which
 * must stay green. Tests assert exactly these expectations.
 * @see ../../../../shared/DOMAIN.md (TFDV, Feast, Evidently, Prometheus sections)
 */
import type { ScenarioKnobs } from "../config/schema";

export const SCENARIO_IDS = [
  "baseline",
  "stale-features",
  "null-spike",
  "schema-change",
  "concept-drift",
  "training-serving-skew",
  "label-leakage",
  "serving-latency",
  "feedback-loop",
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

export type Scenario = {
  id: ScenarioId;
  title: string;
  description: string;
  knobs: Partial<ScenarioKnobs>;
  /** Alert kinds that must reach "firing" at least once. */
  expectFiring: string[];
  /** Alert kinds that must never fire (the monitors a learner should see stay green). */
  expectGreen: string[];
};

const INPUT_DRIFT = ["feature-drift", "null-rate", "schema-anomaly"];

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "baseline",
    title: "Baseline",
    description: "A healthy pipeline: point-in-time features, fresh online store, no injected faults. Every monitor stays green.",
    knobs: {},
    expectFiring: [],
    expectGreen: [...INPUT_DRIFT, "feature-freshness", "prediction-drift", "model-performance", "training-serving-skew", "serving-latency"],
  },
  {
    id: "stale-features",
    title: "Stale features",
    description:
      "Materialisation to the online store stops, so the snapshot lags by days. Like Feast, the online store keeps answering with old values; the freshness monitor (event-time lag vs TTL) catches it and the scorer falls back to training defaults for values past their TTL.",
    knobs: { snapshotLagHours: 72 },
    expectFiring: ["feature-freshness"],
    expectGreen: ["schema-anomaly", "null-rate", "serving-latency"],
  },
  {
    id: "null-spike",
    title: "Null spike",
    description:
      "After a date a logging change drops the device field for most events. Data verification reports FEATURE_TYPE_LOW_FRACTION_PRESENT (\"Column dropped\") and the null-rate alert fires.",
    knobs: { nullSpikeRate: 0.7 },
    expectFiring: ["null-rate"],
    expectGreen: ["feature-freshness", "serving-latency"],
  },
  {
    id: "schema-change",
    title: "Schema change",
    description:
      "An upstream client starts sending device as an integer code instead of a name. Verification flags unexpected category values and a type change; the device features silently become all-zero, which the drift monitor sees.",
    knobs: { schemaChange: true },
    expectFiring: ["schema-anomaly"],
    expectGreen: ["feature-freshness", "serving-latency"],
  },
  {
    id: "concept-drift",
    title: "Concept drift",
    description:
      "Users' preferences change (tastes swap between users of the same activity level) while what they look like stays the same. Input drift monitors stay green; only performance on delayed labels (AUC, NE) degrades and its alert fires.",
    knobs: { conceptDrift: true },
    expectFiring: ["model-performance"],
    expectGreen: [...INPUT_DRIFT, "feature-freshness", "training-serving-skew", "serving-latency"],
  },
  {
    id: "training-serving-skew",
    title: "Training-serving skew",
    description:
      "The online feature path was re-implemented with a 1-day window where training used 7 and 30 days, and with zero defaults where training used the prior. The skew comparator (L-infinity / mean gap between served and recomputed features, as TFDV) fires.",
    knobs: { servingSkew: true },
    expectFiring: ["training-serving-skew"],
    expectGreen: ["schema-anomaly", "null-rate", "feature-freshness", "serving-latency"],
  },
  {
    id: "label-leakage",
    title: "Label leakage",
    description:
      "The seed notebook's features: like_rate and total_likes computed over all rows, test rows included. Offline AUC looks excellent; live performance on delayed labels is far worse, and the offline/online gap alert fires.",
    knobs: { labelLeakage: true },
    expectFiring: ["offline-online-gap"],
    expectGreen: ["schema-anomaly", "null-rate", "feature-freshness", "serving-latency"],
  },
  {
    id: "serving-latency",
    title: "Serving latency",
    description:
      "Feature lookups become slow and some time out. The p99 latency alert fires; requests whose lookup failed are served from the last good snapshot or the popularity ranking.",
    knobs: { lookupLatencyMs: 30, lookupFailureRate: 0.05 },
    expectFiring: ["serving-latency"],
    expectGreen: [...INPUT_DRIFT, "feature-freshness", "model-performance"],
  },
  {
    id: "feedback-loop",
    title: "Feedback loop",
    description:
      "Each day the model's ranking decides what gets shown, so the next day's logs over-represent what the model already liked: exposure concentrates on few posts and the prediction distribution drifts.",
    knobs: { feedbackLoopStrength: 3 },
    expectFiring: ["prediction-drift"],
    expectGreen: ["schema-anomaly", "null-rate", "feature-freshness", "serving-latency"],
  },
];

export function getScenario(id: ScenarioId): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown scenario ${id}`);
  return found;
}
