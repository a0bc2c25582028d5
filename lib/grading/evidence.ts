import { compileGroup, matchGroup, matchGroupAnyPolarity, type CompiledGroup, type Match, type MatchCache } from "./matcher";
import { findNumbers, sameScale, withinTolerance, type NumberMention } from "./numbers";
import { checkOrder, checkOrderAnyMention } from "./order";
import type { Criterion, Rubric } from "./rubric";
import { related, shapeOf } from "./substance";
import { statesWhy, WHY_WORDS } from "./features";
import { relatesConcepts, statesSomething } from "./assertion";
import { labelHead } from "./explanation";
import { isWordToken, type Sentence } from "./text";
import type { CriterionStatus, Evidence } from "./types";

/**
 * Turns sentences into per-criterion findings: a concept counts when its mechanism is stated next
 * to it (met), only named (partial), or negated (nothing). Keyword lists earn partial credit at best.
 */
export type Finding = {
  status: CriterionStatus;
  credit: number;
  evidence: Evidence | null;
  note: string | null;
  /** Where the concept is first named (positive mentions only); used by order checks. */
  firstAt: number | null;
  /** Every positive mention's start offset. */
  mentions?: number[];
  /** Where the concept first heads a sentence or bullet ("Third, data preparation: …"); order checks prefer it. */
  headAt?: number | null;
};

/** Words that may precede a step's name at the head of a line: ordinals, numbering, "then we". */
const LEADERS = new Set([
  "first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "sixth", "seventh", "eighth", "last", "lastly",
  "finally", "then", "next", "after", "that", "step", "and", "we", "i", "you", "'d", "d", "would", "'ll", "start", "with", "by",
  "the", "a", "do", "is", "it", "phase", "stage", "one", "two", "three", "four", "five", "six", "seven",
]);

/** Does a match head its sentence (at most one non-leader word before it)? */
function headsSentence(s: Sentence, firstToken: number): boolean {
  let before = 0;
  for (let i = 0; i < firstToken; i++) {
    const t = s.tokens[i]!;
    if (!isWordToken(t) || LEADERS.has(t.normal) || /^\d+[.)]?$/.test(t.normal)) continue;
    before++;
  }
  return before <= 1;
}

type CompiledCriterion = {
  level: "E5" | "E6";
  concept: CompiledGroup;
  mechanism: CompiledGroup | null;
  also: CompiledGroup[];
  window: number;
};
type CompiledContradiction = { id: string; all: CompiledGroup[]; scope: "sentence" | "clause"; unlessMet: string[] };
export type CompiledRubric = { text: Map<string, CompiledCriterion>; contradictions: CompiledContradiction[] };

const compiled = new WeakMap<Rubric, CompiledRubric>();

export function compileRubric(rubric: Rubric): CompiledRubric {
  const hit = compiled.get(rubric);
  if (hit) return hit;
  const text = new Map<string, CompiledCriterion>();
  for (const c of rubric.criteria) {
    if (!c.evidence) continue;
    text.set(c.id, {
      level: c.level,
      concept: compileGroup(c.evidence.concept),
      // An explanation may be phrased negatively ("don't ship regressions", "no negatives").
      mechanism: c.evidence.mechanism ? compileGroup(c.evidence.mechanism, "any") : null,
      also: c.evidence.also.map((g) => compileGroup(g, "any")),
      window: c.evidence.window,
    });
  }
  // claims match strictly: "100M ~ 10k QPS" is not the claim "100M QPS"
  const contradictions = rubric.contradictions.map((k) => ({ id: k.id, all: k.all.map((g) => compileGroup(g, "positive", 0)), scope: k.scope, unlessMet: k.unlessMet }));
  const result = { text, contradictions };
  compiled.set(rubric, result);
  return result;
}

export type AnswerContext = {
  text: string;
  sentences: Sentence[];
  cache: MatchCache;
  /** Sentences that read as a list of terms rather than statements. */
  listLike: Set<number>;
  numbers: NumberMention[];
  /** Per sentence: distinct E6 criteria whose concept it names (any polarity). */
  e6Named?: number[];
};

