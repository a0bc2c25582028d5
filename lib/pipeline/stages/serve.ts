/** Stage `serve`: per-request scoring through the online store with fallbacks and a latency histogram; batch scoring throughput. */
import { predictBatch, createRowScorer } from "../model/predict";
import { primaryModel } from "../pipeline-context";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng } from "../random";
import { summarizeLatencies } from "../serving/latency";
import { createScorer } from "../serving/scorer";
import type { Fallback } from "../serving/scorer";
import { sliceExamples } from "./slice-examples";

export async function serveStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config, ports } = ctx;
  const kind = primaryModel(ctx);
  const model = ctx.models[kind]!;
  const ex = ctx.examples!;
  const testFrom = ctx.nTrain + ctx.nVal;
  const test = sliceExamples(ex, testFrom, ex.n);
  const spec = ctx.spec!;
  // popularity fallback: rank of the post's like count at the snapshot, mapped to [0.5·base, 1.5·base]
  const likes = new Map<number, number>();
  for (const [id, row] of ctx.lastGood!.post) likes.set(id, row[1] ?? 0);
  const baseRate = ex.y.subarray(0, ctx.nTrain).reduce((a, b) => a + b, 0) / Math.max(1, ctx.nTrain);
  const maxLikes = Math.max(1, ...likes.values());
  const scorer = createScorer({
    spec, store: ctx.store, scoreRow: createRowScorer(model), timer: ports.timer, ttlSeconds: config.featureStore.ttlHours * 3600,
    lastGood: ctx.lastGood!, isSkewed: config.knobs.servingSkew,
    popularity: (postId) => baseRate * (0.5 + (likes.get(postId) ?? 0) / maxLikes),
    fault: { extraLatencyMs: config.knobs.lookupLatencyMs, failureRate: config.knobs.lookupFailureRate, rng: deriveRng(config.seed, "lookup-fault") },
  });
  const requests = ctx.servingRequests;
  const latencies = new Float64Array(config.serving.requests);
  const fallbacks: Record<Fallback, number> = { none: 0, defaults: 0, "last-good-snapshot": 0, popularity: 0 };
  for (let r = 0; r < requests.length; r++) {
    const res = await scorer(requests[r]!);
    if (r >= config.serving.warmup) {
      latencies[r - config.serving.warmup] = res.latencyMs;
      fallbacks[res.fallback]++;
    }
  }
  ctx.latencySamplesMs = latencies;
  const latency = summarizeLatencies(latencies);
  const batchRows = Math.min(config.serving.batchRows, test.n);
  const t0 = ports.timer();
  predictBatch(model, test.x, batchRows);
  const batchSeconds = (ports.timer() - t0) / 1000;
  ctx.result.serving = {
    model: kind, requests: config.serving.requests, p50Ms: latency.p50Ms, p95Ms: latency.p95Ms, p99Ms: latency.p99Ms, latency,
    fallbacks, batchRows, batchRowsPerSecond: batchRows / Math.max(batchSeconds, 1e-9),
  };
  return { p50Ms: latency.p50Ms, p99Ms: latency.p99Ms, fallbacks };
}
