/**
 * The reference graph for the `whiteboard-system` drill, from the seed notebook's component diagram
 * ("01 - Introduction: ML System Components", ASCII version):
 *
 *   Data collection ─▶ Data verification ─▶ Feature extraction ─▶ Feature store
 *                                                   ▼
 *                                                ML code
 *                                                   ▼
 *   Serving infra ◀─ Monitoring ◀─ Evaluation pipeline ─▶ Analysis tools
 *   Configuration · Process management · Resource management   (support boxes, no arrows)
 *
 * Decisions where the notebook is loose:
 * - Feature store → ML code is required (the chain runs through the store); the notebook's arrow
 *   drops from under the extraction column, so extraction → model is accepted too, not required.
 * - Monitoring ↔ serving: the notebook draws monitoring → serving (monitoring gates what is served),
 *   while telemetry really flows serving → monitoring. Both readings are right, so either direction
 *   counts. Every other required arrow is directed: its reverse is reported as reversed.
 * - Support boxes are drawn without arrows because they touch everything: an arrow to or from one
 *   is accepted in either direction, never required.
 * - Optional arrows are right but not required (deploying the model to serving, a retraining trigger,
 *   online feature lookups); they neither add nor cost points.
 * - E6 extras (drill guidance, E6): the feedback loop from serving logs (or monitoring) back into
 *   collection, and the feature store split into an offline (training) and an online (serving) store.
 */
export type ComponentGroup = "data" | "model" | "ops" | "support";

export type ReferenceComponent = {
  id: string;
  label: string;
  group: ComponentGroup;
  /** Why the box exists, used in feedback when it is missing. */
  role: string;
  /** Phrases that name this component; matching is case, punctuation, plural and typo tolerant. */
  synonyms: readonly string[];
};

export type ReferenceEdgeKind = "required" | "optional" | "e6";

export type ReferenceEdge = {
  id: string;
  source: string;
  target: string;
  kind: ReferenceEdgeKind;
  /** True when either direction is right (the notebook is ambiguous). */
  isBidirectional: boolean;
  /** What the arrow carries, used in feedback. */
  carries: string;
};

export type DiagramReference = {
  components: readonly ReferenceComponent[];
  edges: readonly ReferenceEdge[];
  /** Components whose arrows are accepted in any direction and never required. */
  supportComponentIds: readonly string[];
  /** The offline/online split: two nodes of this component, one naming each qualifier group. */
  storeSplit: { componentId: string; offline: readonly string[]; online: readonly string[] } | null;
};