/** A list of rubric terms: several criteria named in one sentence, mostly separators and nouns. */
export function findListLike(sentences: Sentence[], rubric: CompiledRubric, cache: MatchCache): Set<number> {
  const out = new Set<number>();
  for (const s of sentences) {
    const shape = shapeOf(s);
    if (shape.listLike || shape.fragment) {
      out.add(s.index);
      continue;
    }
    const words = s.tokens.filter(isWordToken);
    const separators = s.tokens.filter((t) => t.normal === "," || t.normal === "/" || t.normal === ";" || t.normal === "+").length;
    if (words.length === 0 || separators === 0) continue;
    const verbs = words.filter((t) => t.pos === "VERB" || t.pos === "AUX").length;
    // "Monitoring - observability, drift, alerting": short comma-separated items, no verb at all
    if ((verbs === 0 || (verbs === 1 && separators >= 2)) && words.length / (separators + 1) <= 2.5) {
      out.add(s.index);
      continue;
    }
    if (separators < 2) continue;
    const covered = new Set<number>();
    let criteriaHit = 0;
    for (const c of rubric.text.values()) {
      const hits = matchGroupAnyPolarity(c.concept, s, cache);
      if (hits.length > 0) criteriaHit++;
      for (const h of hits) for (const t of h.tokens) covered.add(t);
    }
    const content = words.filter((t) => !t.stop).length;
    const density = content === 0 ? 0 : covered.size / content;
    const itemsPerSeparator = words.length / (separators + 1);
    if (criteriaHit >= 3 && (density >= 0.45 || itemsPerSeparator <= 3.5) && verbs <= Math.max(1, separators / 3)) out.add(s.index);
  }
  return out;
}

function evidenceOf(ctx: AnswerContext, from: number, to: number): Evidence {
  const a = ctx.sentences[from]!;
  const b = ctx.sentences[to]!;
  return { quote: ctx.text.slice(a.start, b.end), start: a.start, end: b.end };
}

/**
 * First match of `group` in sentences from..to that does not reuse the words of `exclude` and is tied
 * to it by a stated relation (not merely its neighbour in a list or next to a generic verb).
 */
function groupIn(group: CompiledGroup, ctx: AnswerContext, from: number, to: number, exclude: Match, deep = false): Match | null {
  for (let i = Math.max(0, from); i <= Math.min(ctx.sentences.length - 1, to); i++) {
    if (ctx.listLike.has(i)) continue;
    // E6 depth is explained, not gestured at: a neighbouring sentence counts only when one of the two states why
    if (deep && i !== exclude.sentence && !statesWhy(ctx.sentences[i]!) && !statesWhy(ctx.sentences[exclude.sentence]!)) continue;
    const m = matchGroup(group, ctx.sentences[i]!, ctx.cache).find(
      (hit) => (hit.sentence !== exclude.sentence || !hit.tokens.some((t) => exclude.tokens.includes(t))) && related(ctx.sentences, exclude, hit),
    );
    if (m) return m;
  }
  return null;
}

/** Hedges that mark a topic as gestured at ("some kind of X", "maybe X", "X or something"). */
const HEDGES = compileGroup(
  ["some kind of", "some sort of", "something like", "maybe", "perhaps", "possibly", "or something", "etc", "stuff like", "i guess", "kind of thing", "and so on", "whatever"],
  "any",
  0,
);

export function hedged(s: Sentence): boolean {
  return matchGroup(HEDGES, s, new Map()).length > 0;
}

/** Distinct E6 topics one sentence names, at or above which it lists them unless it states a why. */
export const E6_LIST = 2;
/** Content words per E6 topic under which such a sentence only lists them (an explained remedy carries its mechanism). */
export const E6_LIST_WORDS = 5;

/** A bare condition ("if needed", "when necessary") that states no why. */
const FILLER_CONDITION = /\b(?:if|when|where|as) (?:needed|necessary|required|possible|appropriate|applicable|relevant)\b/;

/** Why words that, alone, only contrast, condition or list a remedy ("block instead of warn", "when it drifts", "avoid retry storms"). */
const WEAK_WHY = new Set(["instead", "if", "when", "whenever", "matter", "matters", "avoid"]);

/** Does a sentence list E6 topics (two or more, few words each, no why) rather than explain one? */
function listsE6(s: Sentence, named: number): boolean {
  if (named < E6_LIST) return false;
  // "pause retraining if needed": a condition with nothing in it is no why
  // "block instead of warn" contrasts two options; it states no why either
  const weakOnly = s.tokens.every((t) => !WHY_WORDS.has(t.normal) || WEAK_WHY.has(t.normal));
  if (statesWhy(s) && !weakOnly && !FILLER_CONDITION.test(s.tokens.map((t) => t.normal).join(" "))) return false;
  return s.tokens.filter((t) => isWordToken(t) && !t.stop).length / named < E6_LIST_WORDS;
}

