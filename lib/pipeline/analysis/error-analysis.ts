/** Error analysis: slices ranked by how much worse than overall they are (log loss), with calibration. */
import type { ModelEvaluation, SliceMetrics } from "../evaluation/evaluate";

export type SliceError = SliceMetrics & { logLossGap: number; share: number };

export function rankSliceErrors(ev: ModelEvaluation): SliceError[] {
  return ev.slices
    .map((s) => ({ ...s, logLossGap: s.logLoss - ev.overall.logLoss, share: s.n / Math.max(1, ev.overall.n) }))
    .sort((a, b) => b.logLossGap * b.share - a.logLossGap * a.share);
}
