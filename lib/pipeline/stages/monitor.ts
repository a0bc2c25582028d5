/**
 * Stage `monitor`: rebuild the features the online path actually served for each test event
 * (materialised hourly; lagging, skewed or defaulted per scenario), score them, apply the
 * feedback loop's exposure selection, and run the tick-by-tick monitor with alert life cycles.
 */
import { extractExamples } from "../features/extract-examples";
import { predictBatch } from "../model/predict";
import { runMonitoring } from "../monitoring/monitor";
import { primaryModel } from "../pipeline-context";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng, normal } from "../random";
import { percentile } from "../serving/latency";
import { sliceExamples } from "./slice-examples";

const HOUR = 3600;
const REFERENCE_DAYS = 7;

export async function monitorStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const k = config.knobs;
  const kind = primaryModel(ctx);
  const model = ctx.models[kind]!;
  const ex = ctx.examples!;
  const testFrom = ctx.nTrain + ctx.nVal;
  const rows = ctx.labeled!.subarray(testFrom);
  const asOf = new Float64Array(rows.length);
  const lag = k.snapshotLagHours * HOUR;
  for (let r = 0; r < rows.length; r++) {
    const t = ex.ts[testFrom + r]!;
    const hourly = t - (t % HOUR);
    asOf[r] = lag > 0 && t >= ctx.faultAt ? Math.min(hourly, t - lag) : hourly;
  }
  for (let r = 1; r < asOf.length; r++) if (asOf[r]! < asOf[r - 1]!) asOf[r] = asOf[r - 1]!;
  // the online path always computes honest point-in-time features (the label-leakage model meets them here)
  const served = extractExamples({
    events: ctx.clean!, index: ctx.index!, spec: ctx.spec!, rows, asOf, staleAfterSeconds: config.featureStore.ttlHours * HOUR,
    compose: { isSkewed: k.servingSkew }, skewFromTs: ctx.faultAt,
  });
  const servedProbs = predictBatch(model, served.examples.x, served.examples.n);
  const offline = sliceExamples(ex, testFrom, ex.n);
  let refFrom = 0;
  while (refFrom < testFrom && ex.ts[refFrom]! < ctx.cutoff - REFERENCE_DAYS * 86_400) refFrom++;
  const reference = sliceExamples(ex, refFrom, testFrom);
  const refProbs = predictBatch(model, reference.x, reference.n);
  let kept: Uint8Array | undefined;
  if (k.feedbackLoopStrength > 0) {
    const rng = deriveRng(config.seed, "feedback-loop");
    const meanP = refProbs.reduce((a, b) => a + b, 0) / Math.max(1, refProbs.length);
    kept = new Uint8Array(served.examples.n).fill(1);
    for (let r = 0; r < kept.length; r++) {
      const t = served.examples.ts[r]!;
      if (t < ctx.faultAt) continue;
      const days = 1 + Math.floor((t - ctx.faultAt) / 86_400);
      const w = Math.pow(servedProbs[r]! / meanP, k.feedbackLoopStrength * Math.min(days, 3));
      kept[r] = rng() < Math.min(1, 0.25 * w) ? 1 : 0;
    }
  }
  const latRng = deriveRng(config.seed, "tick-latency");
  const measured = ctx.latencySamplesMs ?? new Float64Array([0.01]);
  const report = runMonitoring({
    config, startAt: ctx.cutoff, endAt: ctx.endAt, rawSorted: ctx.rawSorted!, schema: ctx.schema!,
    reference: { examples: reference, probs: refProbs }, served: { examples: served.examples, probs: servedProbs },
    offline: { examples: offline, probs: ctx.testProbs[kind]! }, kept,
    baseline: { valAuc: ctx.result.validation[kind]!.auc, valNe: ctx.result.validation[kind]!.ne, offlineTestAuc: ctx.result.metrics[kind]!.auc },
    freshnessLagSeconds: (t) => (lag > 0 && t >= ctx.faultAt ? lag : t % HOUR),
    p99LatencyMs: (_tick, t0) => {
      const s = new Float64Array(200);
      const isFaulty = t0 >= ctx.faultAt && k.lookupLatencyMs > 0;
      for (let i = 0; i < s.length; i++) {
        s[i] = measured[Math.floor(latRng() * measured.length)]! + (isFaulty ? k.lookupLatencyMs * Math.exp(normal(latRng, 0, 0.6)) : 0);
      }
      return percentile(s.sort(), 99);
    },
  });
  ctx.result.monitoring = report;
  ctx.result.alerts = report.alerts
    .filter((a) => a.state !== "inactive" || a.hasFired)
    .map((a) => ({ component: a.component, kind: a.kind, severity: a.severity, state: a.state, hasFired: a.hasFired, firstFiredAt: a.firstFiredAt, maxValue: a.maxValue, threshold: a.threshold }));
  return { ticks: report.ticks.length, firing: report.alerts.filter((a) => a.hasFired).map((a) => a.kind), staleFallbacks: served.staleFallbacks };
}
