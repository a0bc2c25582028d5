import { z } from "zod";

/**
 * Drill content as authored in `prisma/content/drills/<slug>.json` and seeded into the database.
 * Slugs are stable: URLs, grading fixtures and simulations refer to them.
 */
export const DRILL_KINDS = ["text", "recitation", "diagram", "estimate", "diagnosis"] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export const drillSlugSchema = z
  .string()
  .min(1, "Drill slug is required")
  .max(64, "Drill slug must be at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Drill slug must be lowercase words joined by hyphens");

export const drillContentSchema = z.object({
  slug: drillSlugSchema,
  title: z.string().min(3).max(120),
  kind: z.enum(DRILL_KINDS),
  /** Position in the catalog, ascending. */
  order: z.number().int().min(0),
  /** One line shown on the catalog card. */
  summary: z.string().min(10).max(240),
  /** What the learner is asked, in markdown. */
  prompt: z.string().min(20),
  /** Background the learner may read before answering, in markdown. */
  context: z.string().min(20),
  /** What an E5 and an E6 answer looks like, shown after submitting. */
  levelGuidance: z.object({ E5: z.string().min(10), E6: z.string().min(10) }),
  /** Time box the visible timer counts against, in minutes. */
  suggestedMinutes: z.number().int().min(1).max(60),
  /** For diagnosis drills: the simulation scenario id whose run can be attached. */
  scenario: z.string().optional(),
});

export type DrillContent = z.infer<typeof drillContentSchema>;

/** The largest answer we store, in characters (about four pages of prose). */
export const MAX_ANSWER_CHARS = 10_000;
