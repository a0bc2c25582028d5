/**
 * Feature spec: names and layout of the model input, derived from the configured windows.
 * Entity aggregate rows (what the feature store holds per user / post) have the layout
 *   [n, likes, dislikes, shares] for all time, then the same per window, then firstSeen, uniqueUsers
 * so online rows and offline sweeps share one composition function (no training-serving skew by
 * construction; the skew scenario deliberately breaks it).
 */
export type FeatureSetKind = "standard" | "seed";

export type FeatureSpec = {
  kind: FeatureSetKind;
  windowsDays: number[];
  priorStrength: number;
  /** Prior like / dislike / share rates the smoothing shrinks towards (fixed: stationary, no peeking). */
  priorRates: [number, number, number];
  names: string[];
  dim: number;
  /** Length of an entity aggregate row. */
  rowLength: number;
};

export const DAY_SECONDS = 86_400;
export const DEVICE_SLOTS = ["iOS", "Android", "Web", "unknown"] as const;
export const SEED_FEATURES = ["total_actions", "like_rate", "unique_viewers", "total_likes"] as const;

export function createFeatureSpec(kind: FeatureSetKind, windowsDays: number[], priorStrength: number, priorRates: [number, number, number] = [0.2, 0.05, 0.05]): FeatureSpec {
  const rowLength = 4 * (windowsDays.length + 1) + 2;
  if (kind === "seed") return { kind, windowsDays, priorStrength, priorRates, names: [...SEED_FEATURES], dim: 4, rowLength };
  const slots = ["all", ...windowsDays.map((w) => `${w}d`)];
  const entity = (e: string) => slots.flatMap((s) => [`${e}_log_events_${s}`, `${e}_like_rate_${s}`, `${e}_dislike_rate_${s}`, `${e}_share_rate_${s}`]);
  const names = [
    ...DEVICE_SLOTS.map((d) => `device_${d}`),
    "hour_sin", "hour_cos",
    ...entity("user"),
    ...entity("post"),
    "user_log_age_hours", "post_log_age_hours", "post_log_unique_users",
    "pair_log_prior_events", "pair_liked_before",
    "user_is_new", "post_is_new",
  ];
  return { kind, windowsDays, priorStrength, priorRates, names, dim: names.length, rowLength };
}

/** Row slot offsets. */
export const slotOffset = (slot: number) => 4 * slot;
export const firstSeenOffset = (spec: FeatureSpec) => spec.rowLength - 2;
export const uniqueUsersOffset = (spec: FeatureSpec) => spec.rowLength - 1;
