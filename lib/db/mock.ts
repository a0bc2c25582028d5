/**
 * Mock interviews. Every read and write is scoped to its owner (another learner's mock is null →
 * 404). Answers are appended one phase at a time, in order, under a per-mock advisory lock so two
 * submissions (or a submission and a grade write) cannot overwrite each other's Json.
 */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { MockPlan, Scorecard } from "@/lib/mock";
import { planPhaseSchema, storedAnswerSchema, type PhaseGrade, type PlanPhase, type StoredAnswer } from "@/lib/mock/schema";
import { db } from "./client";

export type MockStatus = "in_progress" | "completed" | "abandoned";

export type MockDto = {
  id: string;
  question: string;
  status: MockStatus;
  phases: PlanPhase[];
  /** Index of the phase being answered; equals phases.length once all are answered. */
  currentPhase: number;
  phaseStartedAt: Date;
  answers: StoredAnswer[];
  scorecard: Scorecard | null;
  startedAt: Date;
  completedAt: Date | null;
};

export type MockSummaryDto = {
  id: string;
  question: string;
  status: MockStatus;
  currentPhase: number;
  phaseCount: number;
  startedAt: Date;
  completedAt: Date | null;
  overall: Scorecard["overall"] | null;
};

const phasesSchema = z.array(planPhaseSchema);
const answersSchema = z.array(storedAnswerSchema);
// The scorecard is written by buildScorecard; reading checks the parts lists and pages rely on.
const scorecardSchema = z.custom<Scorecard>((v) => {
  const s = v as Partial<Scorecard> | null;
  return Boolean(s && Array.isArray(s.phases) && s.overall && typeof s.overall.score === "number" && s.pace);
});

const detailSelect = { id: true, question: true, status: true, phases: true, currentPhase: true, phaseStartedAt: true, answers: true, scorecard: true, startedAt: true, completedAt: true } satisfies Prisma.MockInterviewSelect;
type DetailRow = Prisma.MockInterviewGetPayload<{ select: typeof detailSelect }>;

function toDto(row: DetailRow): MockDto {
  const scorecard = row.scorecard === null ? null : scorecardSchema.safeParse(row.scorecard);
  return { ...row, phases: phasesSchema.parse(row.phases), answers: answersSchema.parse(row.answers), scorecard: scorecard?.success ? scorecard.data : null };
}

async function lockMock(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mock:${id}`}))`;
}

export async function createMock({ userId, plan, now }: { userId: string; plan: MockPlan; now: Date }): Promise<{ id: string }> {
  return db.mockInterview.create({
    data: { userId, question: plan.question, phases: plan.phases, answers: [], phaseStartedAt: now, startedAt: now },
    select: { id: true },
  });
}

export async function getMock({ id, userId }: { id: string; userId: string }): Promise<MockDto | null> {
  const row = await db.mockInterview.findFirst({ where: { id, userId }, select: detailSelect });
  return row && toDto(row);
}

export async function listMocks({ userId, take = 50 }: { userId: string; take?: number }): Promise<MockSummaryDto[]> {
  const rows = await db.mockInterview.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take,
    select: { id: true, question: true, status: true, currentPhase: true, phases: true, startedAt: true, completedAt: true, scorecard: true },
  });
  return rows.map(({ phases, scorecard, ...row }) => {
    const parsed = scorecard === null ? null : scorecardSchema.safeParse(scorecard);
    return { ...row, phaseCount: Array.isArray(phases) ? phases.length : 0, overall: parsed?.success ? parsed.data.overall : null };
  });
}

/**
 * Appends the answer to the current phase, advances to the next one and restarts its clock. An
 * answer to any other phase (an earlier one again, or skipping ahead) is refused with 409.
 */
export async function submitPhaseAnswer({ id, userId, phase, answer, now }: { id: string; userId: string; phase: string; answer: string; now: Date }): Promise<{ index: number; isLast: boolean }> {
  return db.$transaction(async (tx) => {
    await lockMock(tx, id);
    const row = await tx.mockInterview.findFirst({ where: { id, userId }, select: detailSelect });
    if (!row) throw new AppError("NOT_FOUND", "Mock interview not found");
    const mock = toDto(row);
    if (mock.status !== "in_progress" || mock.currentPhase >= mock.phases.length) {
      throw new AppError("CONFLICT", "This mock interview is already finished");
    }
    const index = mock.phases.findIndex((p) => p.phase === phase);
    if (index === -1) {
      throw new AppError("INVALID_INPUT", `Unknown phase "${phase}"`, { issues: [{ field: "phase", message: `expected one of: ${mock.phases.map((p) => p.phase).join(", ")}` }] });
    }
    const current = mock.phases[mock.currentPhase]!;
    if (index !== mock.currentPhase) {
      throw new AppError("CONFLICT", `Phases are answered in order: expected "${current.phase}" (step ${mock.currentPhase + 1}), got "${phase}" (step ${index + 1})`, {
        issues: [{ field: "phase", message: `expected ${current.phase}` }],
      });
    }
    const entry: StoredAnswer = { phase, answer, startedAt: mock.phaseStartedAt, submittedAt: now, durationMs: Math.max(0, now.getTime() - mock.phaseStartedAt.getTime()), grade: null };
    await tx.mockInterview.update({
      where: { id },
      data: { answers: [...mock.answers, entry], currentPhase: index + 1, phaseStartedAt: now },
    });
    return { index, isLast: index + 1 === mock.phases.length };
  });
}

/** Stores a phase's grade next to its answer (null grade: grading failed, the answer stays). */
export async function savePhaseGrade({ id, index, grade }: { id: string; index: number; grade: PhaseGrade | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockMock(tx, id);
    const row = await tx.mockInterview.findUnique({ where: { id }, select: { answers: true } });
    if (!row) throw new AppError("NOT_FOUND", "Mock interview not found");
    const answers = answersSchema.parse(row.answers);
    const entry = answers[index];
    if (!entry) throw new AppError("CONFLICT", `No answer stored for step ${index + 1}`);
    answers[index] = { ...entry, grade };
    await tx.mockInterview.update({ where: { id }, data: { answers: answers } });
  });
}

/** Marks the mock completed with its scorecard; only once (a second call finds it completed). */
export async function completeMock({ id, scorecard, now }: { id: string; scorecard: Scorecard; now: Date }): Promise<boolean> {
  const { count } = await db.mockInterview.updateMany({
    where: { id, status: "in_progress" },
    data: { status: "completed", scorecard: scorecard, completedAt: now },
  });
  return count === 1;
}
