/**
 * Shapes of the timed mock interview: the authored content (prisma/content/mock/interview.json), the
 * plan and answers stored in MockInterview's Json columns (parsed when read, never trusted), and the
 * answer body the form and the route share.
 */
import { z } from "zod";
import { isStorableText } from "@/lib/text-safety";
import { MAX_ANSWER_CHARS } from "@/lib/drills/schema";

/** The 7 framework steps in chapter order; the content must list exactly these, in this order. */
export const MOCK_PHASE_IDS = [
  "clarify-requirements",
  "frame-ml-task",
  "data-preparation",
  "model-development",
  "evaluation",
  "deployment-serving",
  "monitoring-infrastructure",
] as const;

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens");

export const mockContentSchema = z
  .object({
    id: idSchema,
    version: z.number().int().min(1),
    question: z.string().min(10).max(200),
    context: z.string().min(10),
    /** The whole interview in minutes; the phase budgets must add up to it. */
    totalMinutes: z.number().positive().max(180),
    phases: z.array(z.object({ id: idSchema, title: z.string().min(3).max(80), prompt: z.string().min(10).max(400), minutes: z.number().positive().max(60) })),
  })
  .superRefine((content, ctx) => {
    const ids = content.phases.map((p) => p.id);
    if (ids.join(",") !== MOCK_PHASE_IDS.join(","))
      ctx.addIssue({ code: "custom", path: ["phases"], message: `expected the phases ${MOCK_PHASE_IDS.join(", ")} in this order, got ${ids.join(", ")}` });
    const sum = content.phases.reduce((total, p) => total + p.minutes, 0);
    if (Math.abs(sum - content.totalMinutes) > 1e-9)
      ctx.addIssue({ code: "custom", path: ["phases"], message: `expected phase minutes to add up to totalMinutes (${content.totalMinutes}), got ${sum}` });
  });
export type MockContent = z.infer<typeof mockContentSchema>;

/** One step of a started mock, as stored in `MockInterview.phases`. */
export const planPhaseSchema = z.object({
  phase: idSchema,
  title: z.string(),
  prompt: z.string(),
  /** The phase's time budget in ms, after the time scale. */
  budgetMs: z.number().int().positive(),
});
export type PlanPhase = z.infer<typeof planPhaseSchema>;

/** A graded phase, reduced to what the scorecard needs. */
export const phaseGradeSchema = z.object({
  score: z.number().min(0).max(100),
  level: z.enum(["below", "E5", "E6"]),
  rubricVersion: z.number().int(),
  /** Missed or partial criteria, highest impact first (at most MAX_TOP_MISSED). */
  missed: z.array(z.object({ title: z.string(), level: z.enum(["E5", "E6"]), feedback: z.string() })),
});
export type PhaseGrade = z.infer<typeof phaseGradeSchema>;

/** One answer, as stored in `MockInterview.answers` (grade null until graded, or when grading failed). */
export const storedAnswerSchema = z.object({
  phase: idSchema,
  answer: z.string(),
  startedAt: z.coerce.date(),
  submittedAt: z.coerce.date(),
  durationMs: z.number().int().min(0),
  grade: phaseGradeSchema.nullable().default(null),
});
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

/** Body of POST /api/mock/:id/answer. */
export const submitMockAnswerSchema = z.object({
  phase: idSchema,
  answer: z
    .string()
    .trim()
    .min(1, "Write an answer before submitting")
    .max(MAX_ANSWER_CHARS, `Answer must be at most ${MAX_ANSWER_CHARS} characters`)
    .refine(isStorableText, "answer must be valid Unicode text without NUL characters"),
});
export type SubmitMockAnswerInput = z.infer<typeof submitMockAnswerSchema>;

export const mockIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, "not a mock id");
