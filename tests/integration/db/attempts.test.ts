import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttempt, getAttempt, getDrillProgress, listAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import type { AppError } from "@/lib/errors";

describe("attempts are stored first and scoped to their owner", () => {
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    const suffix = Math.random().toString(36).slice(2);
    alice = (await createUser({ email: `alice-${suffix}@example.com`, passwordHash: "x" })).id;
    bob = (await createUser({ email: `bob-${suffix}@example.com`, passwordHash: "x" })).id;
  });
  afterAll(() => db.$disconnect());

  it("stores the answer verbatim with its duration and derived start time", async () => {
    const answer = "## Components\n- collection → verification <b>bold?</b>\n\u00e9\u{1F600}";
    const now = new Date("2026-11-29T12:00:00Z");
    const { id } = await createAttempt({ userId: alice, drillSlug: "whiteboard-system", answer, durationMs: 90_000, now });
    const stored = await getAttempt({ id, userId: alice });
    expect(stored).toMatchObject({ answer, durationMs: 90_000, drill: { slug: "whiteboard-system" } });
    const row = await db.attempt.findUniqueOrThrow({ where: { id } });
    expect(row.startedAt.toISOString()).toBe("2026-11-29T11:58:30.000Z");
  });

  it("answers null for another learner's attempt, exactly as for a missing one", async () => {
    const { id } = await createAttempt({ userId: alice, drillSlug: "framework-steps", answer: "1. clarify", durationMs: 1000 });
    expect(await getAttempt({ id, userId: bob })).toBeNull();
    expect(await getAttempt({ id: "does-not-exist", userId: bob })).toBeNull();
    expect((await listAttempts({ userId: bob })).map((a) => a.id)).not.toContain(id);
  });

  it("lists only the owner's attempts, newest first", async () => {
    await createAttempt({ userId: bob, drillSlug: "tradeoffs", answer: "first", durationMs: 1, now: new Date("2026-11-01T00:00:00Z") });
    await createAttempt({ userId: bob, drillSlug: "tradeoffs", answer: "second", durationMs: 1, now: new Date("2026-11-02T00:00:00Z") });
    const list = await listAttempts({ userId: bob });
    expect(list.map((a) => a.submittedAt.toISOString())).toEqual(["2026-11-02T00:00:00.000Z", "2026-11-01T00:00:00.000Z"]);
    const progress = await getDrillProgress({ userId: bob });
    expect(progress.get("tradeoffs")?.attemptCount).toBe(2);
    expect(progress.has("whiteboard-system")).toBe(false);
  });

  it("refuses an unknown drill slug and stores nothing", async () => {
    const before = await db.attempt.count({ where: { userId: bob } });
    await expect(createAttempt({ userId: bob, drillSlug: "no-such-drill", answer: "x", durationMs: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" } satisfies Partial<AppError>);
    expect(await db.attempt.count({ where: { userId: bob } })).toBe(before);
  });

  it("refuses a second account with the same email", async () => {
    const email = `dup-${Math.random().toString(36).slice(2)}@example.com`;
    await createUser({ email, passwordHash: "x" });
    await expect(createUser({ email, passwordHash: "y" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
