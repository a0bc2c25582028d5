/** Stage `features`: point-in-time examples for every labeled event (or the seed's leaky ones). */
import { indexEntities } from "../features/aggregate-state";
import { extractExamples, extractLeakyExamples, labeledRows } from "../features/extract-examples";
import { createFeatureSpec } from "../features/spec";
import type { PipelineContext } from "../pipeline-context";

export async function featuresStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const events = ctx.clean!;
  const isLeaky = config.knobs.labelLeakage;
  const spec = createFeatureSpec(isLeaky ? "seed" : "standard", config.features.windowsDays, config.features.priorStrength, config.features.priorRates);
  const index = indexEntities(events);
  const rows = labeledRows(events);
  const examples = isLeaky ? extractLeakyExamples({ events, index, spec, rows }) : extractExamples({ events, index, spec, rows }).examples;
  let nTrainAll = 0;
  while (nTrainAll < examples.n && examples.ts[nTrainAll]! < ctx.cutoff) nTrainAll++;
  ctx.nVal = Math.floor(nTrainAll * config.split.validationFraction);
  ctx.nTrain = nTrainAll - ctx.nVal;
  Object.assign(ctx, { spec, index, labeled: rows, examples });
  Object.assign(ctx.result.rows, { labeled: examples.n, train: ctx.nTrain, validation: ctx.nVal, test: examples.n - nTrainAll });
  ctx.result.data.users = index.nUsers;
  ctx.result.data.posts = index.nPosts;
  ctx.result.features = { kind: spec.kind, isPointInTime: !isLeaky, names: spec.names, windowsDays: spec.windowsDays };
  if (ctx.nTrain < 20 || examples.n - nTrainAll < 20) throw new Error(`Expected at least 20 training and 20 test examples, got ${ctx.nTrain} and ${examples.n - nTrainAll}`);
  return { examples: examples.n, dim: spec.dim, train: ctx.nTrain, validation: ctx.nVal, test: examples.n - nTrainAll, pointInTime: !isLeaky };
}
