import { isBuzzword, sameStem } from "./substance";
import { isWordToken, type Sentence, type Token } from "./text";

/**
 * Explanation density: how much of an answer's rubric vocabulary is *explained* rather than *named*.
 *
 * Every sentence is cut into clauses at punctuation, table pipes, arrows and the words that string names
 * together ("which", "while", "via", "with", "feeding into" …). A rubric concept named in a clause is
 * explained when that clause carries a specific finite predicate ("the store kept serving the last
 * snapshot", "nulls hide the bug") or is tied to a neighbouring clause by a causal connective ("because",
 * "so", "otherwise", "if … then"). It is only named when it sits in a noun phrase, a "for <noun>" purpose,
 * a one- or two-word table cell or "label: value" note, a participle chain ("detected via X feeding into
 * Y") or a definition ("X, which holds the parameters"). One predicate explains at most two concepts.
 *
 * The answer-level figures feed a stuffing detector (`stuffingOf`) that combines explanation density,
 * concept density and sentence shape; its cap applies after calibration, so a stuffing format the other
 * checks do not recognise still stays below E5.
 */

/** Punctuation that ends a clause. */
const CLAUSE_PUNCT = new Set([",", ";", ":", "|", "(", ")", "[", "]", "—", "–", "-", "/", "arrow", "→", "↓", "↑", ">", "<", "+", "=", "&"]);
/** Words that make a verbless note a claim: an absence ("no labels"), a quantity ("~120 qps" has a digit). */
const STATING = new Set(["no", "not", "never", "n't", "nothing", "none", "zero"]);
/** A number, with an optional magnitude or unit ("120", "1.5", "12k", "10tb", "50ms"); not a commit hash. */
const QUANTITY = /^\d+([.,]\d+)*(k|m|b|bn|kb|mb|gb|tb|pb|ms|s|h|d|x|%|qps)?$/;
/** Arrows that tie a cause to its effect in notes ("stale feats -> new posts buried"). */
const ARROWS = new Set(["arrow", "→", "=", ">"]);
/** A token made only of symbols (no letter or digit). */
const SYMBOL_RUN = /^[^\p{L}\p{N}]+$/u;
/** Symbols that sit inside a clause: quotes, apostrophes, units, sentence ends, markdown emphasis. */
const INLINE_PUNCT = new Set(["'", "’", "‘", '"', "“", "”", "%", "$", "€", "£", "#", "@", ".", "!", "?", "...", "…", "*", "**", "_", "`", "~", "≈", "^", "'s"]);
/** Words that start a new clause without explaining the one before. */
const STRINGING = new Set(["which", "who", "whose", "while", "whereas", "via", "through", "with", "plus", "including", "incl", "e.g.", "eg", "i.e.", "ie", "and", "or", "then"]);
/** Connectives that tie a clause to its neighbour by cause, purpose, condition or consequence. */
export const CAUSAL = new Set([
  "because", "since", "so", "therefore", "thus", "hence", "otherwise", "if", "unless", "when", "whenever", "until", "means", "meaning",
  "cause", "causes", "caused", "causing", "lead", "leads", "led", "prevent", "prevents", "prevented", "avoid", "avoids", "else", "bc", "cuz",
  "coz", "cos", "why", "without", "instead", "but", "although", "though", "once", "before", "after", "due",
]);
/** Verbs that name rather than state ("we need X", "it uses Y") or only string names together ("X feeds Y"). */
const NAMING_VERBS = new Set([
  "be", "have", "use", "need", "include", "involve", "add", "consider", "do", "get", "go", "handle", "want", "require", "cover", "contain",
  "apply", "implement", "build", "create", "make", "think", "know", "say", "mention", "discuss", "talk", "give", "provide", "support",
  "utilize", "utilise", "leverage", "employ", "take", "put", "set", "call", "guess", "like", "list", "matter", "ensure", "deal", "look",
  "help", "manage", "address", "tackle", "focus", "mean", "exist", "come", "happen", "plan", "feed", "drive", "power", "enable",
  "orchestrate", "observe", "track", "hold", "store", "sit", "show", "combine", "integrate", "involve", "mitigate", "impact", "affect",
  "detect", "monitor", "leverage", "close", "run", "own", "cover", "define", "represent", "refer", "describe", "stand", "denote",
]);
const BE = new Set(["is", "are", "was", "were", "'s", "'re", "be", "been"]);
const MODALS = new Set(["will", "would", "can", "could", "should", "may", "might", "must", "'ll", "'d", "wo", "ca"]);

