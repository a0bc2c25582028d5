/**
 * Expected answers for the scale drill, from the pipeline's capacity model (lib/pipeline/resources)
 * and its default assumptions (lib/pipeline/config/schema, `capacitySchema`). The arithmetic lives
 * there; this module only picks the four quantities and writes each derivation out.
 */
import { capacitySchema, type CapacityAssumptions } from "@/lib/pipeline/config/schema";
import { capacityModel, type CapacityRow } from "@/lib/pipeline/resources";
import { formatCompact, formatEstimate, formatGrouped } from "./format";
import { ESTIMATE_SCALES, type EstimateField, type ScaleKey } from "./schema";

const SECONDS_PER_DAY = 86_400;

export type ExpectedEstimate = { value: number; explanation: string };
export type ExpectedEstimates = Record<ScaleKey, Record<EstimateField, ExpectedEstimate>>;

/** Fills the capacity model's defaults and checks ranges (throws a ZodError naming the bad field). */
export function resolveAssumptions(assumptions?: Partial<CapacityAssumptions>): CapacityAssumptions {
  return capacitySchema.parse(assumptions ?? {});
}

export function expectedEstimates(assumptions?: Partial<CapacityAssumptions>): ExpectedEstimates {
  const a = resolveAssumptions(assumptions);
  const rows = capacityModel(a, ESTIMATE_SCALES.map((s) => s.users));
  const entries = ESTIMATE_SCALES.map((scale, i) => {
    const row = rows[i];
    if (!row) throw new Error(`Capacity model returned no row for ${scale.key}`);
    return [scale.key, explainRow(row, scale.key, a)] as const;
  });
  return Object.fromEntries(entries) as ExpectedEstimates;
}

function explainRow(row: CapacityRow, users: ScaleKey, a: CapacityAssumptions): Record<EstimateField, ExpectedEstimate> {
  const qps = row.requestsPerSecondPeak;
  return {
    qps: {
      value: qps,
      explanation: `${users} users × ${a.sessionsPerUserPerDay} sessions × ${a.requestsPerSession} requests ÷ ${formatGrouped(SECONDS_PER_DAY)} s × peak ${a.peakToAverage} = ${formatEstimate("qps", qps)}`,
    },
    onlineStoreGb: {
      value: row.onlineStoreGb,
      explanation: `${users} users × (1 + ${a.postsPerUser} posts per user) entities × ${formatGrouped(a.featureBytesPerEntity)} B ÷ 10^9 = ${formatEstimate("onlineStoreGb", row.onlineStoreGb)}`,
    },
    trainingGbPerDay: {
      value: row.trainingDataGbPerDay,
      explanation: `${users} users × ${a.sessionsPerUserPerDay} sessions × ${a.impressionsPerSession} logged impressions × ${formatGrouped(a.bytesPerLoggedEvent)} B ÷ 10^9 = ${formatEstimate("trainingGbPerDay", row.trainingDataGbPerDay)}`,
    },
    servingReplicas: {
      value: row.servingReplicas,
      explanation: `${formatEstimate("qps", qps)} × ${formatGrouped(a.candidatesPerRequest)} candidates = ${formatCompact(row.scoresPerSecondPeak)} scores/s ÷ ${formatCompact(a.scoresPerSecondPerReplica)} scores/s per replica, rounded up = ${formatEstimate("servingReplicas", row.servingReplicas)}`,
    },
  };
}

export type AssumptionRow = { key: keyof CapacityAssumptions; label: string; value: number; unit: string };

const ASSUMPTION_LABELS: Partial<Record<keyof CapacityAssumptions, { label: string; unit: string }>> = {
  sessionsPerUserPerDay: { label: "Feed sessions per user per day", unit: "" },
  requestsPerSession: { label: "Ranking requests per session", unit: "" },
  peakToAverage: { label: "Peak-to-average traffic", unit: "×" },
  candidatesPerRequest: { label: "Candidates scored per request", unit: "" },
  postsPerUser: { label: "Posts per user (online entities = users + posts)", unit: "" },
  featureBytesPerEntity: { label: "Online feature bytes per entity", unit: "B" },
  impressionsPerSession: { label: "Logged impressions per session", unit: "" },
  bytesPerLoggedEvent: { label: "Bytes per logged event", unit: "B" },
  scoresPerSecondPerReplica: { label: "Scores per second per serving replica", unit: "/s" },
};

/** The assumptions the four quantities depend on, for display next to the form (cost ones left out). */
export function describeAssumptions(assumptions?: Partial<CapacityAssumptions>): AssumptionRow[] {
  const a = resolveAssumptions(assumptions);
  return (Object.keys(ASSUMPTION_LABELS) as (keyof CapacityAssumptions)[]).flatMap((key) => {
    const meta = ASSUMPTION_LABELS[key];
    return meta ? [{ key, label: meta.label, value: a[key], unit: meta.unit }] : [];
  });
}
