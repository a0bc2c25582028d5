import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listReviewCards } from "@/lib/db/reviews";
import { createUser } from "@/lib/db/users";
import { scheduleReviewForAttempt } from "@/lib/grading/server/schedule-review";

describe("review cards follow graded attempts", () => {
  let userId: string;
  let drillId: string;
  beforeAll(async () => {
    userId = (await createUser({ email: `review-${Math.random().toString(36).slice(2)}@example.com`, passwordHash: "x" })).id;
    drillId = (await db.drill.findUniqueOrThrow({ where: { slug: "tradeoffs" } })).id;
  });
  afterAll(() => db.$disconnect());

  it("schedules a miss sooner than an E6, and keeps one card per learner × drill", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const again = await scheduleReviewForAttempt({ userId, drillId, attemptId: "a1", result: { score: 20, level: "below" }, now });
    expect(again.rating).toBe("Again");
    const otherDrill = (await db.drill.findUniqueOrThrow({ where: { slug: "scale-discussion" } })).id;
    const easy = await scheduleReviewForAttempt({ userId, drillId: otherDrill, attemptId: "a2", result: { score: 90, level: "E6" }, now });
    expect(easy.rating).toBe("Easy");
    expect(again.due.getTime()).toBeLessThan(easy.due.getTime());

    await scheduleReviewForAttempt({ userId, drillId, attemptId: "a3", result: { score: 60, level: "E5" }, now: new Date("2026-11-29T12:30:00Z") });
    const cards = await listReviewCards({ userId });
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.drillSlug === "tradeoffs")).toMatchObject({ lastRating: "Good", reps: 2 });
  });
});
