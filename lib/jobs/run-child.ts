/**
 * Child process that runs one pipeline: the worker forks it per run so that cancelling or passing
 * the deadline kills the training outright (freeing the CPU), and TF.js memory goes with the process.
 * Protocol (IPC): parent sends { config }; child sends { type: "progress", progress } … then
 * { type: "result", result } or { type: "error", message }, and exits.
 */
import { performance } from "node:perf_hooks";
import { parsePipelineConfig, runPipeline, type PipelineResult, type StageProgress } from "@/lib/pipeline";

export type ChildMessage =
  | { type: "progress"; progress: StageProgress }
  | { type: "result"; result: PipelineResult & { peakRssMb: number } }
  | { type: "error"; message: string };

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

process.once("message", (raw: unknown) => {
  void (async () => {
    try {
      const config = parsePipelineConfig((raw as { config?: unknown }).config as never);
      let peak = 0;
      const result = await runPipeline(
        config,
        {
          clock: () => new Date(),
          timer: () => performance.now(),
          memory: () => {
            const m = process.memoryUsage();
            peak = Math.max(peak, m.rss);
            return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, externalBytes: m.external + m.arrayBuffers };
          },
        },
        { onProgress: (progress) => void send({ type: "progress", progress }) },
      );
      await send({ type: "result", result: { ...result, peakRssMb: Math.round(peak / 1_048_576) } });
      process.exit(0);
    } catch (error) {
      await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  })();
});
