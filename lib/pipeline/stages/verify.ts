/** Stage `verify`: infer the schema from the training window, validate the whole file and each serving-period batch. */
import type { PipelineContext } from "../pipeline-context";
import { iso } from "../pipeline-context";
import { lowerBound } from "../sorted";
import { inferSchema } from "../verification/schema";
import { computeStatistics, countDuplicatesAndActions } from "../verification/statistics";
import { validateStatistics } from "../verification/validate";

export async function verifyStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const t = ctx.rawSorted!;
  const cut = lowerBound(t.ts, ctx.cutoff, t.n);
  const ref = computeStatistics(t, 0, cut);
  const schema = inferSchema(ref);
  ctx.schema = schema;
  const fileAnomalies = validateStatistics(ref, schema);
  const batches: { at: string; anomalies: ReturnType<typeof validateStatistics> }[] = [];
  const day = 86_400;
  for (let s = ctx.cutoff; s <= ctx.endAt; s += day) {
    const a = lowerBound(t.ts, s, t.n);
    const b = lowerBound(t.ts, s + day, t.n);
    if (b - a < 50) continue;
    batches.push({ at: iso(s) ?? "", anomalies: validateStatistics(computeStatistics(t, a, b), schema) });
  }
  const whole = countDuplicatesAndActions(t);
  ctx.result.verification = { schema: schema.columns, fileAnomalies, batches };
  ctx.result.rows.duplicates = whole.duplicates;
  return { referenceRows: cut, anomaliesInServingBatches: batches.reduce((n, b) => n + b.anomalies.length, 0), nullActionRate: 1 - whole.actionPresent / Math.max(1, t.n) };
}
