/** Stage `evaluate`: metrics, curves and slices on the later-in-time test rows, plus validation metrics. */
import { evaluateModel, summarize } from "../evaluation/evaluate";
import { predictBatch } from "../model/predict";
import type { PipelineContext } from "../pipeline-context";
import type { ModelMetrics } from "../result-types";
import { sliceExamples } from "./slice-examples";

const pick = (m: ReturnType<typeof summarize>): ModelMetrics => ({ auc: m.auc, prAuc: m.prAuc, logLoss: m.logLoss, ne: m.ne, calibration: m.calibration, aucStdErr: m.aucStdErr });

export async function evaluateStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const ex = ctx.examples!;
  const testFrom = ctx.nTrain + ctx.nVal;
  const test = sliceExamples(ex, testFrom, ex.n);
  const out: Record<string, unknown> = {};
  for (const kind of ["logistic", "mlp"] as const) {
    const model = ctx.models[kind];
    if (!model) continue;
    const probs = predictBatch(model, test.x, test.n);
    ctx.testProbs[kind] = probs;
    const ev = evaluateModel({ spec: ctx.spec!, examples: test, probs, threshold: config.evaluation.threshold, rocPoints: config.evaluation.rocPoints, reliabilityBins: config.evaluation.reliabilityBins });
    ctx.result.evaluation[kind] = ev;
    ctx.result.metrics[kind] = pick(ev.overall);
    const val = sliceExamples(ex, ctx.nTrain, testFrom);
    ctx.result.validation[kind] = pick(summarize(val.y, predictBatch(model, val.x, val.n), config.evaluation.threshold));
    out[kind] = { auc: ev.overall.auc, ne: ev.overall.ne, calibration: ev.overall.calibration };
  }
  return out;
}
