import { z } from "zod";
import { MAX_ANSWER_CHARS, drillSlugSchema } from "@/lib/drills/schema";
import { isStorableText } from "@/lib/text-safety";
import { ANSWER_MODES, parseAnswer } from "./modes";

/** Longest time an attempt may report, in milliseconds (a learner may leave a tab open for a day). */
export const MAX_ATTEMPT_DURATION_MS = 24 * 60 * 60 * 1000;

/** One schema for the drill form and POST /api/attempts. */
export const submitAttemptSchema = z.object({
  drillSlug: drillSlugSchema,
  answer: z
    .string({ error: "answer must be text" })
    .refine((s) => s.trim().length > 0, "answer must not be empty")
    .refine((s) => s.length <= MAX_ANSWER_CHARS, `answer must be at most ${MAX_ANSWER_CHARS} characters`)
    .refine((s) => !s.includes("\u0000"), "answer must not contain NUL characters")
    .refine(isStorableText, "answer must be valid Unicode text"),
  /** Time on the drill page's timer, in milliseconds. */
  durationMs: z
    .number({ error: "durationMs must be a number" })
    .int("durationMs must be a whole number of milliseconds")
    .min(0, "durationMs must not be negative")
    .max(MAX_ATTEMPT_DURATION_MS, `durationMs must be at most ${MAX_ATTEMPT_DURATION_MS}`),
  /** For diagnosis drills: the learner's finished simulation run being diagnosed. */
  runId: z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "runId must be a run id").optional(),
  /** text (markdown, default), diagram (JSON graph) or estimate (JSON numbers); see lib/attempts/modes.ts. */
  mode: z.enum(ANSWER_MODES, { error: `mode must be one of: ${ANSWER_MODES.join(", ")}` }).default("text"),
}).superRefine((input, ctx) => {
  if (input.mode === "text" || typeof input.answer !== "string") return;
  const parsed = parseAnswer(input.mode, input.answer);
  if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["answer"], message: parsed.message });
});

export type SubmitAttemptInput = z.infer<typeof submitAttemptSchema>;
