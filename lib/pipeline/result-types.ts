/**
 * The run result: plain JSON-serialisable data (no typed arrays, no class instances) so the job
 * runner can store it in PostgreSQL and the dashboard can chart it. NaN/Infinity serialise as null.
 */
import type { PipelineConfig } from "./config/schema";
import type { ModelEvaluation } from "./evaluation/evaluate";
import type { Freshness } from "./feature-store/types";
import type { MonitoringReport } from "./monitoring/monitor";
import type { FeatureImportance } from "./analysis/importance";
import type { SliceError } from "./analysis/error-analysis";
import type { StageReport } from "./process/dag";
import type { CapacityRow } from "./resources/capacity";
import type { LatencySummary } from "./serving/latency";
import type { Anomaly } from "./verification/validate";
import type { ColumnSchema } from "./verification/schema";
import type { EpochLog } from "./model/types";

export type ModelMetrics = { auc: number; prAuc: number; logLoss: number; ne: number; calibration: number; aucStdErr: number };

export type PipelineResult = {
  resultVersion: 1;
  runAt: string;
  config: PipelineConfig;
  scenario: { id: string; title: string; description: string; expectFiring: string[]; expectGreen: string[] };
  backend: { name: string; isFallback: boolean; note?: string };
  status: "succeeded" | "failed";
  error: string | null;
  rows: { in: number; clean: number; malformed: number; duplicates: number; nullActions: number; labeled: number; train: number; validation: number; test: number };
  data: {
    source: "simulate" | "file";
    users: number;
    posts: number;
    startAt: string | null;
    endAt: string | null;
    cutoffAt: string | null;
    faultAt: string | null;
    malformedSamples: { line: number; reason: string }[];
    missingColumns: string[];
    extraColumns: string[];
    oracleAuc: number | null;
    faults: Record<string, number>;
  };
  stages: StageReport[];
  stageSeconds: Record<string, number>;
  verification: { schema: ColumnSchema[]; fileAnomalies: Anomaly[]; batches: { at: string; anomalies: Anomaly[] }[] };
  features: { kind: "standard" | "seed"; isPointInTime: boolean; names: string[]; windowsDays: number[] };
  featureStore: { views: { name: string; version: number; entity: string; ttlSeconds: number }[]; freshness: Freshness[] };
  models: Record<string, { parameterCount: number; bestEpoch: number; hasStoppedEarly: boolean; history: EpochLog[]; trainSeconds: number; coefficients?: { feature: string; weight: number }[] }>;
  metrics: Record<string, ModelMetrics>;
  validation: Record<string, ModelMetrics>;
  evaluation: Record<string, ModelEvaluation>;
  serving: {
    model: string;
    requests: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    latency: LatencySummary | null;
    fallbacks: Record<string, number>;
    batchRows: number;
    batchRowsPerSecond: number;
  };
  monitoring: MonitoringReport | null;
  alerts: { component: string; kind: string; severity: string; state: string; hasFired: boolean; firstFiredAt: string | null; maxValue: number; threshold: number }[];
  analysis: { importance: FeatureImportance[]; sliceErrors: SliceError[] };
  resources: { peakRssMb: number | null; capacity: CapacityRow[]; extrapolation: { rows: number; seconds: Record<string, number> }[] };
  tensors: { before: number; after: number };
};
