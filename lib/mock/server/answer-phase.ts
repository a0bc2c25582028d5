/**
 * The mock interview's shell: start a mock from the content and the time scale; answer a phase —
 * store the answer first (it survives a grading failure), grade it with the phase rubric, and once
 * the last phase is in, build and store the scorecard.
 */
import { completeMock, createMock, getMock, savePhaseGrade, submitPhaseAnswer } from "@/lib/db/mock";
import { AppError } from "@/lib/errors";
import { gradeAnswer } from "@/lib/grading";
import { log } from "@/lib/log";
import { buildScorecard, createMockPlan, summarizeGrade, type PhaseGrade, type Scorecard } from "@/lib/mock";
import { loadMockContent } from "@/lib/mock/content";
import { readMockTimeScale } from "./time-scale";

export async function startMock({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<{ id: string }> {
  const { content } = loadMockContent();
  const plan = createMockPlan({ content, timeScale: readMockTimeScale() });
  return createMock({ userId, plan, now });
}

function gradePhase(phase: string, answer: string): PhaseGrade | null {
  const rubric = loadMockContent().rubrics.get(phase);
  if (!rubric) return null;
  try {
    return summarizeGrade(gradeAnswer({ text: answer, rubric }));
  } catch (error) {
    log.error({ phase, error }, "mock phase grading failed");
    return null;
  }
}

export type AnswerPhaseResult = { index: number; grade: PhaseGrade | null; isComplete: boolean; scorecard: Scorecard | null };

export async function answerMockPhase({ id, userId, phase, answer, now = new Date() }: { id: string; userId: string; phase: string; answer: string; now?: Date }): Promise<AnswerPhaseResult> {
  const { index, isLast } = await submitPhaseAnswer({ id, userId, phase, answer, now });
  const grade = gradePhase(phase, answer);
  await savePhaseGrade({ id, index, grade });
  if (!isLast) return { index, grade, isComplete: false, scorecard: null };

  const mock = await getMock({ id, userId });
  if (!mock) throw new AppError("NOT_FOUND", "Mock interview not found");
  // A phase whose grading failed earlier gets one more try now, so the scorecard is as complete as it can be.
  const grades = Object.fromEntries(mock.answers.map((a) => [a.phase, a.grade ?? gradePhase(a.phase, a.answer)]));
  const scorecard = buildScorecard({ plan: { question: mock.question, phases: mock.phases }, answers: mock.answers, grades });
  await completeMock({ id, scorecard, now });
  return { index, grade, isComplete: true, scorecard };
}
