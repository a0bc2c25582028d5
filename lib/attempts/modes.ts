/**
 * Answer modes. Every drill takes a markdown answer; the whiteboard drill also takes a diagram (graded
 * as a graph) and the scale drill a table of numbers (checked against the capacity model).
 */
import type { z } from "zod";
import { diagramSchema, type Diagram } from "@/lib/diagram";
import { estimatesInputSchema, type EstimatesInput } from "@/lib/estimates";
import { jsonHasNulEscape } from "@/lib/text-safety";

export const ANSWER_MODES = ["text", "diagram", "estimate"] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export const DRILL_MODES: Record<string, AnswerMode[]> = {
  "whiteboard-system": ["text", "diagram"],
  "scale-discussion": ["text", "estimate"],
};

export function modesForDrill(slug: string): AnswerMode[] {
  return DRILL_MODES[slug] ?? ["text"];
}

export type ParsedAnswer = { mode: "text"; text: string } | { mode: "diagram"; diagram: Diagram } | { mode: "estimate"; estimates: EstimatesInput };

/** Parses a stored or submitted answer for its mode; returns the zod issues' first message on failure. */
export function parseAnswer(mode: AnswerMode, answer: string): { ok: true; value: ParsedAnswer } | { ok: false; message: string } {
  if (mode === "text") return { ok: true, value: { mode, text: answer } };
  if (jsonHasNulEscape(answer)) return { ok: false, message: `a ${mode} answer must not contain NUL characters` };
  let json: unknown;
  try {
    json = JSON.parse(answer);
  } catch {
    return { ok: false, message: `a ${mode} answer must be JSON` };
  }
  const schema: z.ZodType = mode === "diagram" ? diagramSchema : estimatesInputSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join(".") || mode}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: mode === "diagram" ? { mode, diagram: parsed.data as Diagram } : { mode, estimates: parsed.data as EstimatesInput } };
}
