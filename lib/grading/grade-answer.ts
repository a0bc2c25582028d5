import calibrationData from "./calibration.json";
import { calibratedScore, finalScore, parseCalibration, type Calibration, type Features } from "./calibration";
import { collectNumbers, compileRubric, evaluateEstimate, evaluateOrder, evaluateTextCriterion, findContradictions, findGreenAsProof, findListLike, findWavedImpact, type AnswerContext, type Finding } from "./evidence";
import { dismissiveIn, statesStakes, statesWhy } from "./features";
import { containerCap, measureAssertion, type AssertionStats } from "./assertion";
import { measureExplanation, stuffingCap, type ExplanationStats } from "./explanation";
import { impacts, orderByImpact } from "./feedback";
import type { MatchCache } from "./matcher";
import type { Rubric } from "./rubric";
import { coverage, scoreFromCoverage, levelOf, scoreCredits, type Credit } from "./score-answer";
import { DENSE_CONCEPTS, measureSubstance, type Substance } from "./substance";
import { analyzeText, isWordToken, type Sentence } from "./text";
import { matchGroupAnyPolarity } from "./matcher";
import type { CompiledRubric } from "./evidence";
import type { NumberMention } from "./numbers";
import type { CriterionResult, GradeResult } from "./types";

/**
 * `calibration`: the score calibration to apply; omitted → the fitted one in calibration.json; null →
 * the rule grader's own score (used when fitting, and to compare).
 */
export type GradeInput = { text: string; rubric: Rubric; calibration?: Calibration | null };

/** The calibration shipped with the grader (lib/grading/calibration.json, see `npm run fit:grader`). */
export const DEFAULT_CALIBRATION: Calibration = parseCalibration(calibrationData);

/**
 * Per sentence: distinct criteria whose concept it names, the tokens those names cover, and where each
 * criterion is named (first token of each match → criterion indexes).
 */
export function conceptStats(sentences: Sentence[], compiled: CompiledRubric, cache: MatchCache): { hits: number[]; covered: number[]; at: Map<number, number[]>[]; spans: Set<number>[] } {
  const hits: number[] = [];
  const covered: number[] = [];
  const at: Map<number, number[]>[] = [];
  const spans: Set<number>[] = [];
  for (const s of sentences) {
    let n = 0;
    const toks = new Set<number>();
    const where = new Map<number, number[]>();
    let k = 0;
    for (const c of compiled.text.values()) {
      const m = matchGroupAnyPolarity(c.concept, s, cache);
      if (m.length > 0) n++;
      for (const x of m) {
        for (const t of x.tokens) toks.add(t);
        const first = Math.min(...x.tokens);
        const list = where.get(first) ?? [];
        if (!list.includes(k)) list.push(k);
        where.set(first, list);
      }
      k++;
    }
    hits.push(n);
    covered.push(toks.size);
    at.push(where);
    spans.push(toks);
  }
  return { hits, covered, at, spans };
}

/** Answer-level substance: how much of the rubric vocabulary sits in explanatory sentences. */
export function substanceOf(
  sentences: Sentence[],
  compiled: CompiledRubric,
  cache: MatchCache,
  numbers: readonly NumberMention[] = [],
  estimated: ReadonlySet<string> = new Set(),
  stats: { hits: number[]; covered: number[]; at?: Map<number, number[]>[] } = conceptStats(sentences, compiled, cache),
): Substance {
  const quantified = new Set<number>();
  for (const n of numbers)
    if (estimated.has(n.quantity)) {
      const i = sentences.findIndex((s) => n.start >= s.start && n.start < s.end);
      if (i >= 0) quantified.add(i);
    }
  return measureSubstance(sentences, stats.hits, stats.covered, quantified);
}

/** Everything the rule grader works out about an answer, before calibration. */
export type Analysis = {
  /** The rule grader's result (score and level from the rules alone). */
  result: GradeResult;
  features: Features;
  /** Is the E5 bar met (E5 coverage at the rubric's threshold)? */
  e5Bar: boolean;
  /** Is every E5 criterion met? Such an answer meets the drill's core ask: E5 at least, unless capped. */
  e5Full: boolean;
  /** Lowest cap that applies: substance, buzzwords, contradictions, order. */
  cap: number;
  /** How much of the rubric vocabulary is explained rather than named (see explanation.ts). */
  explanation: ExplanationStats;
  /** How much of the rubric vocabulary sits in sentences that state something (see assertion.ts). */
  assertion: AssertionStats;
};

