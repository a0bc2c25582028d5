/** Stage `verify`: infer the schema from the training window, validate the whole file and each serving-period batch. */
import type { PipelineContext } from "../pipeline-context";
import { iso } from "../pipeline-context";
import { inferSchema } from "../verification/schema";
import { computeStatistics } from "../verification/statistics";
import { validateStatistics } from "../verification/validate";

function lowerBound(ts: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function verifyStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const t = ctx.rawSorted!;
  const cut = lowerBound(t.ts, t.n, ctx.cutoff);
  const ref = computeStatistics(t, 0, cut);
  const schema = inferSchema(ref);
  ctx.schema = schema;
  const fileAnomalies = validateStatistics(ref, schema);
  const batches: { at: string; anomalies: ReturnType<typeof validateStatistics> }[] = [];
  const day = 86_400;
  for (let s = ctx.cutoff; s <= ctx.endAt; s += day) {
    const a = lowerBound(t.ts, t.n, s);
    const b = lowerBound(t.ts, t.n, s + day);
    if (b - a < 50) continue;
    batches.push({ at: iso(s) ?? "", anomalies: validateStatistics(computeStatistics(t, a, b), schema) });
  }
  const whole = computeStatistics(t);
  ctx.result.verification = { schema: schema.columns, fileAnomalies, batches };
  ctx.result.rows.duplicates = whole.duplicates;
  return { referenceRows: cut, anomaliesInServingBatches: batches.reduce((n, b) => n + b.anomalies.length, 0), nullActionRate: 1 - whole.action.present / Math.max(1, whole.rows) };
}