function isQuestion(s: Sentence): boolean {
  return s.tokens[s.tokens.length - 1]?.normal === "?";
}

/** Most criteria one sentence (with its window) can meet: a single concept-dense sentence is not a whole answer. */
export const MAX_MET_PER_SENTENCE = 6;

/**
 * `load` counts the criteria each sentence has already met (criteria are evaluated E5 first, heaviest
 * first); a sentence at MAX_MET_PER_SENTENCE can still make a criterion partial, not met.
 */
/** Does the sentence relate the matched concept to something (lib/grading/assertion.ts)? */
function relatesIn(text: string, s: Sentence, concepts: readonly { tokens: readonly number[] }[]): boolean {
  if (!statesSomething(text, s)) return false;
  const covered = new Set(concepts.flatMap((m) => [...m.tokens]));
  const at = new Map(concepts.map((m, k) => [Math.min(...m.tokens), [k]]));
  return relatesConcepts(text, s, at, covered);
}

/** A sentence that only gestures at E6 topics: a question, or a list of several E6 topics with no why. */
function gesturedAt(s: Sentence, ctx: AnswerContext): boolean {
  return isQuestion(s) || listsE6(s, ctx.e6Named?.[s.index] ?? 0);
}

export function evaluateTextCriterion(c: CompiledCriterion, ctx: AnswerContext, partialCredit: number, load?: Map<number, number>): Finding {
  let partial: { sentence: number; at: number } | null = null;
  let negatedOnly = false;
  let namedOutsideLists = false;
  const mentions = ctx.sentences.flatMap((s) => matchGroup(c.concept, s, ctx.cache).map((m) => m.start));
  const headAt =
    ctx.sentences.flatMap((s) => matchGroup(c.concept, s, ctx.cache).filter((m) => headsSentence(s, Math.min(...m.tokens))).map((m) => m.start))[0] ?? null;
  let met: Finding | null = null;
  for (const s of ctx.sentences) {
    const concepts = matchGroup(c.concept, s, ctx.cache);
    if (concepts.length === 0) {
      if (!negatedOnly && matchGroupAnyPolarity(c.concept, s, ctx.cache).length > 0) negatedOnly = true;
      continue;
    }
    const at = Math.min(...concepts.map((m) => m.start));
    partial ??= { sentence: s.index, at };
    if (c.level === "E6" && !gesturedAt(s, ctx)) namedOutsideLists = true;
    if (ctx.listLike.has(s.index)) continue;
    if (load && (load.get(s.index) ?? 0) >= MAX_MET_PER_SENTENCE) continue;
    const lo = s.index - c.window;
    const hi = s.index + c.window;
    const explained = concepts
      .map((concept) => {
        const deep = c.level === "E6";
        const mech = c.mechanism ? groupIn(c.mechanism, ctx, lo, hi, concept, deep) : null;
        if (c.mechanism && !mech) return null;
        const also = c.also.map((g) => groupIn(g, ctx, lo, hi, concept, deep));
        return also.some((m) => m === null) ? null : { mech, also };
      })
      .find((x) => x !== null);
    if (!explained) continue;
    // "some kind of data contract", "maybe slice it": a hedged E6 topic without a why is gestured at, not explained
    if (c.level === "E6" && hedged(s) && !statesWhy(s)) continue;
    // E6 is explained depth: the sentence naming the E6 topic must itself state a why or relate it to something
    // ("offline metrics are biased here" after a list of remedies names the blind spot; it does not explain it)
    if (c.level === "E6" && !statesWhy(s) && !relatesIn(ctx.text, s, concepts)) continue;
    // a question asks about the topic; it explains nothing ("when is drift worth waking someone up?")
    if (c.level === "E6" && isQuestion(s)) continue;
    // a sentence listing several E6 topics with no why names them ("also slice by app version, agree data
    // contracts with the client team, and canary client releases"): each is gestured at, none explained
    if (c.level === "E6" && listsE6(s, ctx.e6Named?.[s.index] ?? 0)) continue;
    const { mech, also } = explained;
    const touched = [s.index, ...(mech ? [mech.sentence] : []), ...also.map((m) => m!.sentence)];
    met = { status: "met", credit: 1, evidence: evidenceOf(ctx, Math.min(...touched), Math.max(...touched)), note: null, firstAt: partial.at, mentions, headAt };
    load?.set(s.index, (load.get(s.index) ?? 0) + 1);
    break;
  }
  if (met) return met;
  if (partial) {
    const listed = ctx.listLike.has(partial.sentence);
    return {
      status: "partial",
      // an E6 topic named only in questions or bare E6 lists is gestured at: no depth, no credit toward E6
      credit: c.level === "E6" && !namedOutsideLists ? 0 : partialCredit,
      evidence: evidenceOf(ctx, partial.sentence, partial.sentence),
      note: listed ? "Named in a list of terms; say what it does and why it matters here." : "Named, but its role or mechanism is not explained.",
      firstAt: partial.at,
      mentions,
      headAt,
    };
  }
  return { status: "missed", credit: 0, evidence: null, note: negatedOnly ? "Mentioned only in a negated or dismissive way." : null, firstAt: null };
}

