import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { consumeLimit, RATE_LIMITS } = await import("@/lib/rate-limit");
const pg = (await import("pg")).default;

async function storedPoints(key: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ points: number }>(`SELECT points FROM rate_limits WHERE key = $1`, [`predict:${key}`]);
    return rows[0]?.points ?? 0;
  } finally {
    await client.end();
  }
}

describe("rate limits on PostgreSQL", () => {
  it("[RL-01] answers 429 with Retry-After on the 31st answer submission in a minute", async () => {
    const key = `user-${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < RATE_LIMITS.attempts.points; i++) await consumeLimit("attempts", key);
    await expect(consumeLimit("attempts", key)).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
  });

  it("takes predict points from PostgreSQL in leases and still stops at the limit", async () => {
    const key = `user-${Math.random().toString(36).slice(2)}`;
    const { points, lease } = RATE_LIMITS.predict;
    // Concurrent callers share one pending lease instead of each taking a block.
    await Promise.all(Array.from({ length: 10 }, () => consumeLimit("predict", key)));
    expect(await storedPoints(key)).toBe(lease);
    let served = 10;
    let refusal: unknown = null;
    while (served < points + lease) {
      try {
        await consumeLimit("predict", key);
        served += 1;
      } catch (error) {
        refusal = error;
        break;
      }
    }
    expect(refusal).toMatchObject({ code: "RATE_LIMITED" });
    expect((refusal as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(served).toBeLessThanOrEqual(points);
    expect(served).toBeGreaterThan(points - lease);
  });
});
