/**
 * Replays the post-training period as production traffic in ticks and evaluates every alert
 * rule each tick: data quality (null rate, schema anomalies) on the raw logged batch, PSI of
 * served features and predictions vs the training reference, freshness lag of the online store,
 * training-serving skew (served vs offline-recomputed features), performance on labels that have
 * arrived (label delay), the offline/online gap, and p99 latency.
 */
import { lowerBound } from "../sorted";
import type { EventTable } from "../collection/event-table";
import type { PipelineConfig } from "../config/schema";
import type { ExampleSet } from "../features/extract-examples";
import { aucStandardError, baseRateEntropy, logLoss, rocAuc } from "../evaluation/metrics";
import type { Schema } from "../verification/schema";
import { computeStatistics } from "../verification/statistics";
import { validateStatistics } from "../verification/validate";
import type { Anomaly } from "../verification/validate";
import { createAlertRecords, stepAlert } from "./alerts";
import type { AlertRecord, RuleSample } from "./alerts";
import { createPsiReference, ksTest, psiAgainst } from "./drift";
import { buildAlertRules } from "./rules";

export type Scored = { examples: ExampleSet; probs: Float32Array };

export type MonitorInput = {
  config: PipelineConfig;
  startAt: number;
  endAt: number;
  rawSorted: EventTable;
  schema: Schema;
  reference: Scored;
  served: Scored;
  offline: Scored;
  /** Rows of served/offline kept in the logged traffic (feedback loop); all when absent. */
  kept?: Uint8Array;
  baseline: { valAuc: number; valNe: number; offlineTestAuc: number };
  freshnessLagSeconds: (t: number) => number;
  p99LatencyMs: (tick: number, startAt: number) => number;
};

export type TickReport = {
  tick: number;
  at: string;
  rows: number;
  nullRateDevice: number;
  anomalies: Anomaly[];
  maxFeaturePsi: number;
  maxPsiFeature: string;
  predictionPsi: number;
  freshnessLagHours: number;
  skew: number;
  liveAuc: number | null;
  liveNe: number | null;
  p99Ms: number;
};

export type MonitoringReport = {
  ticks: TickReport[];
  /** PSI per feature over the whole serving period (for charts), with the two-sample KS test on up to KS_SAMPLE rows a side. */
  featurePsi: { feature: string; psi: number; threshold: number; ksStatistic: number; ksPValue: number }[];
  alerts: AlertRecord[];
};

/** Cumulative counts and ages grow with the log itself, so they get a looser PSI threshold. */
export function psiThresholdFor(feature: string, base: number): number {
  // diurnal context: a 12-hour tick never matches a multi-day reference, so it is not monitored
  // and ages grow with the calendar by construction
  if (feature.startsWith("hour_") || feature.endsWith("age_hours")) return Infinity;
  return /_all$|age_hours|unique_users|prior_events|total_|unique_viewers/.test(feature) ? base * 2 : base;
}

function column(ex: ExampleSet, j: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = ex.x[rows[k]! * ex.dim + j]!;
  return out;
}

const MIN_ROWS = 150;
const KS_SAMPLE = 5_000;

/** Evenly spaced subsample (deterministic), so KS stays cheap at 1M rows. */
function thin(values: Float64Array, size: number): Float64Array {
  if (values.length <= size) return values;
  const step = values.length / size;
  return Float64Array.from({ length: size }, (_, i) => values[Math.floor(i * step)]!);
}
const MIN_LABEL_ROWS = 300;
const PERFORMANCE_WINDOW_TICKS = 2;