/** One clause: its concept mentions (criterion indexes), whether it states a predicate, and its links. */
type Clause = { words: number; concepts: Set<number>; predicate: boolean; causal: boolean };

export type ExplanationStats = {
  /** Concept mentions: distinct criteria per clause. */
  mentions: number;
  /** Mentions explained by a predicate or causal link (at most two per predicate clause). */
  explained: number;
  /** explained ÷ mentions (1 when nothing is named). */
  density: number;
  /** Clauses, and clauses carrying a specific finite predicate. */
  clauses: number;
  predicates: number;
  /** Mean words per clause. */
  clauseWords: number;
  /** Distinct criteria named anywhere. */
  distinct: number;
  /** Share of mentions in cells of one or two words (table cells, list items, "label: value" values). */
  cellShare: number;
  /** Share of mentions in overloaded sentences: five or more concepts, fewer than one predicate per two. */
  overloadShare: number;
};

/** Is token i a finite, specific predicate (not a participle modifier, a naming verb or a restated name)? */
export function isPredicate(tokens: Token[], i: number): boolean {
  const tok = tokens[i]!;
  if (tok.pos === "NOUN" && mistaggedVerb(tokens, i)) return !NAMING_VERBS.has(tok.lemma) && !isBuzzword(tok);
  if (tok.pos !== "VERB") return false;
  if (NAMING_VERBS.has(tok.lemma) || NAMING_VERBS.has(tok.normal) || isBuzzword(tok)) return false;
  for (let j = 0; j < i; j++) {
    const o = tokens[j]!;
    if (isWordToken(o) && !o.stop && o.pos !== "VERB" && o.pos !== "AUX" && (sameStem(tok.lemma, o.lemma) || sameStem(tok.normal, o.normal))) return false;
  }
  const prev = prevWord(tokens, i);
  const next = nextWord(tokens, i);
  // hyphenated into the word before it, it is part of a compound modifier: "time-based", "user-facing"
  const before = tokens[i - 1];
  if (before && punctOf(before) === "-" && before.start === tokens[i - 2]?.end && before.end === tok.start) return false;
  const helped = prev !== undefined && (prev.pos === "AUX" || MODALS.has(prev.normal) || prev.pos === "PRON" || prev.pos === "PART" || (prev.pos === "VERB" && prev !== tok));
  if (tok.normal.endsWith("ing")) return helped;
  // a bare verb right after "is" / "are" is a noun the tagger misread: "the key is feature store"
  if (tok.normal === tok.lemma && !tok.normal.endsWith("ing") && prev !== undefined && BE.has(prev.normal) && prev === tokens[i - 1]) return false;
  // a bare verb closing a noun phrase heads a compound noun: "new model launch", "schema check"
  if (!helped && tok.normal === tok.lemma && prev !== undefined && (prev.pos === "NOUN" || prev.pos === "ADJ" || prev.pos === "PROPN") && endsClause(tokens, i)) return false;
  if (/(ed|en)$/.test(tok.normal) && tok.normal !== tok.lemma) {
    if (helped) return true;
    // a participle before its noun modifies it: "served features", "cached predictions"
    if (next !== undefined && next === tokens[i + 1] && (next.pos === "NOUN" || next.pos === "PROPN")) return false;
    // "the pipeline stalled", "AUC dropped 3 points": a subject before, no preposition after
    const subject = prev !== undefined && (prev.pos === "NOUN" || prev.pos === "PROPN");
    const prepAfter = next !== undefined && (next.pos === "ADP" || next.normal === "into" || next.normal === "via");
    return subject && !prepAfter;
  }
  return true;
}

/**
 * A third-person verb the tagger read as a plural noun: "-s" right before a determiner or pronoun, not
 * itself inside a noun phrase ("(stops a bad release …)", "keeps the last snapshot").
 */
function mistaggedVerb(tokens: Token[], i: number): boolean {
  const tok = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (!tok.normal.endsWith("s") || tok.normal.endsWith("ss") || tok.normal.length < 4 || !next) return false;
  if (!(next.pos === "DET" || next.pos === "PRON")) return false;
  if (prev === undefined || isBreakPunct(tokens, i - 1)) return true;
  return !(prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "NUM" || prev.pos === "NOUN" || prev.pos === "PROPN");
}

/** Is token i the last word of its clause (end of sentence, or clause punctuation next)? */
function endsClause(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next === undefined || isBreakPunct(tokens, i + 1) || next.normal === "." || next.normal === "and" || next.normal === "or";
}

function prevWord(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (isWordToken(tokens[j]!)) return tokens[j];
  return undefined;
}
function nextWord(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (isWordToken(tokens[j]!)) return tokens[j];
  return undefined;
}

