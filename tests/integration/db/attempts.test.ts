import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttempt, getAttempt, getDrillProgress, listAttempts } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { getLatestRubric, saveGrade } from "@/lib/db/grades";
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

  it("[AZ-01] answers null for another learner's attempt, exactly as for a missing one", async () => {
    const { id } = await createAttempt({ userId: alice, drillSlug: "framework-steps", answer: "1. clarify", durationMs: 1000 });
    expect(await getAttempt({ id, userId: bob })).toBeNull();
    expect(await getAttempt({ id: "does-not-exist", userId: bob })).toBeNull();
    expect((await listAttempts({ userId: bob })).map((a) => a.id)).not.toContain(id);
  });

  it("[AZ-03] lists only the owner's attempts, newest first", async () => {
    await createAttempt({ userId: bob, drillSlug: "tradeoffs", answer: "first", durationMs: 1, now: new Date("2026-11-01T00:00:00Z") });
    await createAttempt({ userId: bob, drillSlug: "tradeoffs", answer: "second", durationMs: 1, now: new Date("2026-11-02T00:00:00Z") });
    const list = await listAttempts({ userId: bob });
    expect(list.map((a) => a.submittedAt.toISOString())).toEqual(["2026-11-02T00:00:00.000Z", "2026-11-01T00:00:00.000Z"]);
    const progress = await getDrillProgress({ userId: bob });
    expect(progress.get("tradeoffs")?.attemptCount).toBe(2);
    expect(progress.has("whiteboard-system")).toBe(false);
  });

  it("reports per drill the latest grade, the best grade (most recent on ties) and ungraded attempts", async () => {
    const carol = (await createUser({ email: `carol-${Math.random().toString(36).slice(2)}@example.com`, passwordHash: "x" })).id;
    const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, "0")}T00:00:00Z`);
    const graded = async (day: number, score: number | null) => {
      const { id } = await createAttempt({ userId: carol, drillSlug: "scale-discussion", answer: `day ${day}`, durationMs: 1, now: at(day) });
      if (score === null) return;
      const drill = await db.drill.findUniqueOrThrow({ where: { slug: "scale-discussion" } });
      const rubric = (await getLatestRubric({ drillId: drill.id }))!;
      await saveGrade({ attemptId: id, rubricId: rubric.id, rubricVersion: rubric.version, score, level: score >= 75 ? "E6" : score >= 45 ? "E5" : "below", result: {}, durationMs: 1 });
    };
    await graded(1, 50);
    await graded(2, 80);
    await graded(3, 80);
    await graded(4, 30);
    await graded(5, null);
    const entry = (await getDrillProgress({ userId: carol })).get("scale-discussion");
    expect(entry).toMatchObject({ attemptCount: 5, last: null, best: { score: 80, level: "E6" }, nextReviewAt: null });
    expect(entry?.lastAttemptAt?.toISOString()).toBe(at(5).toISOString());
    await graded(6, 60);
    expect((await getDrillProgress({ userId: carol })).get("scale-discussion")).toMatchObject({ attemptCount: 6, last: { score: 60, level: "E5" }, best: { score: 80 } });
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
