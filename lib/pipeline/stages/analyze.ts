/** Stage `analyze`: permutation importance, slice error ranking, capacity model and cost extrapolation. */
import { rankSliceErrors } from "../analysis/error-analysis";
import { permutationImportance } from "../analysis/importance";
import { createRowScorer } from "../model/predict";
import { primaryModel } from "../pipeline-context";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng } from "../random";
import { capacityModel } from "../resources/capacity";

export async function analyzeStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const kind = primaryModel(ctx);
  const ex = ctx.examples!;
  const testFrom = ctx.nTrain + ctx.nVal;
  const importance = permutationImportance({
    x: ex.x.subarray(testFrom * ex.dim), y: ex.y.subarray(testFrom), n: ex.n - testFrom, dim: ex.dim, names: ex.names,
    score: createRowScorer(ctx.models[kind]!), rng: deriveRng(ctx.config.seed, "importance"), sample: 3000,
  });
  const ev = ctx.result.evaluation[kind];
  ctx.result.analysis = { importance, sliceErrors: ev ? rankSliceErrors(ev) : [] };
  ctx.result.resources.capacity = capacityModel(ctx.config.capacity);
  return { topFeature: importance[0]?.feature ?? null };
}
