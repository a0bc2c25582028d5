/** Stage `clean`: drop exact duplicates and null actions; keep time order. */
import { cleanEvents } from "../collection/clean";
import type { PipelineContext } from "../pipeline-context";

export async function cleanStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { table, report } = cleanEvents(ctx.rawSorted!);
  ctx.clean = table;
  ctx.result.rows.clean = report.rowsOut;
  ctx.result.rows.nullActions = report.nullActions;
  ctx.result.rows.duplicates = report.duplicates;
  return { ...report };
}
