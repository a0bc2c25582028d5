/** Mutable state shared by the stages of one run (never returned; the result is built from it). */
import type { EventTable } from "./collection/event-table";
import type { PipelineConfig } from "./config/schema";
import type { ExampleSet } from "./features/extract-examples";
import type { EntityIndex } from "./features/aggregate-state";
import type { FeatureSpec } from "./features/spec";
import type { FeatureStore } from "./feature-store/types";
import type { TrainedModel } from "./model/types";
import type { PipelinePorts } from "./ports";
import type { PipelineResult } from "./result-types";
import type { Schema } from "./verification/schema";
import type { ScoreRequest } from "./serving/scorer";

export type PipelineContext = {
  config: PipelineConfig;
  ports: PipelinePorts;
  store: FeatureStore;
  result: PipelineResult;
  raw?: EventTable;
  rawSorted?: EventTable;
  hiddenLogit?: Float32Array;
  startAt: number;
  endAt: number;
  cutoff: number;
  faultAt: number;
  schema?: Schema;
  clean?: EventTable;
  index?: EntityIndex;
  spec?: FeatureSpec;
  labeled?: Int32Array;
  examples?: ExampleSet;
  nTrain: number;
  nVal: number;
  models: Partial<Record<"logistic" | "mlp", TrainedModel>>;
  testProbs: Partial<Record<"logistic" | "mlp", Float32Array>>;
  latencySamplesMs?: Float64Array;
  /** Online-store snapshot time and the previous materialisation kept by the scorer. */
  snapshotAt: number;
  lastGood?: { user: Map<number, Float64Array>; post: Map<number, Float64Array> };
  servingRequests: ScoreRequest[];
};

export const primaryModel = (ctx: PipelineContext): "logistic" | "mlp" => (ctx.models.mlp ? "mlp" : "logistic");
export const iso = (seconds: number) => (Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null);
