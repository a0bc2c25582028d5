/**
 * runPipeline(config, ports, { onProgress }): composes the stages as a DAG over the ports and
 * returns a plain-data PipelineResult. Same config + seed ⇒ identical metrics (timings aside).
 * A failing stage does not throw: the result carries status "failed", the stage's error and the
 * reports of the stages that ran (a bad input file is a value, not a crash).
 */
import { parsePipelineConfig } from "./config/parse-config";
import type { PipelineConfig, PipelineConfigInput } from "./config/schema";
import { createInMemoryFeatureStore } from "./feature-store/in-memory";
import { initTf, tf } from "./model/tf";
import type { PipelineContext } from "./pipeline-context";
import type { PipelinePorts, RunOptions } from "./ports";
import { runDag } from "./process/dag";
import type { StageDef } from "./process/dag";
import { extrapolateStageCost } from "./resources/capacity";
import type { PipelineResult } from "./result-types";
import { getScenario } from "./scenarios/catalog";
import { analyzeStage } from "./stages/analyze";
import { cleanStage } from "./stages/clean";
import { collectStage } from "./stages/collect";
import { evaluateStage } from "./stages/evaluate";
import { featureStoreStage } from "./stages/feature-store";
import { featuresStage } from "./stages/features";
import { monitorStage } from "./stages/monitor";
import { serveStage } from "./stages/serve";
import { trainStage } from "./stages/train";
import { verifyStage } from "./stages/verify";

type Stage = StageDef<PipelineContext>;

export function pipelineStages(config: PipelineConfig): Stage[] {
  const trains: Stage[] = config.model.kinds.map((kind) => ({ name: `train-${kind}`, dependsOn: ["features"], weight: kind === "mlp" ? 8 : 2, run: trainStage(kind) }));
  const trainNames = trains.map((s) => s.name);
  return [
    { name: "collect", dependsOn: [], weight: 2, run: collectStage },
    { name: "verify", dependsOn: ["collect"], weight: 1, run: verifyStage },
    { name: "clean", dependsOn: ["verify"], weight: 0.5, run: cleanStage },
    { name: "features", dependsOn: ["clean"], weight: 2, run: featuresStage },
    { name: "feature-store", dependsOn: ["features"], weight: 1, run: featureStoreStage },
    ...trains,
    { name: "evaluate", dependsOn: trainNames, weight: 1, run: evaluateStage },
    { name: "serve", dependsOn: ["evaluate", "feature-store"], weight: 1, run: serveStage },
    { name: "monitor", dependsOn: ["serve"], weight: 2, run: monitorStage },
    { name: "analyze", dependsOn: ["monitor"], weight: 1, run: analyzeStage },
  ];
}

function emptyResult(config: PipelineConfig, runAt: string): PipelineResult {
  const s = getScenario(config.scenario);
  return {
    resultVersion: 1, runAt, config, status: "succeeded", error: null,
    scenario: { id: s.id, title: s.title, description: s.description, expectFiring: s.expectFiring, expectGreen: s.expectGreen },
    backend: { name: "unknown", isFallback: false },
    rows: { in: 0, clean: 0, malformed: 0, duplicates: 0, nullActions: 0, labeled: 0, train: 0, validation: 0, test: 0 },
    data: { source: config.data.source, users: 0, posts: 0, startAt: null, endAt: null, cutoffAt: null, faultAt: null, malformedSamples: [], missingColumns: [], extraColumns: [], oracleAuc: null, faults: {} },
    stages: [], stageSeconds: {},
    verification: { schema: [], fileAnomalies: [], batches: [] },
    features: { kind: "standard", isPointInTime: true, names: [], windowsDays: config.features.windowsDays },
    featureStore: { views: [], freshness: [] },
    models: {}, metrics: {}, validation: {}, evaluation: {},
    serving: { model: "", requests: 0, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, latency: null, fallbacks: {}, batchRows: 0, batchRowsPerSecond: NaN },
    monitoring: null, alerts: [], analysis: { importance: [], sliceErrors: [] },
    resources: { peakRssMb: null, capacity: [], extrapolation: [] },
    tensors: { before: 0, after: 0 },
  };
}

import { serializeModel } from "./serving/bundle";

export async function runPipeline(input: PipelineConfig | PipelineConfigInput, ports: PipelinePorts, options: RunOptions & { only?: string[] } = {}): Promise<PipelineResult> {
  const config = parsePipelineConfig(input);
  const backend = await initTf();
  const result = emptyResult(config, ports.clock().toISOString());
  result.backend = { name: backend.name, isFallback: backend.isFallback, ...(backend.note ? { note: backend.note } : {}) };
  result.tensors.before = tf.memory().numTensors;
  const ctx: PipelineContext = {
    config, ports, store: ports.featureStore ?? createInMemoryFeatureStore(), result,
    startAt: NaN, endAt: NaN, cutoff: NaN, faultAt: NaN, snapshotAt: NaN, nTrain: 0, nVal: 0, models: {}, testProbs: {}, servingRequests: [],
  };
  let peak = 0;
  const memory = ports.memory;
  const probe = memory
    ? () => {
        const m = memory();
        peak = Math.max(peak, m.rssBytes);
        return m;
      }
    : undefined;
  const stages = await runDag(pipelineStages(config), ctx, { timer: ports.timer, ...(probe ? { memory: probe } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.only ? { only: options.only } : {}) });
  result.stages = stages;
  result.stageSeconds = Object.fromEntries(stages.map((s) => [s.name, s.seconds]));
  for (const kind of ["logistic", "mlp"] as const) {
    const m = result.models[kind];
    if (m) m.trainSeconds = result.stageSeconds[`train-${kind}`] ?? 0;
  }
  const failed = stages.find((s) => s.status === "failed");
  if (failed) {
    result.status = "failed";
    result.error = `${failed.name}: ${failed.error}`;
  }
  result.resources.peakRssMb = probe ? Math.round((peak / 1_048_576) * 10) / 10 : null;
  result.resources.extrapolation = extrapolateStageCost(result.stageSeconds, result.rows.in);
  result.tensors.after = tf.memory().numTensors;
  const primary = ctx.models.mlp ?? ctx.models.logistic;
  if (options.onServingBundle && result.status === "succeeded" && primary && ctx.spec && ctx.examples) {
    const y = ctx.examples.y.subarray(0, ctx.nTrain);
    await options.onServingBundle({
      bundleVersion: 1, model: serializeModel(primary), spec: ctx.spec, ttlSeconds: config.featureStore.ttlHours * 3600,
      snapshotAt: ctx.snapshotAt, servingNow: ctx.endAt + 1, isSkewed: config.knobs.servingSkew,
      baseRate: y.reduce((a, b) => a + b, 0) / Math.max(1, ctx.nTrain),
    });
  }
  return result;
}