/** A punctuation token that separates clauses or table cells ("-" and "/" only when spaced: "null-rate" is one word). */
function isBreakPunct(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const p = punctOf(t);
  // any other run of symbols (slider bars "●───○", box drawing, bullets "•", "»") separates cells too
  if (!CLAUSE_PUNCT.has(p)) return SYMBOL_RUN.test(p) && !INLINE_PUNCT.has(p);
  if (p !== "-" && p !== "/") return true;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return prev === undefined || next === undefined || prev.end < t.start || next.start > t.end;
}

/** A token's punctuation without markdown emphasis around it ("**Impact:**" → ":"). */
function punctOf(t: Token): string {
  const bare = t.normal.replace(/[*_]+/g, "");
  return bare === "" ? t.normal : bare;
}

/** Cell index of every token: a new cell at clause punctuation only (table cells, list items, "label: value"). */
export function cellIndex(tokens: Token[]): number[] {
  let c = 0;
  return tokens.map((_, i) => (isBreakPunct(tokens, i) ? ++c : c));
}

/** Clause index of every token: a new clause at clause punctuation and stringing words. */
export function clauseIndex(tokens: Token[]): number[] {
  let c = 0;
  let words = 0;
  return tokens.map((t, i) => {
    const breaker = isBreakPunct(tokens, i) || ((STRINGING.has(t.normal) || CAUSAL.has(t.normal)) && words > 0);
    if (breaker) {
      c++;
      words = 0;
    } else if (isWordToken(t)) words++;
    return c;
  });
}

/**
 * `conceptTokens[s]` maps token index → criterion indexes named there (from the rubric's concept groups,
 * any polarity), per sentence.
 */
export function measureExplanation(sentences: Sentence[], conceptTokens: Map<number, number[]>[]): ExplanationStats {
  let mentions = 0;
  let explained = 0;
  let clauses = 0;
  let predicates = 0;
  let words = 0;
  const distinct = new Set<number>();
  let inCells = 0;
  let overloaded = 0;
  sentences.forEach((s, si) => {
    const idx = clauseIndex(s.tokens);
    const cells = cellIndex(s.tokens);
    const cellWords = new Map<number, number>();
    s.tokens.forEach((t, i) => {
      if (isWordToken(t)) cellWords.set(cells[i]!, (cellWords.get(cells[i]!) ?? 0) + 1);
    });
    const sentenceConcepts = new Set<number>();
    const smallCell: number[] = [];
    let sentenceMentions = 0;
    const n = (idx[idx.length - 1] ?? 0) + 1;
    const cl: Clause[] = Array.from({ length: n }, () => ({ words: 0, concepts: new Set<number>(), predicate: false, causal: false }));
    const concepts = conceptTokens[si] ?? new Map<number, number[]>();
    s.tokens.forEach((t, i) => {
      const c = cl[idx[i]!]!;
      if (!isWordToken(t)) return;
      c.words++;
      if (CAUSAL.has(t.normal)) c.causal = true;
      if (isPredicate(s.tokens, i)) c.predicate = true;
      // purpose infinitive with a specific verb: "to catch drift" (not "for drift detection")
      if (t.normal === "to") {
        const nx = nextWord(s.tokens, i);
        if (nx && nx.pos === "VERB" && !NAMING_VERBS.has(nx.lemma) && !isBuzzword(nx)) c.predicate = true;
      }
      for (const k of concepts.get(i) ?? []) {
        c.concepts.add(k);
        sentenceConcepts.add(k);
        sentenceMentions++;
        if ((cellWords.get(cells[i]!) ?? 0) <= 2) smallCell.push(i);
      }
    });
    // a lone verb in a one-word cell ("Clarify → alignment") labels a step, and a "Label:" before a colon
    // heads a line ("**Root cause:** …"): neither explains anything
    s.tokens.forEach((t, i) => {
      if (punctOf(t) === ":" && i > 0 && idx[i]! > idx[i - 1]!) cl[idx[i - 1]!]!.predicate = false;
    });
    for (const c of cl) if (c.predicate && c.words < 2) c.predicate = false;
    // "Label: value": the label's concepts are explained when its value states something (a predicate
    // clause), and only named when the value is itself terms ("Monitoring: drift, alerts")
    const head = labelHead(s.tokens);
    const valueStates = head >= 0 && cl.some((c, k) => k > idx[head]! && c.predicate);
    const headExplained = (i: number): boolean => valueStates && idx[i]! < idx[head]!;
    // a line that states nothing (no predicate, auxiliary, connective or arrow) only names: a form field, an action item
    const verbless = !cl.some((c) => c.predicate) && !s.tokens.some((t, i) => t.pos === "AUX" || (CAUSAL.has(t.normal) && i > head) || STATING.has(t.normal) || QUANTITY.test(t.normal) || (isBreakPunct(s.tokens, i) && ARROWS.has(punctOf(t))));
    inCells += verbless ? sentenceMentions : smallCell.filter((i) => !headExplained(i)).length;
    const sentencePredicates = cl.filter((c) => c.predicate).length;
    if (sentenceConcepts.size >= 5 && sentencePredicates * 2 < sentenceConcepts.size) overloaded += sentenceMentions;
    cl.forEach((c, k) => {
      if (c.words === 0) return;
      clauses++;
      words += c.words;
      if (c.predicate) predicates++;
      for (const x of c.concepts) distinct.add(x);
      const m = c.concepts.size;
      mentions += m;
      if (m === 0) return;
      // a causal link explains a clause with a predicate on either side of it
      const linked = (c.causal || cl[k + 1]?.causal === true) && (c.predicate || cl[k - 1]?.predicate === true || cl[k + 1]?.predicate === true);
      if (c.predicate) explained += Math.min(m, 2);
      else if (linked) explained += Math.min(m, 1);
      else if (valueStates && k < idx[head]!) explained += Math.min(m, 2);
    });
  });
  const raw = rawMentions(conceptTokens);
  return {
    mentions,
    explained,
    density: mentions === 0 ? 1 : explained / mentions,
    clauses,
    predicates,
    clauseWords: clauses === 0 ? 0 : words / clauses,
    distinct: distinct.size,
    cellShare: raw === 0 ? 0 : inCells / raw,
    overloadShare: raw === 0 ? 0 : overloaded / raw,
  };
}

