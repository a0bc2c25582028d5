/**
 * Per-user rate limits on PostgreSQL (rate-limiter-flexible's RateLimiterPostgres), shared by every
 * web replica. A limited call answers 429 with Retry-After. Limits are per minute.
 */
import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

export const RATE_LIMITS = {
  /** The predict API: generous enough for a 200 req/s load test by one learner, bounded for abuse. */
  predict: { points: 20_000, durationSeconds: 60 },
  /** Answer submissions. */
  attempts: { points: 30, durationSeconds: 60 },
  /** Starting simulation runs (the queue is bounded separately). */
  runs: { points: 10, durationSeconds: 60 },
} as const;
export type LimitName = keyof typeof RATE_LIMITS;

const globalForLimits = globalThis as unknown as { limiters?: Map<LimitName, Promise<RateLimiterPostgres>>; limitPool?: pg.Pool };

function limiter(name: LimitName): Promise<RateLimiterPostgres> {
  globalForLimits.limiters ??= new Map();
  let pending = globalForLimits.limiters.get(name);
  if (!pending) {
    globalForLimits.limitPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const pool = globalForLimits.limitPool;
    const { durationSeconds } = RATE_LIMITS[name];
    // Load tests (npm run load) raise every limit by this factor; production leaves it at 1.
    const points = RATE_LIMITS[name].points * Math.max(1, Number(process.env.RATE_LIMIT_MULTIPLIER ?? 1) || 1);
    pending = new Promise<RateLimiterPostgres>((resolve, reject) => {
      const created: RateLimiterPostgres = new RateLimiterPostgres(
        { storeClient: pool, storeType: "pool", tableName: "rate_limits", keyPrefix: name, points, duration: durationSeconds },
        (error?: Error) => (error ? reject(error) : resolve(created)),
      );
    });
    pending.catch(() => globalForLimits.limiters?.delete(name));
    globalForLimits.limiters.set(name, pending);
  }
  return pending;
}

/** Spends one point of `name` for `key` (a user id); throws 429 with Retry-After when exhausted. */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", `Too many requests; try again in ${Math.ceil(error.msBeforeNext / 1000)} s`, { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
    throw error;
  }
}