const COMPONENTS: readonly ReferenceComponent[] = [
  { id: "collection", label: "Data collection", group: "data", role: "logs every impression and interaction; everything downstream starts here", synonyms: ["data collection", "collection", "collect", "ingestion", "ingest", "data ingestion", "logging", "event logging", "logger", "log collection", "event log", "logs", "events", "raw data", "training data", "data source", "interaction log"] },
  { id: "verification", label: "Data verification", group: "data", role: "catches nulls, duplicates and schema changes before they become features", synonyms: ["data verification", "verification", "verify", "validation", "data validation", "data checks", "data check", "data quality", "quality checks", "schema check", "sanity checks", "data cleaning", "cleaning"] },
  { id: "extraction", label: "Feature extraction", group: "data", role: "turns raw events into model inputs", synonyms: ["feature extraction", "extraction", "featurization", "featurisation", "feature pipeline", "feature engineering", "feature generation", "feature computation", "feature transform", "features"] },
  { id: "feature-store", label: "Feature store", group: "data", role: "serves the same features to training and serving, avoiding skew", synonyms: ["feature store", "features store", "feature db", "feature database", "feature repository", "feature cache", "online store", "offline store", "feast"] },
  { id: "model", label: "ML code / model", group: "model", role: "the ML code itself — a small box in a big system", synonyms: ["ml code", "model", "models", "training", "trainer", "model training", "training pipeline", "ml model", "ranking model", "learner", "retraining"] },
  { id: "evaluation", label: "Evaluation pipeline", group: "ops", role: "decides offline whether a model is good enough to ship", synonyms: ["evaluation", "evaluation pipeline", "eval", "offline evaluation", "model evaluation", "model validation", "offline metrics", "ab test", "a b test", "experimentation", "backtest"] },
  { id: "monitoring", label: "Monitoring", group: "ops", role: "watches data, predictions and quality in production", synonyms: ["monitoring", "monitor", "model monitoring", "alerting", "alerts", "observability", "drift detection"] },
  { id: "serving", label: "Serving infrastructure", group: "ops", role: "answers ranking requests within the latency budget", synonyms: ["serving", "serving infrastructure", "serve", "inference", "online inference", "prediction service", "prediction server", "model server", "model serving", "ranking service", "deployment", "deploy", "api", "endpoint", "serving logs"] },
  { id: "analysis", label: "Analysis tools", group: "ops", role: "lets you slice metrics and debug errors", synonyms: ["analysis tools", "analysis", "analytics", "error analysis", "dashboards", "dashboard", "notebooks", "reporting", "debugging tools", "insights"] },
  { id: "configuration", label: "Configuration", group: "support", role: "versions models, features and thresholds so changes are safe and reproducible", synonyms: ["configuration", "config", "configs", "settings", "feature flags", "config management", "hyperparameters"] },
  { id: "process-management", label: "Process management", group: "support", role: "schedules and orchestrates the pipeline's jobs", synonyms: ["process management", "process manager", "orchestration", "orchestrator", "scheduler", "scheduling", "workflow", "workflow manager", "pipeline orchestration", "airflow", "cron", "job scheduler"] },
  { id: "resource-management", label: "Resource management", group: "support", role: "allocates the compute and storage every stage runs on", synonyms: ["resource management", "resource manager", "resources", "compute", "cluster", "cluster management", "gpu", "gpus", "kubernetes", "k8s", "autoscaling", "infrastructure management"] },
];

const edge = (source: string, target: string, kind: ReferenceEdgeKind, carries: string, isBidirectional = false): ReferenceEdge => ({
  id: `${source}->${target}`, source, target, kind, isBidirectional, carries,
});

const EDGES: readonly ReferenceEdge[] = [
  edge("collection", "verification", "required", "raw logged interactions"),
  edge("verification", "extraction", "required", "validated, cleaned rows"),
  edge("extraction", "feature-store", "required", "computed features"),
  edge("feature-store", "model", "required", "training features"),
  edge("model", "evaluation", "required", "the trained model"),
  edge("evaluation", "monitoring", "required", "baseline metrics to watch against"),
  edge("evaluation", "analysis", "required", "metrics and slices to analyse"),
  edge("monitoring", "serving", "required", "alerts and rollbacks (telemetry flows back)", true),
  edge("extraction", "model", "optional", "features (the notebook's arrow drops from extraction)"),
  edge("model", "serving", "optional", "the deployed model"),
  edge("evaluation", "serving", "optional", "the model that passed evaluation"),
  edge("monitoring", "model", "optional", "a retraining trigger"),
  edge("feature-store", "serving", "optional", "online feature lookups", true),
  edge("serving", "collection", "e6", "serving logs: tomorrow's training data (the feedback loop)"),
  edge("monitoring", "collection", "e6", "production signals fed back into collection (the feedback loop)"),
];

export const DEFAULT_REFERENCE: DiagramReference = {
  components: COMPONENTS,
  edges: EDGES,
  supportComponentIds: ["configuration", "process-management", "resource-management"],
  storeSplit: {
    componentId: "feature-store",
    offline: ["offline", "batch", "historical", "training store", "warehouse"],
    online: ["online", "real time", "realtime", "low latency", "serving store", "cache"],
  },
};

/** The quick-add palette: one label per reference component, in notebook order. */
export const REFERENCE_COMPONENT_LABELS: readonly string[] = COMPONENTS.map((c) => c.label);