export function evaluateEstimate(criterion: Criterion, ctx: AnswerContext, partialCredit: number): Finding {
  const est = criterion.estimate!;
  const candidates = ctx.numbers.filter((n) => n.quantity === est.quantity && n.atUsers !== null && sameScale(n.atUsers, est.atUsers));
  const sentenceAt = (offset: number): number => ctx.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  const pick = (n: NumberMention): Evidence => {
    const i = sentenceAt(n.start);
    return i >= 0 ? evidenceOf(ctx, i, i) : { quote: ctx.text.slice(n.start, n.end), start: n.start, end: n.end };
  };
  const good = candidates.find((n) => withinTolerance(n.value, est.expected, est.tolerance));
  if (good) return { status: "met", credit: 1, evidence: pick(good), note: null, firstAt: good.start };
  const close = candidates.find((n) => withinTolerance(n.value, est.expected, est.tolerance * 3));
  if (close)
    return { status: "partial", credit: partialCredit, evidence: pick(close), note: `Estimate is off: expected about ${formatNumber(est.expected)}.`, firstAt: close.start };
  const wrong = candidates[0];
  return {
    status: "missed",
    credit: 0,
    evidence: null,
    note: wrong ? `Estimate ${formatNumber(wrong.value)} is far from about ${formatNumber(est.expected)}.` : null,
    firstAt: null,
  };
}

export function evaluateOrder(criterion: Criterion, findings: Map<string, Finding>, ctx: AnswerContext, partialCredit: number): Finding {
  const { steps, match } = criterion.order!;
  // a step sits where it heads a line or sentence, else where it is first named ("…what serving will see" is no step)
  const positions = steps.map((id) => {
    const f = findings.get(id);
    return f?.headAt ?? f?.firstAt ?? null;
  });
  const { found, inOrder, outOfOrder } =
    match === "any" ? checkOrderAnyMention(steps, steps.map((id) => findings.get(id)?.mentions ?? [])) : checkOrder(steps, positions);
  if (found < 2) return { status: "missed", credit: 0, evidence: null, note: null, firstAt: null };
  const ratio = inOrder / Math.max(found, Math.ceil(steps.length * 0.7));
  const first = Math.min(...positions.filter((p): p is number => p !== null));
  const last = Math.max(...positions.filter((p): p is number => p !== null));
  const i = ctx.sentences.findIndex((s) => first >= s.start && first < s.end);
  const j = ctx.sentences.findIndex((s) => last >= s.start && last < s.end);
  const evidence = i >= 0 && j >= 0 ? evidenceOf(ctx, i, Math.max(i, j)) : null;
  if (ratio >= 0.999) return { status: "met", credit: 1, evidence, note: null, firstAt: first };
  const note = outOfOrder.length > 0 ? `Out of order: ${outOfOrder.join(", ")}.` : "Too few steps to judge the order.";
  return { status: ratio >= 0.5 ? "partial" : "missed", credit: ratio >= 0.5 ? Math.max(partialCredit, ratio * ratio) : 0, evidence, note, firstAt: first };
}

