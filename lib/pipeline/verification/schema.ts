/**
 * Schema inferred from a reference window (TFDV's infer_schema): required columns, presence
 * (minimum fraction present), category domains, value types and ranges.
 */
import type { BatchStatistics } from "./statistics";

export type ColumnSchema = {
  name: string;
  type: "INT" | "STRING" | "TIMESTAMP";
  /** Minimum fraction of rows where the value is present, 0..1. */
  minFraction: number;
  domain?: string[];
  min?: number;
  max?: number;
};

export type Schema = { columns: ColumnSchema[]; maxDuplicateRate: number; referenceRows: number; referenceDistributions: Record<string, Record<string, number>> };

/** Presence slack below the reference fraction before it is an anomaly. */
const PRESENCE_SLACK = 0.1;

const share = (counts: Record<string, number>, total: number) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, total ? v / total : 0]));

export function inferSchema(ref: BatchStatistics): Schema {
  const rows = Math.max(1, ref.rows);
  const fraction = (present: number) => Math.max(0, Math.floor((present / rows - PRESENCE_SLACK) * 100) / 100);
  return {
    referenceRows: ref.rows,
    maxDuplicateRate: Math.max(0.02, (2 * ref.duplicates) / rows),
    columns: [
      { name: "user_id", type: "INT", minFraction: 1, min: 0 },
      { name: "post_id", type: "INT", minFraction: 1, min: 0 },
      { name: "timestamp", type: "TIMESTAMP", minFraction: 1, min: ref.timestamp.min },
      { name: "action", type: "STRING", minFraction: fraction(ref.action.present), domain: Object.keys(ref.action.counts) },
      { name: "device", type: "STRING", minFraction: fraction(ref.device.present), domain: Object.keys(ref.device.counts) },
    ],
    referenceDistributions: {
      action: share(ref.action.counts, ref.action.present),
      device: share(ref.device.counts, ref.device.present),
    },
  };
}
