import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAttempt } from "@/lib/db/attempts";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { regradeStaleAttempts } from "@/lib/grading/server/regrade";
import { submitAnswer } from "@/lib/grading/server/submit-answer";

const STRONG_NULL_SPIKE = `The client release broke logging, so device and action came through null about 40% of the time.
Verification warned but nothing blocked the pipeline, so cleaning silently dropped the null-action rows and mapped null devices to Unknown.
Impact: training saw a biased sample (the dropped rows are not random, they are the new client's traffic) and the model learned that Unknown device means something, which is wrong at serving time.
Detection: a null-rate check per column against the reference window (5% expected, 40% actual) should be a blocking error, not a warning, and the per-device slice metrics would show the new client collapsing.
Mitigation: halt the training run and keep serving the previous model version, roll back or hotfix the client logging, backfill, then retrain; add a data contract test in the client release pipeline.`;

describe("submitting an answer stores it, grades it, and survives grading failures", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createUser({ email: `grader-${Math.random().toString(36).slice(2)}@example.com`, passwordHash: "x" })).id;
  });
  afterAll(() => db.$disconnect());

  it("stores the grade with the rubric version, per-criterion evidence inside the answer", async () => {
    const { attemptId, graded } = await submitAnswer({ userId, drillSlug: "diagnose-null-spike", answer: STRONG_NULL_SPIKE, durationMs: 300_000 });
    expect(graded).toBe(true);
    const attempt = await getAttempt({ id: attemptId, userId });
    expect(attempt?.grade?.score).toBeGreaterThanOrEqual(45);
    expect(attempt?.result?.criteria.length).toBeGreaterThan(3);
    for (const c of attempt?.result?.criteria ?? []) {
      if (c.evidence) expect(STRONG_NULL_SPIKE.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
    }
    const rubric = await db.rubric.findFirstOrThrow({ where: { drill: { slug: "diagnose-null-spike" } }, orderBy: { version: "desc" } });
    expect(attempt?.grade?.rubricVersion).toBe(rubric.version);
  });

  it("keeps the answer when grading fails, and a later regrade grades it", async () => {
    const drill = await db.drill.findUniqueOrThrow({ where: { slug: "tradeoffs" } });
    const latest = await db.rubric.findFirstOrThrow({ where: { drillId: drill.id }, orderBy: { version: "desc" } });
    // A broken newer rubric version: the grader's schema refuses it.
    const broken = await db.rubric.create({ data: { drillId: drill.id, version: latest.version + 1, content: { version: latest.version + 1, criteria: "nope" }, contentHash: "broken" } });

    const answer = "Serving trades latency for accuracy: a bigger model ranks better but blows the p99 budget.";
    const { attemptId, graded } = await submitAnswer({ userId, drillSlug: "tradeoffs", answer, durationMs: 1000 });
    expect(graded).toBe(false);
    const stored = await getAttempt({ id: attemptId, userId });
    expect(stored).toMatchObject({ answer, grade: null, gradingFailed: true });

    await db.rubric.update({ where: { id: broken.id }, data: { content: { ...(latest.content as object), version: latest.version + 1 }, contentHash: "fixed" } });
    const report = await regradeStaleAttempts();
    expect(report.failed).toBe(0);
    expect(report.regraded).toBeGreaterThanOrEqual(1);
    const regraded = await getAttempt({ id: attemptId, userId });
    expect(regraded?.grade?.rubricVersion).toBe(latest.version + 1);
    expect(regraded?.gradingFailed).toBe(false);
    await db.grade.deleteMany({ where: { rubricId: broken.id } });
    await db.rubric.delete({ where: { id: broken.id } });
  });
});