/** Frames that report or hypothesise a view instead of asserting it ("some would say X", "the naive take is X"). */
const REPORTED = compileGroup(
  [
    "some would say", "some people say", "some people think", "people say", "people think", "many think", "many people think",
    "you might think", "one might think", "you'd think", "it's tempting", "it is tempting", "tempting to", "naive take", "naive answer",
    "naive view", "naively", "the myth", "a myth", "misconception", "common mistake", "the mistake is", "the trap", "would argue",
    "might argue", "might say", "would say", "the usual claim", "the obvious answer", "the easy answer", "the wrong answer", "not that",
  ],
  "any",
  0,
);
const CLAUSE_BREAKS = new Set([",", ";", ":", "—", "–", "(", ")", "because", "but", "so", "although", "though", "while", "whereas", "since", "which", "however"]);

/** Clause number of every token of a sentence. */
function clausesOf(s: Sentence): number[] {
  let clause = 0;
  const out = s.tokens.map((t) => (CLAUSE_BREAKS.has(t.normal) ? ++clause : clause));
  // a leading "Label:" is the subject of the value after it ("**Data verification**: honestly optional")
  const first = Math.max(0, s.tokens.findIndex(isWordToken));
  const found = labelHead(s.tokens.slice(first));
  const head = found >= 0 ? found + first : -1;
  if (head >= 0 && head + 1 < out.length) for (let i = 0; i <= head; i++) out[i] = out[head + 1]!;
  return out;
}

/** Words that open a conditional antecedent, and what closes it. */
const CONDITIONALS = new Set(["if", "unless", "whether", "suppose", "supposing"]);
const ANTECEDENT_END = new Set([",", ";", ":", "—", "–", "then", "(", ")", "."]);

/** Is a token inside a conditional antecedent ("if X were Y, …")? */
export function antecedentTokens(s: Sentence): boolean[] {
  let open = false;
  return s.tokens.map((t) => {
    if (CONDITIONALS.has(t.normal)) open = true;
    else if (ANTECEDENT_END.has(t.normal)) open = false;
    return open;
  });
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Is a token inside quotation marks ("a small change", “just noise”, 'correctly', ‘fine’)? A single quote
 * opens only before a word and after a non-word character, and closes only after a word and before a
 * non-word character, so apostrophes ("isn't", "users' data") are not quotes.
 */
function quotedTokens(s: Sentence, text: string): boolean[] {
  const line = text.slice(s.start, s.end);
  const inside = new Array<boolean>(line.length).fill(false);
  const mark = (from: number, to: number): void => {
    for (let j = from; j <= to; j++) inside[j] = true;
  };
  let open = -1;
  let single = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "“" || ch === "”") {
      if (open === -1) open = i;
      else {
        mark(open, i);
        open = -1;
      }
      continue;
    }
    if (ch !== "'" && ch !== "‘" && ch !== "’") continue;
    const before = i > 0 && WORD_CHAR.test(line[i - 1]!);
    const after = i + 1 < line.length && WORD_CHAR.test(line[i + 1]!);
    if (single === -1 && !before && after && ch !== "’") single = i;
    else if (single !== -1 && before && !after && ch !== "‘") {
      mark(single, i);
      single = -1;
    }
  }
  return s.tokens.map((t) => inside[t.start - s.start] === true);
}

/**
 * Claims the answer asserts: every group of the claim matches (in one clause when so scoped), not
 * inside quotation marks, not framed as someone else's view, and not outweighed by the answer meeting
 * a criterion that states the very point the claim denies.
 */
export function findContradictions(rubric: CompiledRubric, ctx: AnswerContext, met: (criterionId: string) => boolean = () => false): { id: string; evidence: Evidence }[] {
  const out: { id: string; evidence: Evidence }[] = [];
  for (const k of rubric.contradictions) {
    if (k.unlessMet.some(met)) continue;
    for (const s of ctx.sentences) {
      const perGroup = k.all.map((g) => matchGroup(g, s, ctx.cache));
      if (perGroup.some((m) => m.length === 0)) continue;
      if (matchGroup(REPORTED, s, ctx.cache).length > 0) continue;
      const quoted = quotedTokens(s, ctx.text);
      const asserted = perGroup.map((ms) => ms.filter((m) => !m.tokens.some((t) => quoted[t])));
      if (asserted.some((m) => m.length === 0)) continue;
      // a claim wholly inside an "if …" antecedent is a hypothesis ("if the model were the hard part, a
      // library call would do"); one that reaches the consequent is a rule the answer asserts
      const hypothetical = antecedentTokens(s);
      if (asserted.every((ms) => ms.every((m) => m.tokens.every((t) => hypothetical[t])))) continue;
      if (k.scope === "clause") {
        const clause = clausesOf(s);
        const clausesPer = asserted.map((ms) => new Set(ms.flatMap((m) => m.tokens.map((t) => clause[t]!))));
        const first = clausesPer[0]!;
        if (![...first].some((c) => clausesPer.every((set) => set.has(c)))) continue;
      }
      out.push({ id: k.id, evidence: evidenceOf(ctx, s.index, s.index) });
      break;
    }
  }
  return out;
}

