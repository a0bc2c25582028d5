/**
 * One zod-validated config object for a run. It is stored with every run; the same config (and
 * its seed) replays identical results. Scenario presets only set `knobs`.
 * @see ../../../../shared/STYLE.md §4 (parsePipelineConfig fills defaults, names the bad value)
 */
import { z } from "zod";

const SCENARIO_ENUM = [
  "baseline", "stale-features", "null-spike", "schema-change", "concept-drift",
  "training-serving-skew", "label-leakage", "serving-latency", "feedback-loop",
] as const;

export const knobsSchema = z.object({
  /** Hours the online snapshot lags the serving time (0 = materialised continuously). */
  snapshotLagHours: z.number().min(0).max(24 * 30).default(0),
  /** Device null rate after the fault starts (0 = no spike), 0..1. */
  nullSpikeRate: z.number().min(0).max(1).default(0),
  /** Device sent as an integer code after the fault starts. */
  schemaChange: z.boolean().default(false),
  /** Preferences swap between activity-matched users after the fault starts. */
  conceptDrift: z.boolean().default(false),
  /** Online features built with other windows and defaults than training. */
  servingSkew: z.boolean().default(false),
  /** Seed-style features over all rows (test rows included). */
  labelLeakage: z.boolean().default(false),
  /** Extra median latency of an online lookup, ms. */
  lookupLatencyMs: z.number().min(0).max(10_000).default(0),
  /** Share of online lookups that time out, 0..1. */
  lookupFailureRate: z.number().min(0).max(1).default(0),
  /** Exponent on model score for next-day exposure (0 = no loop). */
  feedbackLoopStrength: z.number().min(0).max(20).default(0),
  /** Where in the monitoring period the fault starts, 0..1. */
  faultAtFraction: z.number().min(0).max(0.95).default(0.35),
});

export const capacitySchema = z.object({
  sessionsPerUserPerDay: z.number().positive().default(2),
  requestsPerSession: z.number().positive().default(5),
  candidatesPerRequest: z.number().int().positive().default(500),
  peakToAverage: z.number().min(1).default(3),
  featureBytesPerEntity: z.number().int().positive().default(512),
  postsPerUser: z.number().positive().default(0.1),
  impressionsPerSession: z.number().positive().default(30),
  bytesPerLoggedEvent: z.number().int().positive().default(200),
  scoresPerSecondPerReplica: z.number().positive().default(200_000),
  replicaCostPerHourUsd: z.number().positive().default(0.5),
  storageCostPerGbMonthUsd: z.number().positive().default(0.1),
});

export const pipelineConfigSchema = z.object({
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  scenario: z.enum(SCENARIO_ENUM).default("baseline"),
  data: z.object({
    source: z.enum(["simulate", "file"]).default("simulate"),
    users: z.number().int().min(10).max(50_000_000).default(2_000),
    events: z.number().int().min(100).max(50_000_000).default(20_000),
    /** 0 = events / 2, capped at 100k like the anchor generator. */
    posts: z.number().int().min(0).max(50_000_000).default(0),
    days: z.number().int().min(7).max(365).default(30),
    startAt: z.string().datetime().default("2024-01-01T00:00:00Z"),
    nullActionRate: z.number().min(0).max(0.9).default(0.15),
    nullDeviceRate: z.number().min(0).max(0.9).default(0.05),
    duplicateRate: z.number().min(0).max(0.5).default(0.01),
  }).prefault({}),
  split: z.object({
    /** Last fraction of labeled rows by time held out for test / monitoring. */
    testFraction: z.number().min(0.05).max(0.5).default(0.2),
    /** Last fraction of the training rows used for early stopping. */
    validationFraction: z.number().min(0.05).max(0.4).default(0.1),
  }).prefault({}),
  features: z.object({
    windowsDays: z.array(z.number().positive().max(365)).min(1).max(4).default([1, 7, 30]),
    /** Pseudo-count of the Bayesian smoothing of rates towards the running global rate. */
    priorStrength: z.number().min(0).max(1000).default(5),
    /** Prior like, dislike and share rates for smoothing, each 0..1. */
    priorRates: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.2, 0.05, 0.05]),
  }).prefault({}),
  model: z.object({
    kinds: z.array(z.enum(["logistic", "mlp"])).min(1).default(["logistic", "mlp"]),
    batchSize: z.number().int().min(16).max(65_536).default(2_048),
    maxEpochs: z.number().int().min(1).max(200).default(8),
    /** Epochs without validation improvement before stopping. */
    patience: z.number().int().min(0).max(20).default(1),
    learningRate: z.number().positive().max(1).default(0.01),
    hiddenUnits: z.array(z.number().int().min(1).max(512)).min(1).max(4).default([32, 16]),
    /** Batch size of the logistic-regression baseline (cheap steps, so larger). */
    logisticBatchSize: z.number().int().min(16).max(65_536).default(16_384),
    logisticLearningRate: z.number().positive().max(1).default(0.05),
    /** The convex baseline converges in a few passes; its own epoch cap keeps it cheap. */
    logisticMaxEpochs: z.number().int().min(1).max(200).default(4),
    l2: z.number().min(0).max(1).default(1e-5),
  }).prefault({}),
  evaluation: z.object({
    /** Decision threshold for precision/recall, 0..1. */
    threshold: z.number().min(0).max(1).default(0.3),
    reliabilityBins: z.number().int().min(2).max(50).default(10),
    rocPoints: z.number().int().min(10).max(1000).default(101),
  }).prefault({}),
  featureStore: z.object({
    ttlHours: z.number().positive().max(24 * 365).default(24),
  }).prefault({}),
  monitoring: z.object({
    tickHours: z.number().positive().max(24 * 7).default(12),
    /** Ticks a condition must hold before an alert fires (Prometheus `for:`). */
    forTicks: z.number().int().min(0).max(50).default(2),
    labelDelayHours: z.number().min(0).max(24 * 7).default(24),
    psiThreshold: z.number().positive().default(0.25),
    nullRateIncrease: z.number().positive().max(1).default(0.1),
    predictionPsiThreshold: z.number().positive().default(0.2),
    aucDropThreshold: z.number().positive().max(0.5).default(0.03),
    neRiseThreshold: z.number().positive().max(1).default(0.04),
    offlineOnlineGap: z.number().positive().max(0.5).default(0.08),
    skewThreshold: z.number().positive().default(0.35),
    p99LatencyMs: z.number().positive().default(10),
  }).prefault({}),
  serving: z.object({
    requests: z.number().int().min(10).max(1_000_000).default(2_000),
    warmup: z.number().int().min(0).max(100_000).default(200),
    batchRows: z.number().int().min(10).max(10_000_000).default(100_000),
  }).prefault({}),
  knobs: knobsSchema.prefault({}),
  capacity: capacitySchema.prefault({}),
});

export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;
export type PipelineConfigInput = z.input<typeof pipelineConfigSchema>;
export type ScenarioKnobs = z.infer<typeof knobsSchema>;
export type CapacityAssumptions = z.infer<typeof capacitySchema>;
