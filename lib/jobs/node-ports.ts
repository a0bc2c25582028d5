/** The engine's ports in a Node process: wall clock, high-resolution timer, and a memory probe that tracks peak RSS. */
import { performance } from "node:perf_hooks";
import type { PipelinePorts } from "@/lib/pipeline";

export function createNodePorts(): { ports: Pick<PipelinePorts, "clock" | "timer" | "memory">; peakRssBytes: () => number } {
  let peak = 0;
  return {
    ports: {
      clock: () => new Date(),
      timer: () => performance.now(),
      memory: () => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, externalBytes: m.external + m.arrayBuffers };
      },
    },
    peakRssBytes: () => peak,
  };
}
