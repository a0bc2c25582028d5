import { z } from "zod";

/**
 * Rubrics are authored as data in `prisma/content/rubrics/<drill-slug>.json` and validated here.
 * Content authors change wording, synonyms, weights and thresholds without touching code; bump
 * `version` on every change so stored grades stay tied to the rubric that produced them.
 *
 * Term syntax (used by every concept group):
 * - `"stale feature"`   words in this order, matched on lower-case form or lemma, small gaps allowed
 *                       ("features are stale" needs its own term or the `&` form).
 * - `"fresh*"`          a word prefix.
 * - `"age & feature"`   all parts somewhere in the same sentence, any order.
 * Words of six letters or more also match with one typo.
 */
export const LEVELS = ["E5", "E6"] as const;
export type RubricLevel = (typeof LEVELS)[number];

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens");
const termSchema = z.string().trim().min(1).max(80);

/**
 * A group of interchangeable terms. `polarity`: `positive` (default) ignores negated mentions
 * ("no monitoring"), `negated` only counts negated ones ("no errors"), `any` counts both.
 */
export const conceptGroupSchema = z.union([
  z.array(termSchema).min(1),
  z.object({
    terms: z.array(termSchema).min(1),
    polarity: z.enum(["positive", "negated", "any"]).default("positive"),
  }),
]);
export type ConceptGroupInput = z.input<typeof conceptGroupSchema>;

/** Text evidence: a concept named (`concept`) and explained (`mechanism`) near each other. */
export const textEvidenceSchema = z.object({
  /** What must be named. Named without mechanism earns partial credit. */
  concept: conceptGroupSchema,
  /** What turns the name into an explanation (its role, cause, effect). Omit when naming is enough.
   *  Plain arrays here (and in `also`) count negated mentions too: "don't ship regressions" explains. */
  mechanism: conceptGroupSchema.optional(),
  /** Further groups that must all hold in the same window (a relation: fallback ⇄ the failure it handles). */
  also: z.array(conceptGroupSchema).default([]),
  /** How many sentences either side of the concept the mechanism and `also` groups may sit. */
  window: z.number().int().min(0).max(3).default(1),
});

/** Ordering evidence: the listed criteria must appear in this order in the answer. */
export const orderEvidenceSchema = z.object({
  steps: z.array(idSchema).min(2),
  /** Highest score when the steps the answer gives are out of order (a misplaced step fails the drill). */
  capWhenUnmet: z.number().int().min(0).max(74).optional(),
  /** `first`: each step sits where it is first mentioned (recitations). `any`: any mention may be used (diagrams). */
  match: z.enum(["first", "any"]).default("first"),
});

/** Numeric evidence: an estimate with units, tied to the user scale it belongs to. */
export const QUANTITIES = ["qps", "bytes", "events", "lookups"] as const;
export const estimateEvidenceSchema = z.object({
  quantity: z.enum(QUANTITIES),
  /** The scale (daily users) the number belongs to; the number must be stated in that scale's context. */
  atUsers: z.number().positive(),
  /** Expected value from the drill's capacity assumptions. */
  expected: z.number().positive(),
  /** Multiplicative tolerance: a value within expected ÷ t … expected × t is met. */
  tolerance: z.number().min(1).default(4),
});

export const criterionSchema = z
  .object({
    id: idSchema,
    dimension: idSchema,
    level: z.enum(LEVELS),
    weight: z.number().positive().max(10),
    /** What the criterion checks, as shown next to its status. */
    title: z.string().min(3).max(160),
    evidence: textEvidenceSchema.optional(),
    order: orderEvidenceSchema.optional(),
    estimate: estimateEvidenceSchema.optional(),
    /**
     * The drill's core point (the mechanism of a diagnosis): an answer that never even names it answers a
     * different question (a misdiagnosis) and stays below E5, whatever else it covers.
     */
    core: z.boolean().default(false),
    /** What to add when the criterion is missed or partial. */
    feedback: z.string().min(10),
    /** A short excerpt of a model answer for this criterion. */
    modelAnswer: z.string().min(10),
  })
  .refine((c) => [c.evidence, c.order, c.estimate].filter(Boolean).length === 1, {
    message: "a criterion needs exactly one of evidence, order or estimate",
  });

