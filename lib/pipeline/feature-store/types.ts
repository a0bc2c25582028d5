/**
 * FeatureStore port, modelled on Feast: an offline store of versioned feature tables with event
 * timestamps and point-in-time joins for training, and an online store holding only the latest
 * value per entity with its event time and written-at time. All methods are async so a SQL
 * implementation (lib/db/features.ts) can back it; times are epoch seconds; keys are numbers.
 * @see https://docs.feast.dev/getting-started/concepts/point-in-time-joins
 */
export type EntityKind = "user" | "post" | "user_post" | "global";

export type FeatureViewSpec = { name: string; entity: EntityKind; fields: string[]; ttlSeconds: number };
export type FeatureViewVersion = { name: string; version: number; spec: FeatureViewSpec; registeredAt: number };

export type FeatureRecord = { entityKey: number; eventTime: number; values: Float64Array };
export type OnlineRecord = FeatureRecord & { writtenAt: number };
export type EntityQuery = { entityKey: number; ts: number };

export type Freshness = { view: string; entities: number; maxEventTime: number; lastWrittenAt: number; lagSeconds: number; ttlSeconds: number; isStale: boolean };

export type FeatureStore = {
  registerView(spec: FeatureViewSpec, registeredAt: number): Promise<FeatureViewVersion>;
  listViews(): Promise<FeatureViewVersion[]>;
  writeOffline(view: string, version: number, records: FeatureRecord[]): Promise<number>;
  /** Latest record with eventTime < ts and ts - eventTime <= TTL, else null (Feast semantics). */
  getHistoricalFeatures(view: string, version: number, queries: EntityQuery[]): Promise<(FeatureRecord | null)[]>;
  /** Upserts the latest value per entity (an older eventTime never overwrites a newer one). */
  materializeOnline(view: string, records: FeatureRecord[], writtenAt: number): Promise<number>;
  /** Returns stored values even when past TTL (as Feast does); callers check eventTime. */
  getOnlineFeatures(view: string, keys: number[]): Promise<(OnlineRecord | null)[]>;
  freshness(view: string, now: number): Promise<Freshness>;
};

/** Key of a user×post entity; ids must be < 2^26. */
export const pairKey = (userId: number, postId: number) => userId * 67_108_864 + postId;
