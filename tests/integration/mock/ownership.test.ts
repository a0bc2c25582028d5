import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMock, getMock, listMocks, submitPhaseAnswer } from "@/lib/db/mock";
import { createUser } from "@/lib/db/users";
import { loadMockContent } from "@/lib/mock/content";
import { createMockPlan } from "@/lib/mock/plan";

describe("mock interviews are scoped to their owner and answered in order", () => {
  let owner: string;
  let other: string;
  let mockId: string;
  const now = new Date("2026-11-29T12:00:00Z");
  beforeAll(async () => {
    const suffix = Math.random().toString(36).slice(2);
    owner = (await createUser({ email: `mock-owner-${suffix}@example.com`, passwordHash: "x" })).id;
    other = (await createUser({ email: `mock-other-${suffix}@example.com`, passwordHash: "x" })).id;
    const plan = createMockPlan({ content: loadMockContent().content });
    mockId = (await createMock({ userId: owner, plan, now })).id;
  });
  afterAll(() => db.$disconnect());

  it("[AZ-01] hides another learner's mock exactly like a missing one", async () => {
    expect(await getMock({ id: mockId, userId: other })).toBeNull();
    expect(await getMock({ id: "missing", userId: other })).toBeNull();
    expect((await listMocks({ userId: other })).map((m) => m.id)).not.toContain(mockId);
    await expect(submitPhaseAnswer({ id: mockId, userId: other, phase: "clarify", answer: "x", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mock = await getMock({ id: mockId, userId: owner });
    expect(mock?.answers).toHaveLength(0);
  });

  it("refuses a phase out of order and stores nothing for it", async () => {
    const mock = (await getMock({ id: mockId, userId: owner }))!;
    const second = mock.phases[1]!.phase;
    await expect(submitPhaseAnswer({ id: mockId, userId: owner, phase: second, answer: "too early", now })).rejects.toMatchObject({ code: "CONFLICT" });
    const first = mock.phases[0]!.phase;
    const { index } = await submitPhaseAnswer({ id: mockId, userId: owner, phase: first, answer: "Clarify users, goals and latency.", now: new Date(now.getTime() + 60_000) });
    expect(index).toBe(0);
    const after = (await getMock({ id: mockId, userId: owner }))!;
    expect(after.answers.map((a) => a.phase)).toEqual([first]);
    expect(after.currentPhase).toBe(1);
  });
});