export function gradeAnswer({ text, rubric, calibration = DEFAULT_CALIBRATION }: GradeInput): GradeResult {
  const analysis = analyzeAnswer({ text, rubric });
  if (calibration === null) return analysis.result;
  const score = finalScore(calibratedScore(analysis.features, calibration), analysis);
  return { ...analysis.result, score, level: levelOf(score), ruleScore: analysis.result.score };
}

/** The rule grader: criteria, caps and the features calibration reads. Pure. */
export function analyzeAnswer({ text, rubric }: { text: string; rubric: Rubric }): Analysis {
  const compiled = compileRubric(rubric);
  const sentences = analyzeText(text);
  const cache: MatchCache = new Map();
  // concept-dense sentences first: their weak relations explain nothing (read by every shape below)
  const stats = conceptStats(sentences, compiled, cache);
  sentences.forEach((s, i) => {
    if ((stats.hits[i] ?? 0) >= DENSE_CONCEPTS) s.dense = true;
  });
  const levels = [...compiled.text.values()].map((c) => c.level);
  const e6Named = stats.at.map((where) => new Set([...where.values()].flat().filter((k) => levels[k] === "E6")).size);
  const ctx: AnswerContext = { text, sentences, cache, listLike: findListLike(sentences, compiled, cache), numbers: collectNumbers(text), e6Named };

  const findings = new Map<string, Finding>();
  // E5 criteria first, heaviest first: one sentence can meet only a few criteria (MAX_MET_PER_SENTENCE)
  const load = new Map<number, number>();
  const byPriority = [...rubric.criteria].sort((a, b) => (a.level === b.level ? b.weight - a.weight : a.level === "E5" ? -1 : 1));
  for (const c of byPriority) {
    const textCriterion = compiled.text.get(c.id);
    if (textCriterion) findings.set(c.id, evaluateTextCriterion(textCriterion, ctx, rubric.partialCredit, load));
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
  // a diagnosis asks for the impact: one waved away ("impact: realistically minimal") contradicts the drill
  if (rubric.dimensions.some((d) => d.id === "impact") && !contradictions.some((k) => k.cap <= WAVED_IMPACT_CAP)) {
    const evidence = findWavedImpact(ctx);
    if (evidence) contradictions.push({ id: "impact-waved-away", feedback: WAVED_IMPACT_FEEDBACK, cap: WAVED_IMPACT_CAP, evidence });
  }
  // a diagnosis of what the monitors could not see: green taken as proof of health contradicts it
  if (rubric.dimensions.some((d) => d.id === "detection") && !contradictions.some((k) => k.cap <= WAVED_IMPACT_CAP)) {
    const evidence = findGreenAsProof(ctx);
    if (evidence) contradictions.push({ id: "green-as-proof", feedback: GREEN_AS_PROOF_FEEDBACK, cap: WAVED_IMPACT_CAP, evidence });
  }
  const orderCaps = rubric.criteria.flatMap((c) => {
    const f = findings.get(c.id);
    return c.order?.capWhenUnmet !== undefined && f && f.status !== "met" && f.note?.startsWith("Out of order") ? [c.order.capWhenUnmet] : [];
  });
  // Keyword-dense, verb-poor, connective-poor answers cannot reach E5 however many terms they name.
  const estimated = new Set<string>(rubric.criteria.flatMap((c) => (c.estimate ? [c.estimate.quantity] : [])));
  const substance = substanceOf(sentences, compiled, cache, ctx.numbers, estimated, stats);
  const explanation = measureExplanation(sentences, stats.at);
  // keyword stuffing in a container (table, CSV, config, code, slides, index …): the vocabulary is not stated
  const assertion = measureAssertion(text, sentences, stats.at, stats.spans);
  // what-not-why: drills that ask why each part matters cap answers that only say what each part is
  const conceptual = sentences.filter((_, i) => (stats.hits[i] ?? 0) > 0);
  const stakes = conceptual.length === 0 ? 0 : conceptual.filter(statesStakes).length / conceptual.length;
  const stakesCap = rubric.stakes && conceptual.length > 0 && stakes < rubric.stakes.minShare ? rubric.stakes.cap : 100;
  // a drill that asks for estimates (QPS, storage …) is not answered without a single one: the scale is not discussed
  const estimatesAsked = rubric.criteria.some((c) => c.estimate && c.level === "E5");
  const estimateCap = estimatesAsked && !ctx.numbers.some((n) => estimated.has(n.quantity)) ? NO_ESTIMATE_CAP : 100;
  // a diagnosis that never names the drill's core mechanism is a misdiagnosis, however well it covers the rest
  const coreCap = rubric.criteria.some((c) => c.core && findings.get(c.id)?.status === "missed") ? CORE_MISSED_CAP : 100;
  const whyShare = conceptual.length === 0 ? 0 : conceptual.filter(statesWhy).length / conceptual.length;
  const cap = Math.min(100, substance.cap, stuffingCap(explanation), containerCap(assertion, whyShare), stakesCap, estimateCap, coreCap, ...contradictions.map((k) => k.cap), ...orderCaps);

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

  const e5 = coverage(credits, "E5");
  const e6 = coverage(credits, "E6");
  const result: GradeResult = {
    drill: rubric.drill,
    rubricVersion: rubric.version,
    score,
    level: levelOf(score),
    coverage: { E5: round2(e5), E6: round2(e6) },
    dimensions,
    criteria,
    missed: orderByImpact(criteria.filter((c) => c.status !== "met")),
    contradictions,
  };

  // answer-level features for calibration (each roughly 0–1)
  const estimates = rubric.criteria.filter((c) => c.estimate);
  const wordCount = sentences.reduce((n, s) => n + s.tokens.filter(isWordToken).length, 0);
  // distinct content lemmas: saying the same thing twice adds nothing
  const contentWords = new Set(sentences.flatMap((s) => s.tokens.filter((t) => isWordToken(t) && !t.stop).map((t) => t.lemma))).size;
  const { E5: t5, E6: t6 } = rubric.thresholds;
  const features: Features = {
    rule: scoreFromCoverage(e5, e6, rubric.thresholds) / 100,
    e5,
    e6,
    e5Above: e5 >= t5 ? (t5 >= 1 ? 1 : (e5 - t5) / (1 - t5)) : 0,
    e6Above: e6 >= t6 ? (t6 >= 1 ? 1 : (e6 - t6) / (1 - t6)) : 0,
    e5Bar: e5 >= t5 ? 1 : 0,
    metShare: criteria.filter((c) => c.status === "met").length / Math.max(1, criteria.length),
    partialShare: criteria.filter((c) => c.status === "partial").length / Math.max(1, criteria.length),
    explained: substance.explainedShare,
    listShare: substance.listShare,
    termDensity: substance.termDensity,
    buzz: Math.min(1, substance.buzz.share * 10),
    why: whyShare,
    denseShare: conceptual.length === 0 ? 0 : conceptual.filter((s) => s.dense === true).length / conceptual.length,
    maxConcepts: Math.min(1, Math.max(0, ...stats.hits) / 10),
    length: Math.log(1 + contentWords) / Math.log(400),
    numbersOff: estimates.length === 0 ? 0 : estimates.filter((c) => findings.get(c.id)?.note?.startsWith("Estimate")).length / estimates.length,
    contradiction: contradictions.length > 0 ? 1 : 0,
    cap: cap / 100,
    // per sentence, or per DISMISSIVE_SPAN words when sentences run long: one long sentence with one hedge is not a dismissal
    dismissive: Math.min(1, sentences.reduce((n, s) => n + dismissiveIn(s), 0) / Math.max(1, sentences.length, wordCount / DISMISSIVE_SPAN)),
    density: explanation.density,
    named: Math.min(1, explanation.cellShare + explanation.overloadShare),
    stakes,
  };
  const e5Full = criteria.some((c) => c.level === "E5") && criteria.every((c) => c.level !== "E5" || c.status === "met");
  return { result, features, e5Bar: e5 >= t5, e5Full, cap, explanation, assertion };
}

/** Highest score of a diagnosis that waves its impact away (the label standard's contradictions score 12–26). */
const WAVED_IMPACT_CAP = 25;
const WAVED_IMPACT_FEEDBACK =
  "The impact is waved away as none or minimal. Say who is affected and how: which rankings get worse, for which users or posts, and what it does to engagement and to the next training run.";

const GREEN_AS_PROOF_FEEDBACK =
  "Green monitors only show that what they measure is fine. Say what they cannot see here (stale values, shifted meaning, a biased sample, the label) and the signal that would.";

/** Highest score of an answer that never names the drill's core point (a criterion marked `core`). */
const CORE_MISSED_CAP = 40;

/** Highest score of an answer to an estimating drill that states no estimated quantity at all. */
const NO_ESTIMATE_CAP = 40;

/** Words per "sentence" when normalising dismissive markers (a typical spoken sentence). */
const DISMISSIVE_SPAN = 25;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
