/**
 * Sign-in brute-force protection (OWASP ASVS 2.2.1): at most 10 failed password checks per account
 * and 50 per client address in a minute; beyond that the credentials callback answers 429 with
 * Retry-After, whether or not the account exists (no enumeration). Counters live in PostgreSQL.
 */
import "server-only";
import pg from "pg";
import { watchPool } from "@/lib/db/pool";
import { RateLimiterPostgres } from "rate-limiter-flexible";

export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
const WINDOW_SECONDS = 60;

const globalForBf = globalThis as unknown as { bf?: Promise<{ account: RateLimiterPostgres; address: RateLimiterPostgres }> };

function limiters() {
  globalForBf.bf ??= (async () => {
    const pool = watchPool(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }), "sign-in limits");
    const make = (keyPrefix: string, points: number) =>
      new Promise<RateLimiterPostgres>((resolve, reject) => {
        const l: RateLimiterPostgres = new RateLimiterPostgres({ storeClient: pool, storeType: "pool", tableName: "rate_limits", keyPrefix, points, duration: WINDOW_SECONDS }, (e?: Error) => (e ? reject(e) : resolve(l)));
      });
    return { account: await make("signin-account", MAX_FAILURES_PER_ACCOUNT), address: await make("signin-address", MAX_FAILURES_PER_ADDRESS) };
  })();
  globalForBf.bf.catch(() => delete globalForBf.bf);
  return globalForBf.bf;
}

/** Seconds to wait when this account or address has used up its failures, else null. */
export async function signInBlockedFor({ email, address }: { email: string; address: string }): Promise<number | null> {
  const { account, address: byAddress } = await limiters();
  const [a, b] = await Promise.all([account.get(email), byAddress.get(address)]);
  const blocked = [a && a.consumedPoints >= MAX_FAILURES_PER_ACCOUNT ? a : null, b && b.consumedPoints >= MAX_FAILURES_PER_ADDRESS ? b : null].filter((r) => r !== null);
  if (blocked.length === 0) return null;
  return Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
}

export async function recordSignInFailure({ email, address }: { email: string; address: string }): Promise<void> {
  const { account, address: byAddress } = await limiters();
  await Promise.all([account.penalty(email, 1), byAddress.penalty(address, 1)]);
}
