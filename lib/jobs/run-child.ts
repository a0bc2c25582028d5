/**
 * Child process that runs one pipeline: the worker forks it per run so that cancelling or passing
 * the deadline kills the training outright (freeing the CPU), and TF.js memory goes with the process.
 * After a successful run it stores the served model and copies the online views into PostgreSQL
 * (namespace = run id) for /api/predict.
 * Protocol (IPC): parent sends { runId, config }; child sends { type: "progress", progress } … then
 * { type: "result", result } or { type: "error", message }, and exits.
 */
import { analyzeOnlineStore, createPostgresFeatureStore, dropFeatureNamespace, lowerSessionPriority } from "@/lib/db/features";
import { saveModelVersion } from "@/lib/db/models";
import { createInMemoryFeatureStore, parsePipelineConfig, runPipeline, type PipelineResult, type StageProgress } from "@/lib/pipeline";
import type { ServingBundle } from "@/lib/pipeline/serving/bundle";
import { createNodePorts } from "./node-ports";
import { pipelineNice } from "./priority";
import { createTeeStore } from "./tee-store";

export type ChildMessage =
  | { type: "progress"; progress: StageProgress }
  | { type: "result"; result: PipelineResult & { peakRssMb: number } }
  | { type: "error"; message: string };

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

// If the worker that forked us dies, stop: its run will be reclaimed and retried elsewhere, and an
// orphan must not write a second model version for it.
process.once("disconnect", () => process.exit(1));

process.once("message", (raw: unknown) => {
  void (async () => {
    try {
      const { runId, config: input } = raw as { runId: string; config: unknown };
      const config = parsePipelineConfig(input as never);
      const tee = createTeeStore(createInMemoryFeatureStore());
      let bundle: ServingBundle | null = null;
      const node = createNodePorts();
      const result = await runPipeline(
        config,
        { ...node.ports, featureStore: tee.store },
        { onProgress: (progress) => void send({ type: "progress", progress }), onServingBundle: (b) => void (bundle = b) },
      );
      if (result.status === "succeeded" && bundle) {
        // The copy is batch work like the training: its database backend runs niced too.
        await lowerSessionPriority(pipelineNice());
        await dropFeatureNamespace({ namespace: runId }); // a retried run starts clean
        await tee.copyOnlineTo(createPostgresFeatureStore({ namespace: runId }));
        await analyzeOnlineStore(); // fresh planner statistics after a bulk load
        await saveModelVersion({ runId, bundle });
      }
      await send({ type: "result", result: { ...result, peakRssMb: Math.round(node.peakRssBytes() / 1_048_576) } });
      process.exit(0);
    } catch (error) {
      await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  })();
});
