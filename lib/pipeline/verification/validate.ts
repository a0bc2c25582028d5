/**
 * Validates a batch's statistics against the schema the way TFDV reports anomalies: a type code,
 * a short description and a message saying what was expected and what arrived, with a severity.
 * Drift of categorical distributions uses the L-infinity distance (TFDV drift_comparator).
 * @see https://github.com/tensorflow/data-validation/blob/master/g3doc/anomalies.md
 */
import type { Schema } from "./schema";
import type { BatchStatistics } from "./statistics";

export type Severity = "ERROR" | "WARNING";
export type Anomaly = { column: string; type: string; shortDescription: string; description: string; severity: Severity; expected: string; actual: string };

export type ValidateOptions = { linfThreshold?: number; minRowsForDrift?: number };

const pct = (x: number) => (x < 0.01 && x > 0 ? "<1%" : `${Math.round(x * 100)}%`);

export function validateStatistics(stats: BatchStatistics, schema: Schema, opts: ValidateOptions = {}): Anomaly[] {
  const out: Anomaly[] = [];
  const rows = Math.max(1, stats.rows);
  const linf = opts.linfThreshold ?? 0.1;
  for (const col of schema.columns) {
    if (col.name !== "action" && col.name !== "device") continue;
    const s = col.name === "action" ? stats.action : stats.device;
    const present = s.present / rows;
    if (present < col.minFraction) {
      out.push({
        column: col.name, type: "FEATURE_TYPE_LOW_FRACTION_PRESENT",
        shortDescription: "Column dropped",
        description: `The feature was present in fewer examples than expected: minimum fraction = ${col.minFraction.toFixed(6)}, actual = ${present.toFixed(6)}`,
        severity: "ERROR", expected: `>= ${col.minFraction}`, actual: present.toFixed(4),
      });
    }
    const unexpected = Object.entries(s.counts).filter(([v]) => !(col.domain ?? []).includes(v));
    if (unexpected.length) {
      const listed = unexpected.slice(0, 5).map(([v, c]) => `${v} (${pct(c / Math.max(1, s.present))})`).join(", ");
      out.push({
        column: col.name, type: "ENUM_TYPE_UNEXPECTED_STRING_VALUES", shortDescription: "Unexpected string values",
        description: `Examples contain values missing from the schema: ${listed}.`,
        severity: unexpected.reduce((a, [, c]) => a + c, 0) / Math.max(1, s.present) > 0.01 ? "ERROR" : "WARNING",
        expected: (col.domain ?? []).join("|"), actual: unexpected.map(([v]) => v).slice(0, 5).join("|"),
      });
    }
    if (col.type === "STRING" && s.present > 0 && s.integerLike / s.present > 0.5) {
      out.push({
        column: col.name, type: "UNEXPECTED_DATA_TYPE", shortDescription: "Type changed",
        description: `Expected STRING values, got INT-like values in ${pct(s.integerLike / s.present)} of present rows.`,
        severity: "ERROR", expected: "STRING", actual: "INT",
      });
    }
    const ref = schema.referenceDistributions[col.name] ?? {};
    if (s.present >= (opts.minRowsForDrift ?? 200)) {
      let worst = 0;
      let worstValue = "";
      for (const v of new Set([...Object.keys(ref), ...Object.keys(s.counts)])) {
        const d = Math.abs((ref[v] ?? 0) - (s.counts[v] ?? 0) / s.present);
        if (d > worst) { worst = d; worstValue = v; }
      }
      if (worst > linf) {
        out.push({
          column: col.name, type: "COMPARATOR_L_INFTY_HIGH", shortDescription: "High L-infinity distance between reference and current",
          description: `The L-infinity distance between current and reference is ${worst.toFixed(6)} (up to six significant digits), above the threshold ${linf}. The feature value with maximum difference is: ${worstValue}`,
          severity: "WARNING", expected: `<= ${linf}`, actual: worst.toFixed(4),
        });
      }
    }
  }
  const tsCol = schema.columns.find((c) => c.name === "timestamp");
  if (tsCol?.min !== undefined && stats.timestamp.min < tsCol.min - 86_400 * 365) {
    out.push({ column: "timestamp", type: "VALUE_OUT_OF_RANGE", shortDescription: "Out-of-range values", description: `Expected timestamps after ${new Date(tsCol.min * 1000).toISOString()} minus one year, got ${new Date(stats.timestamp.min * 1000).toISOString()}`, severity: "WARNING", expected: `>= ${tsCol.min}`, actual: String(stats.timestamp.min) });
  }
  if (stats.userId.min < 0 || stats.postId.min < 0) {
    out.push({ column: stats.userId.min < 0 ? "user_id" : "post_id", type: "INT_TYPE_SMALL_INT", shortDescription: "Out-of-range values", description: "Expected non-negative ids, got a negative id", severity: "ERROR", expected: ">= 0", actual: String(Math.min(stats.userId.min, stats.postId.min)) });
  }
  const dupRate = stats.duplicates / rows;
  if (dupRate > schema.maxDuplicateRate) {
    out.push({ column: "*", type: "DUPLICATE_RATE_HIGH", shortDescription: "Duplicate rows", description: `Expected at most ${pct(schema.maxDuplicateRate)} exact duplicate rows, got ${pct(dupRate)}`, severity: "WARNING", expected: `<= ${schema.maxDuplicateRate.toFixed(4)}`, actual: dupRate.toFixed(4) });
  }
  return out;
}