export function runMonitoring(inp: MonitorInput): MonitoringReport {
  const { config, served, offline, reference } = inp;
  const m = config.monitoring;
  const tickSec = m.tickHours * 3600;
  const rules = buildAlertRules(config);
  const records = createAlertRecords(rules);
  const held = rules.map(() => 0);
  const dim = served.examples.dim;
  const names = served.examples.names;
  const refRows = Array.from({ length: reference.examples.n }, (_, i) => i);
  const refCols = names.map((_, j) => column(reference.examples, j, refRows));
  const std = refCols.map((c) => {
    let s = 0;
    let q = 0;
    for (const v of c) { s += v; q += v * v; }
    const mu = s / Math.max(1, c.length);
    return Math.sqrt(Math.max(q / Math.max(1, c.length) - mu * mu, 1e-12));
  });
  const refBins = refCols.map((c) => createPsiReference(c));
  const refPredBins = createPsiReference(Float64Array.from(reference.probs));
  const ticks: TickReport[] = [];
  const nTicks = Math.max(1, Math.ceil((inp.endAt - inp.startAt) / tickSec));
  const keptRows = (from: number, to: number) => {
    const rows: number[] = [];
    for (let i = from; i < to; i++) if (!inp.kept || inp.kept[i]) rows.push(i);
    return rows;
  };

  for (let k = 0; k < nTicks; k++) {
    const t0 = inp.startAt + k * tickSec;
    const t1 = Math.min(inp.endAt + 1, t0 + tickSec);
    const at = new Date(t1 * 1000).toISOString();
    const raw0 = lowerBound(inp.rawSorted.ts, t0, inp.rawSorted.n);
    const raw1 = lowerBound(inp.rawSorted.ts, t1, inp.rawSorted.n);
    const stats = computeStatistics(inp.rawSorted, raw0, raw1);
    const anomalies = stats.rows >= MIN_ROWS ? validateStatistics(stats, inp.schema) : [];
    const refNull = 1 - (inp.schema.columns.find((c) => c.name === "device")?.minFraction ?? 0.9) - 0.1;
    const nullRate = stats.rows ? 1 - stats.device.present / stats.rows : 0;

    const rows = keptRows(lowerBound(served.examples.ts, t0, served.examples.n), lowerBound(served.examples.ts, t1, served.examples.n));
    let maxPsi = NaN;
    let maxPsiFeature = "";
    let maxPsiRatio = 0;
    let skew = NaN;
    let predPsi = NaN;
    if (rows.length >= MIN_ROWS) {
      maxPsi = 0;
      skew = 0;
      for (let j = 0; j < dim; j++) {
        const cur = column(served.examples, j, rows);
        const v = psiAgainst(refBins[j]!, cur);
        const ratio = v / psiThresholdFor(names[j]!, m.psiThreshold);
        if (ratio > maxPsiRatio) { maxPsiRatio = ratio; maxPsi = v; maxPsiFeature = names[j]!; }
        let gap = 0;
        for (const r of rows) gap += Math.abs(served.examples.x[r * dim + j]! - offline.examples.x[r * dim + j]!);
        skew = Math.max(skew, gap / rows.length / std[j]!);
      }
      predPsi = psiAgainst(refPredBins, Float64Array.from(rows, (r) => served.probs[r]!));
    }
    // labels arrive labelDelayHours after the event; performance uses a rolling window of
    // PERFORMANCE_WINDOW_TICKS ticks of matured labels to halve the sampling noise of one tick
    const delay = m.labelDelayHours * 3600;
    const from = Math.max(inp.startAt, t0 - delay - (PERFORMANCE_WINDOW_TICKS - 1) * tickSec);
    const lab = keptRows(lowerBound(served.examples.ts, from, served.examples.n), lowerBound(served.examples.ts, t1 - delay, served.examples.n));
    let liveAuc: number | null = null;
    let liveNe: number | null = null;
    let aucSe = 0;
    if (lab.length >= MIN_LABEL_ROWS) {
      const y = Uint8Array.from(lab, (r) => served.examples.y[r]!);
      const p = Float32Array.from(lab, (r) => served.probs[r]!);
      const pos = y.reduce((a, b) => a + b, 0);
      if (pos >= 30 && pos < y.length - 30) {
        liveAuc = rocAuc(y, p);
        liveNe = logLoss(y, p) / baseRateEntropy(pos / y.length);
        aucSe = aucStandardError(liveAuc, pos, y.length - pos);
      }
    }
    const lagHours = inp.freshnessLagSeconds(t1) / 3600;
    const p99 = inp.p99LatencyMs(k, t0);
    const samples: Record<string, RuleSample> = {
      "null-rate": { isActive: stats.rows >= MIN_ROWS ? nullRate - Math.max(0, refNull) > m.nullRateIncrease : null, value: nullRate },
      "schema-anomaly": { isActive: stats.rows >= MIN_ROWS ? anomalies.some((a) => a.severity === "ERROR" && a.type !== "FEATURE_TYPE_LOW_FRACTION_PRESENT") : null, value: anomalies.length },
      "feature-drift": { isActive: Number.isNaN(maxPsi) ? null : maxPsiRatio > 1, value: maxPsi },
      "prediction-drift": { isActive: Number.isNaN(predPsi) ? null : predPsi > m.predictionPsiThreshold, value: predPsi },
      "feature-freshness": { isActive: lagHours > config.featureStore.ttlHours, value: lagHours },
      "training-serving-skew": { isActive: Number.isNaN(skew) ? null : skew > m.skewThreshold, value: skew },
      "model-performance": {
        // margins scale with the tick's sampling error (Hanley–McNeil SE of the live AUC)
        isActive: liveAuc === null ? null : inp.baseline.valAuc - liveAuc > m.aucDropThreshold + 1.5 * aucSe || (liveNe ?? 0) - inp.baseline.valNe > m.neRiseThreshold + aucSe,
        value: liveAuc === null ? NaN : inp.baseline.valAuc - liveAuc,
      },
      "offline-online-gap": { isActive: liveAuc === null ? null : inp.baseline.offlineTestAuc - liveAuc > m.offlineOnlineGap + 2 * aucSe, value: liveAuc === null ? NaN : inp.baseline.offlineTestAuc - liveAuc },
      "serving-latency": { isActive: p99 > m.p99LatencyMs, value: p99 },
    };
    rules.forEach((rule, r) => {
      held[r] = stepAlert(records[r]!, rule, samples[rule.kind] ?? { isActive: null, value: NaN }, k, at, held[r]!);
    });
    ticks.push({ tick: k, at, rows: rows.length, nullRateDevice: nullRate, anomalies, maxFeaturePsi: maxPsi, maxPsiFeature, predictionPsi: predPsi, freshnessLagHours: lagHours, skew, liveAuc, liveNe, p99Ms: p99 });
  }
  const all = keptRows(0, served.examples.n);
  const featurePsi = names.map((feature, j) => {
    const cur = column(served.examples, j, all);
    const ks = ksTest(thin(refCols[j]!, KS_SAMPLE), thin(cur, KS_SAMPLE));
    return { feature, psi: all.length ? psiAgainst(refBins[j]!, cur) : NaN, threshold: psiThresholdFor(feature, m.psiThreshold), ksStatistic: ks.statistic, ksPValue: ks.pValue };
  });
  return { ticks, featurePsi, alerts: records };
}
