/**
 * Back-of-envelope capacity model from explicit assumptions (DAU, sessions, candidates per
 * request, feature bytes): ranking QPS, online-store size, daily training data, serving replicas
 * and monthly cost at 1M / 100M / 1B daily users. Every number is derived in the open so a
 * learner can check it.
 */
import type { CapacityAssumptions } from "../config/schema";

export type CapacityRow = {
  dailyActiveUsers: number;
  requestsPerSecondAvg: number;
  requestsPerSecondPeak: number;
  scoresPerSecondPeak: number;
  onlineStoreGb: number;
  loggedEventsPerDay: number;
  trainingDataGbPerDay: number;
  servingReplicas: number;
  monthlyCostUsd: number;
};

export const CAPACITY_SCALES = [1_000_000, 100_000_000, 1_000_000_000];

export function capacityModel(a: CapacityAssumptions, scales = CAPACITY_SCALES): CapacityRow[] {
  return scales.map((dau) => {
    const requestsPerDay = dau * a.sessionsPerUserPerDay * a.requestsPerSession;
    const rpsAvg = requestsPerDay / 86_400;
    const rpsPeak = rpsAvg * a.peakToAverage;
    const scoresPeak = rpsPeak * a.candidatesPerRequest;
    const entities = dau * (1 + a.postsPerUser);
    const onlineGb = (entities * a.featureBytesPerEntity) / 1e9;
    const events = dau * a.sessionsPerUserPerDay * a.impressionsPerSession;
    const trainGb = (events * a.bytesPerLoggedEvent) / 1e9;
    const replicas = Math.max(1, Math.ceil(scoresPeak / a.scoresPerSecondPerReplica));
    const cost = replicas * a.replicaCostPerHourUsd * 24 * 30 + (onlineGb * 3 + trainGb * 30) * a.storageCostPerGbMonthUsd;
    return {
      dailyActiveUsers: dau, requestsPerSecondAvg: rpsAvg, requestsPerSecondPeak: rpsPeak, scoresPerSecondPeak: scoresPeak,
      onlineStoreGb: onlineGb, loggedEventsPerDay: events, trainingDataGbPerDay: trainGb, servingReplicas: replicas, monthlyCostUsd: cost,
    };
  });
}

/** Least-squares fit of log(time) = log(c) + k·log(n); returns c and k. */
export function fitPowerLaw(points: { n: number; seconds: number }[]): { c: number; k: number } {
  const xs = points.filter((p) => p.n > 0 && p.seconds > 0).map((p) => [Math.log(p.n), Math.log(p.seconds)] as const);
  if (xs.length < 2) return { c: NaN, k: NaN };
  const mx = xs.reduce((s, [x]) => s + x, 0) / xs.length;
  const my = xs.reduce((s, [, y]) => s + y, 0) / xs.length;
  const k = xs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / xs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return { c: Math.exp(my - k * mx), k };
}

/** Measured seconds per row of this run extrapolated linearly to bigger logs. */
export function extrapolateStageCost(stageSeconds: Record<string, number>, rows: number, targets = [1e6, 1e8, 1e9]) {
  return targets.map((n) => ({ rows: n, seconds: Object.fromEntries(Object.entries(stageSeconds).map(([k, s]) => [k, (s / Math.max(1, rows)) * n])) }));
}