/** Index of the punctuation closing a leading "Label:" / "Label -" of at most four words, or -1. */
export function labelHead(tokens: Token[]): number {
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const p = punctOf(t);
    if (p === ":" || ((p === "-" || p === "–" || p === "—") && isBreakPunct(tokens, i))) return words > 0 ? i : -1;
    if (isWordToken(t)) words++;
    else if (isBreakPunct(tokens, i) && words > 0) return -1;
    if (words > 4) return -1;
  }
  return -1;
}

function rawMentions(conceptTokens: Map<number, number[]>[]): number {
  let n = 0;
  for (const m of conceptTokens) for (const list of m.values()) n += list.length;
  return n;
}

/**
 * Keyword stuffing, whatever its format (term lists, "label: value" tables, arrow chains, concept-packed
 * prose strung together with "which / via / while"): most of the vocabulary is *named* — in one- or
 * two-word cells or in overloaded sentences — little of it sits next to a predicate that explains it, and
 * there are few predicates per concept. Such an answer scores at most the E5 floor; with (almost) no
 * predicate at all it stays below E5. Applied after calibration, with the other caps.
 */
export function stuffingCap(e: ExplanationStats): number {
  if (e.distinct < 4) return 100;
  const named = Math.min(1, e.cellShare + e.overloadShare);
  const perConcept = e.predicates / e.distinct;
  const cellStuffed = named >= STUFFED_NAMED && e.density <= STUFFED_DENSITY && perConcept <= STUFFED_PREDICATES;
  // sentences that only string terms on copulas and prepositions ("X is key because of Y", "X is important
  // for Y and Z") are stuffing too, whatever their format: (almost) nothing explained, hardly a predicate
  const proseStuffed = e.density <= PROSE_DENSITY && perConcept <= PROSE_PREDICATES;
  if (!cellStuffed && !proseStuffed) return 100;
  return cellStuffed && e.density <= BARE_DENSITY && e.predicates <= BARE_PREDICATES ? BARE_CAP : FLOOR_CAP;
}
/** Share of mentions that are only named (cells, overloaded sentences) at or above which an answer may be stuffed. */
export const STUFFED_NAMED = 0.6;
/** Explanation density at or below which it may be stuffed. */
export const STUFFED_DENSITY = 0.25;
/** Predicates per distinct concept at or below which it may be stuffed. */
export const STUFFED_PREDICATES = 0.5;
/** Explanation density and predicates per concept at or below which an answer is stuffed in any format. */
export const PROSE_DENSITY = 0.1;
export const PROSE_PREDICATES = 0.3;
/** Stuffing with (almost) nothing explained: below E5. */
const BARE_DENSITY = 0.1;
const BARE_PREDICATES = 1;
const BARE_CAP = 40;
/** Stuffing with a little explanation: at most the E5 floor. */
const FLOOR_CAP = 45;