/**
 * The impact waved away: a diagnosis asks for the impact, and an answer that states it as none, minimal,
 * negligible or cosmetic ("Impact: realistically minimal.", "the user impact is effectively zero", "Impact is
 * honestly small.") contradicts the drill's core point, however well it explains the rest. Not negated ("the
 * impact is not negligible"), not in quotes, not framed as someone else's view.
 */
const IMPACT_WAVED = new RegExp(
  String.raw`\bimpact\b(?:\s+on\s+[\w ]{1,30}?)?\s*(?::|is|was|would be|will be|=)\s*(?:\w+ly\s+|basically\s+|probably\s+|pretty\s+|very\s+|quite\s+)*(?:none|nil|minimal|minor|negligible|cosmetic|small|tiny|zero|nothing)\b` +
    String.raw`|\bimpact\b[^.;]{0,20}\b(?:effectively|basically|essentially|practically)\s+(?:zero|none|nil)\b|\bno\s+(?:real\s+|user(?:-facing)?\s+|meaningful\s+)impact\b`,
  "i",
);

/**
 * Green monitors taken as proof of health: "the monitors are green, so the system is healthy", "since schema,
 * nulls and freshness are green, the data is fine". A diagnosis whose monitors stayed green is about exactly
 * what they cannot see; an inference from green to fine contradicts it. Explaining why they stay green ("green
 * because the data is fine — it is only slow") is no inference and does not match.
 */
const GREEN_AS_PROOF = new RegExp(
  String.raw`\bgreen\b[^.;:]*\b(?:so|then|means|confident|tells me|proves?|shows?)\b[^.;]*\b(?:healthy|fine|working|ok|okay|no impact)\b` +
    String.raw`|\b(?:since|as|if|given)\b[^.;]*\bgreen\b[^.;]*,[^.;]*\b(?:healthy|fine|working|ok|okay|no impact)\b`,
  "i",
);

export function findWavedImpact(ctx: AnswerContext): Evidence | null {
  return findBuiltInClaim(ctx, IMPACT_WAVED);
}

export function findGreenAsProof(ctx: AnswerContext): Evidence | null {
  return findBuiltInClaim(ctx, GREEN_AS_PROOF);
}

/** First sentence asserting a built-in claim: not negated before it, not turning after it, not quoted or reported. */
function findBuiltInClaim(ctx: AnswerContext, claim: RegExp): Evidence | null {
  for (const s of ctx.sentences) {
    const line = ctx.text.slice(s.start, s.end);
    const m = claim.exec(line);
    if (!m) continue;
    if (matchGroup(REPORTED, s, ctx.cache).length > 0) continue;
    const before = line.slice(Math.max(0, m.index - 30), m.index);
    if (/\b(not|n't|never|if|unless)\b[^.;:]*$/i.test(before) || /\bnot\b/i.test(m[0])) continue;
    // "small per request, but it adds up": a concession that turns, not a dismissal
    if (/\b(but|yet|though|although|however|adds? up|compound\w*|until|at first)\b/i.test(line.slice(m.index + m[0].length))) continue;
    const quoted = quotedTokens(s, ctx.text);
    if (s.tokens.some((t, i) => quoted[i] && t.start - s.start >= m.index && t.start - s.start < m.index + m[0].length)) continue;
    return evidenceOf(ctx, s.index, s.index);
  }
  return null;
}

export function collectNumbers(text: string): NumberMention[] {
  return findNumbers(text);
}

function formatNumber(n: number): string {
  const units: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]];
  for (const [size, suffix] of units) if (n >= size) return `${Number((n / size).toPrecision(2))}${suffix}`;
  return String(Number(n.toPrecision(2)));
}
