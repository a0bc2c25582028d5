import { collectNumbers, compileRubric, evaluateEstimate, evaluateOrder, evaluateTextCriterion, findContradictions, findListLike, type AnswerContext, type Finding } from "./evidence";
import { impacts, orderByImpact } from "./feedback";
import type { MatchCache } from "./matcher";
import type { Rubric } from "./rubric";
import { coverage, levelOf, scoreCredits, type Credit } from "./score-answer";
import { measureSubstance, type Substance } from "./substance";
import { analyzeText, type Sentence } from "./text";
import { matchGroupAnyPolarity } from "./matcher";
import type { CompiledRubric } from "./evidence";
import type { NumberMention } from "./numbers";
import type { CriterionResult, GradeResult } from "./types";

export type GradeInput = { text: string; rubric: Rubric };

/** Answer-level substance: how much of the rubric vocabulary sits in explanatory sentences. */
export function substanceOf(sentences: Sentence[], compiled: CompiledRubric, cache: MatchCache, numbers: readonly NumberMention[] = [], estimated: ReadonlySet<string> = new Set()): Substance {
  const hits: number[] = [];
  const covered: number[] = [];
  for (const s of sentences) {
    let n = 0;
    const toks = new Set<number>();
    for (const c of compiled.text.values()) {
      const m = matchGroupAnyPolarity(c.concept, s, cache);
      if (m.length > 0) n++;
      for (const x of m) for (const t of x.tokens) toks.add(t);
    }
    hits.push(n);
    covered.push(toks.size);
  }
  const quantified = new Set<number>();
  for (const n of numbers)
    if (estimated.has(n.quantity)) {
      const i = sentences.findIndex((s) => n.start >= s.start && n.start < s.end);
      if (i >= 0) quantified.add(i);
    }
  return measureSubstance(sentences, hits, covered, quantified);
}

export function gradeAnswer({ text, rubric }: GradeInput): GradeResult {
  const compiled = compileRubric(rubric);
  const sentences = analyzeText(text);
  const cache: MatchCache = new Map();
  const ctx: AnswerContext = { text, sentences, cache, listLike: findListLike(sentences, compiled, cache), numbers: collectNumbers(text) };

  const findings = new Map<string, Finding>();
  for (const c of rubric.criteria) {
    const textCriterion = compiled.text.get(c.id);
    if (textCriterion) findings.set(c.id, evaluateTextCriterion(textCriterion, ctx, rubric.partialCredit));
    else if (c.estimate) findings.set(c.id, evaluateEstimate(c, ctx, rubric.partialCredit));
  }
  // No reference-overlap "paraphrase" credit: it over-credited E5 answers on every labelled file.
  // Unusual wording is handled by the rubrics' synonym and paraphrase term lists instead.
  for (const c of rubric.criteria) if (c.order) findings.set(c.id, evaluateOrder(c, findings, ctx, rubric.partialCredit));

  const contradictionHits = findContradictions(compiled, ctx, (id) => findings.get(id)?.status === "met");
  const contradictions = contradictionHits.map((hit) => {
    const k = rubric.contradictions.find((x) => x.id === hit.id)!;
    return { id: k.id, feedback: k.feedback, cap: k.cap, evidence: hit.evidence };
  });
  const orderCaps = rubric.criteria.flatMap((c) => {
    const f = findings.get(c.id);
    return c.order?.capWhenUnmet !== undefined && f && f.status !== "met" && f.note?.startsWith("Out of order") ? [c.order.capWhenUnmet] : [];
  });
  // Keyword-dense, verb-poor, connective-poor answers cannot reach E5 however many terms they name.
  const estimated = new Set<string>(rubric.criteria.flatMap((c) => (c.estimate ? [c.estimate.quantity] : [])));
  const substance = substanceOf(sentences, compiled, cache, ctx.numbers, estimated);
  const cap = Math.min(100, substance.cap, ...contradictions.map((k) => k.cap), ...orderCaps);

  const credits: Credit[] = rubric.criteria.map((c) => ({ level: c.level, weight: c.weight, credit: findings.get(c.id)?.credit ?? 0 }));
  const score = scoreCredits(credits, rubric.thresholds, cap);
  const gains = impacts(credits, rubric.thresholds, cap);

  const criteria: CriterionResult[] = rubric.criteria.map((c, i) => {
    const f = findings.get(c.id)!;
    return {
      id: c.id,
      title: c.title,
      dimension: c.dimension,
      level: c.level,
      weight: c.weight,
      status: f.status,
      credit: round2(f.credit),
      evidence: f.evidence,
      feedback: f.status === "met" ? null : c.feedback,
      note: f.note,
      impact: gains[i] ?? 0,
      modelAnswer: c.modelAnswer,
    };
  });

  const dimensions = rubric.dimensions.map((d) => {
    const inDim = criteria.filter((c) => c.dimension === d.id);
    const total = inDim.reduce((sum, c) => sum + c.weight, 0);
    const earned = inDim.reduce((sum, c) => sum + c.weight * c.credit, 0);
    return { id: d.id, label: d.label, score: total === 0 ? 0 : Math.round((100 * earned) / total) };
  });

  return {
    drill: rubric.drill,
    rubricVersion: rubric.version,
    score,
    level: levelOf(score),
    coverage: { E5: round2(coverage(credits, "E5")), E6: round2(coverage(credits, "E6")) },
    dimensions,
    criteria,
    missed: orderByImpact(criteria.filter((c) => c.status !== "met")),
    contradictions,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
