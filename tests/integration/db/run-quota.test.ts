/**
 * RELIABILITY RL-02: simulation quotas, checked where they are enforced (createRun, one transaction
 * under a per-learner advisory lock). A learner gets at most 4 runs queued or running, even when 10
 * starts race; the whole queue takes at most 50, then 429 with a longer Retry-After.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRun } from "@/lib/db/runs";
import { createUser } from "@/lib/db/users";
import type { AppError } from "@/lib/errors";
import { MAX_ACTIVE_RUNS_GLOBAL, MAX_ACTIVE_RUNS_PER_USER } from "@/lib/simulations/schema";

const input = { scenario: "baseline", scale: "1M", seed: 1 } as const;
const start = (userId: string) => createRun({ userId, input, config: {} }).then(() => 201, (e: AppError) => (e.code === "RATE_LIMITED" ? { status: 429, retryAfter: e.retryAfterSeconds } : Promise.reject(e)));

afterAll(() => db.$disconnect());

describe("simulation quotas", () => {
  it("[RL-02] one learner: 10 concurrent starts → exactly 4 accepted, 6 × 429 + Retry-After; another learner still gets one", async () => {
    const a = (await createUser({ email: `quota-a-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const b = (await createUser({ email: `quota-b-${Date.now()}@example.com`, passwordHash: "x" })).id;
    const results = await Promise.all(Array.from({ length: 10 }, () => start(a)));
    const accepted = results.filter((r) => r === 201).length;
    const limited = results.filter((r) => r !== 201) as { status: number; retryAfter?: number }[];
    console.log(`RL-02 | 10 racing starts by one learner → ${accepted} accepted, ${limited.length} × 429`);
    expect(accepted).toBe(MAX_ACTIVE_RUNS_PER_USER);
    expect(limited.every((r) => r.status === 429 && (r.retryAfter ?? 0) >= 1)).toBe(true);
    expect(await db.simulationRun.count({ where: { userId: a, status: { in: ["queued", "running"] } } })).toBe(MAX_ACTIVE_RUNS_PER_USER);
    expect(await start(b)).toBe(201);
    await db.simulationRun.deleteMany({ where: { userId: { in: [a, b] } } });
  });

  it("[RL-02] the whole queue: the 51st active run (from a learner under the per-learner limit) → 429, Retry-After 120 s; 0 extra rows", async () => {
    await db.simulationRun.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "cancelled" } });
    const users = await Promise.all(Array.from({ length: 13 }, (_, i) => createUser({ email: `queue-${i}-${Date.now()}@example.com`, passwordHash: "x" })));
    // 12 learners × 4 + 2 = 50 active runs.
    for (let i = 0; i < MAX_ACTIVE_RUNS_GLOBAL; i++) expect(await start(users[Math.floor(i / MAX_ACTIVE_RUNS_PER_USER)]!.id)).toBe(201);
    const last = users[12]!.id;
    const over = await start(last);
    console.log(`RL-02 | active runs ${await db.simulationRun.count({ where: { status: { in: ["queued", "running"] } } })} | 51st start → ${JSON.stringify(over)}`);
    expect(over).toEqual({ status: 429, retryAfter: 120 });
    expect(await db.simulationRun.count({ where: { status: { in: ["queued", "running"] } } })).toBe(MAX_ACTIVE_RUNS_GLOBAL);
    await db.simulationRun.deleteMany({ where: { userId: { in: users.map((u) => u.id) } } });
  });
});