/**
 * A claim that contradicts the drill's core point; asserted anywhere, it caps the score. Claim terms
 * match strictly (no skipped words); a claim that is negated, quoted or framed as someone else's view
 * ("some would say", "a naive take is") is not asserted and does not count.
 */
export const contradictionSchema = z.object({
  id: idSchema,
  /** All groups must match in one sentence (or one clause, with `scope: "clause"`). */
  all: z.array(conceptGroupSchema).min(1),
  /** `clause`: the groups must sit in one clause ("the ML code is small because the hard part moved out" is no claim). */
  scope: z.enum(["sentence", "clause"]).default("sentence"),
  /** Criteria that state the drill's core point: when the answer meets any of them, the claim was not its position. */
  unlessMet: z.array(idSchema).default([]),
  /** Highest score an answer making this claim can get. */
  cap: z.number().int().min(0).max(74),
  feedback: z.string().min(10),
});

export const rubricSchema = z
  .object({
    drill: idSchema,
    version: z.number().int().min(1),
    dimensions: z.array(z.object({ id: idSchema, label: z.string().min(2) })).min(1),
    /** Weighted share of E5 (E6) criteria needed for the E5 (E6) bar. */
    thresholds: z
      .object({ E5: z.number().gt(0).max(1), E6: z.number().gt(0).max(1) })
      .default({ E5: 0.55, E6: 0.5 }),
    /** Credit for a criterion named but not explained. */
    partialCredit: z.number().min(0).max(1).default(0.35),
    criteria: z.array(criterionSchema).min(1),
    contradictions: z.array(contradictionSchema).default([]),
    /**
     * For drills that ask *why* each part matters: when fewer than `minShare` of the sentences naming a
     * concept state what goes wrong or what is at stake (a consequence, a failure, a counterfactual), the
     * answer defines parts without saying why they matter (what-not-why) and is capped at `cap`.
     */
    stakes: z.object({ minShare: z.number().min(0).max(1), cap: z.number().int().min(0).max(74) }).optional(),
    /** The full model answer, markdown, revealed after submitting. */
    modelAnswer: z.string().min(20),
  })
  .superRefine((rubric, ctx) => {
    const dims = new Set(rubric.dimensions.map((d) => d.id));
    const ids = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: `duplicate criterion id ${c.id}` });
      ids.add(c.id);
      if (!dims.has(c.dimension))
        ctx.addIssue({ code: "custom", path: ["criteria", i, "dimension"], message: `unknown dimension ${c.dimension}` });
    });
    rubric.criteria.forEach((c, i) => {
      for (const step of c.order?.steps ?? [])
        if (!ids.has(step)) ctx.addIssue({ code: "custom", path: ["criteria", i, "order", "steps"], message: `unknown criterion ${step}` });
    });
    rubric.contradictions.forEach((k, i) => {
      for (const id of k.unlessMet)
        if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["contradictions", i, "unlessMet"], message: `unknown criterion ${id}` });
    });
    for (const level of LEVELS)
      if (!rubric.criteria.some((c) => c.level === level))
        ctx.addIssue({ code: "custom", path: ["criteria"], message: `a rubric needs at least one ${level} criterion` });
  });

export type Rubric = z.output<typeof rubricSchema>;
export type RubricInput = z.input<typeof rubricSchema>;
export type Criterion = Rubric["criteria"][number];
export type ConceptGroup = z.output<typeof conceptGroupSchema>;

export class RubricError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RubricError";
  }
}

/** Validates raw rubric data; the error names the source and the first bad field. */
export function parseRubric(raw: unknown, source = "rubric"): Rubric {
  const parsed = rubricSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new RubricError(`${source}: field "${field}": ${issue?.message ?? "invalid"}`, { cause: parsed.error });
}
