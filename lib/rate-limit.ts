/**
 * Per-user rate limits on PostgreSQL (rate-limiter-flexible's RateLimiterPostgres), shared by every
 * web replica. A limited call answers 429 with Retry-After. Limits are per minute.
 */
import "server-only";
import pg from "pg";
import { watchPool } from "@/lib/db/pool";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

type Limit = { points: number; durationSeconds: number; lease?: number };

export const RATE_LIMITS = {
  /**
   * The predict API: generous enough for a 200 req/s load test by one learner, bounded for abuse.
   * Points are taken from PostgreSQL 50 at a time and spent in process (see consumeLimit).
   */
  predict: { points: 20_000, durationSeconds: 60, lease: 50 },
  /** Answer submissions. */
  attempts: { points: 30, durationSeconds: 60 },
  /** Starting simulation runs (the queue is bounded separately). */
  runs: { points: 10, durationSeconds: 60 },
} satisfies Record<string, Limit>;
export type LimitName = keyof typeof RATE_LIMITS;

const globalForLimits = globalThis as unknown as { limiters?: Map<LimitName, Promise<RateLimiterPostgres>>; limitPool?: pg.Pool };

function limiter(name: LimitName): Promise<RateLimiterPostgres> {
  globalForLimits.limiters ??= new Map();
  let pending = globalForLimits.limiters.get(name);
  if (!pending) {
    // Counters need not survive a crash to the last millisecond, so their commits do not wait for the
    // WAL flush: a finishing run's bulk copy can keep the disk busy for seconds, and a prediction
    // waiting on its next block of points must not wait on that.
    globalForLimits.limitPool ??= watchPool(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, options: "-c synchronous_commit=off" }), "rate limits");
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

/**
 * Points already taken from PostgreSQL, spent in this process until the window they came from ends;
 * `next` is the block being taken (ahead of time, or because none is held).
 */
type Lease = { left: number; until: number; next?: Promise<Lease> };
const leases = new Map<string, Lease>();

/**
 * Spends one point of `name` for `key` (a user id); throws 429 with Retry-After when exhausted.
 * High-volume limits (those with a `lease`) take their points from PostgreSQL in blocks, so a hot
 * endpoint costs one database round trip per block instead of one per request; the next block is
 * taken in the background when a quarter of the current one is left, so requests do not wait on it.
 * A replica may hold an unspent block when its learner stops, so the effective limit is up to two
 * leases per replica lower.
 */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  const lease = (RATE_LIMITS[name] as Limit).lease ?? 1;
  if (lease <= 1) return consumePoints(name, key, 1).then(() => undefined);
  const id = `${name}:${key}`;
  const take = (): Promise<Lease> => {
    const next = consumePoints(name, key, lease).then((msBeforeNext) => ({ left: lease, until: Date.now() + msBeforeNext }));
    next.catch(() => undefined); // a refusal surfaces to whoever awaits this block
    return next;
  };
  for (;;) {
    const held = leases.get(id);
    if (held && held.left > 0 && held.until > Date.now()) {
      held.left -= 1;
      if (held.left < lease / 4) held.next ??= take();
      return;
    }
    if (!held?.next) {
      if (leases.size >= 10_000) leases.clear();
      leases.set(id, { left: 0, until: 0, next: take() });
      continue;
    }
    try {
      const next = await held.next;
      if (leases.get(id) === held) leases.set(id, next);
    } catch (error) {
      if (leases.get(id) === held) leases.delete(id);
      throw error;
    }
  }
}

async function consumePoints(name: LimitName, key: string, points: number): Promise<number> {
  try {
    return (await (await limiter(name)).consume(key, points)).msBeforeNext;
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", `Too many requests; try again in ${Math.ceil(error.msBeforeNext / 1000)} s`, { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
    throw error;
  }
}
