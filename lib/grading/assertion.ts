import { CAUSAL, cellIndex, isPredicate } from "./explanation";
import { isBuzzword } from "./substance";
import { isWordToken, type Sentence, type Token } from "./text";

/**
 * Sentential evidence: credit needs sentences that *state* something about a concept — a role, mechanism or
 * reason relating it to others — not tokens arranged in a container: table and Kanban cells, CSV fields,
 * "key: value" and "key = value" lines, braces, identifiers, hashtags, test names, slide bullets, index
 * entries, agenda slots. Whatever the container, its cells hold names, and a name is not a statement.
 *
 * A sentence (a line, or a sentence within one) *states* something (`statesSomething`) when, inside one cell
 * (cells end at pipes, commas, colons, "=", brackets, bullets, arrows):
 * - a specific finite predicate (`isPredicate`) has a word on each side ("nulls hide the bug"), or an object
 *   after it with an implied subject ("keeps train and serve features identical" beside its row label,
 *   "log all impressions"), not a tag ("live AUC low");
 * - any other finite verb or copula follows its subject and has a complement ("monitoring needs slicing",
 *   "the first bottleneck is the feature store"), or a row label's third-person verb has one ("defines success");
 * - a purpose infinitive ("online A/B to launch") or a causal connective opening a clause ("… because eval
 *   rows come from the 30d pipeline");
 * - outside code and markup, one or two arrows or "=" tie words to words ("weights fit on 30d -> miscalibrated").
 * Words glued into identifiers (snake_case, camelCase, dotted paths, "#hashtags", "test_…") are not words of
 * a sentence, and code, config and markup lines (braces, "= 1;", quoted string lists, comments after code,
 * pipes) only state through a verb or a connective clause, never through their "=" or arrows.
 *
 * `assertedShare` is the share of the answer's rubric concept mentions that sit in stating sentences; an
 * answer naming four or more concepts with little of its vocabulary stated is keyword stuffing in some
 * container, and `containerCap` holds it at or below the E5 floor.
 *
 * Stuffing can also come as short real sentences ("We watch X. It is Y.", "X is important.", "There is Y.",
 * "X and Y matter at scale."): each has a subject and a verb, none relates anything. `relatedShare` is the
 * share of mentions in sentences that *relate* concepts (`relatesConcepts`: a mechanism or relation between
 * two concepts, or a concept with a stated role, with content on both sides of it, not pronouns and
 * fillers); under `RELATED_SHARE` the answer is held at the E5 floor too.
 */

export type AssertionStats = {
  /** Concept mentions (criteria per token position, any polarity). */
  mentions: number;
  /** Mentions in sentences that state something. */
  asserted: number;
  /** asserted ÷ mentions (1 when nothing is named). */
  assertedShare: number;
  /** Distinct criteria named. */
  distinct: number;
  /** Mentions in sentences that relate concepts (`relatesConcepts`): a stricter subset of `asserted`. */
  related: number;
  /** related ÷ mentions (1 when nothing is named). */
  relatedShare: number;
};

/** snake_case, camelCase, dotted.paths, path/like, #tags, @handles, brackets glued to words: an identifier, not a word. */
const IDENTIFIER = /(^[#@$])|(\w_\w)|([a-z][A-Z])|(\w\.\w+\.\w)|(^[a-z]+\.[a-z_]+$)/;

/** Parts of speech that open an object phrase after an imperative verb ("log all impressions", "pin the last good model"). */
const OBJECT_START = new Set(["DET", "PRON", "ADJ", "ADV", "NUM", "ADP"]);

/** Parts of speech of a verb's subject right before it. */
const SUBJECT = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
/** A third-person singular verb form ("keeps", "defines", "closes"), not "-ss" ("loss"). */
const THIRD_PERSON = /[^s]s$/;

/** Arrow tokens ("->", "=>", "→" merge to "arrow") and "=". */
const ARROWS = new Set(["arrow", "→", "="]);

function isIdentifier(source: string, t: Token): boolean {
  // the token's surface in the original text, with any symbols glued to it on either side
  let from = t.start;
  let to = t.end;
  while (from > 0 && !/\s/.test(source[from - 1]!)) from--;
  while (to < source.length && !/\s/.test(source[to]!)) to++;
  const glued = source.slice(from, to);
  return IDENTIFIER.test(glued) || IDENTIFIER.test(source.slice(t.start, t.end));
}

export function measureAssertion(text: string, sentences: Sentence[], conceptTokens: Map<number, number[]>[], conceptSpans: Set<number>[] = []): AssertionStats {
  let mentions = 0;
  let asserted = 0;
  let related = 0;
  const distinct = new Set<number>();
  const relating = (si: number): boolean => {
    const s = sentences[si];
    if (!s || !statesSomething(text, s)) return false;
    const concepts = conceptTokens[si] ?? new Map<number, number[]>();
    return relatesConcepts(text, s, concepts, conceptSpans[si] ?? new Set(concepts.keys()));
  };
  sentences.forEach((s, si) => {
    const concepts = conceptTokens[si];
    if (!concepts || concepts.size === 0) return;
    const states = statesSomething(text, s);
    // a question names its topic and the next sentence answers it: "Q: without a feature store?" "A: two
    // implementations drift apart …" relates the question's concepts
    const question = s.tokens[s.tokens.length - 1]?.normal === "?";
    const relates = question ? relating(si + 1) : states && relating(si);
    for (const list of concepts.values())
      for (const k of list) {
        distinct.add(k);
        mentions++;
        if (states) asserted++;
        if (relates) related++;
      }
  });
  return {
    mentions,
    asserted,
    assertedShare: mentions === 0 ? 1 : asserted / mentions,
    distinct: distinct.size,
    related,
    relatedShare: mentions === 0 ? 1 : related / mentions,
  };
}

/**
 * Words that carry no relation of their own: evaluations ("X is important", "Y is key"), fillers and
 * "at scale". A sentence whose only complement is one of them names its concept and grades it; it does not
 * say what the concept does.
 */
const FILLER = new Set([
  "important", "key", "critical", "essential", "crucial", "vital", "relevant", "useful", "needed", "necessary", "good", "great",
  "big", "nice", "helpful", "valuable", "scale", "too", "also", "really", "very", "thing", "things", "stuff", "lot", "lots", "matter",
  "here", "everywhere", "always", "well", "fine", "bad", "then", "again", "first", "next", "finally", "etc",
]);

/** Parts of speech of a subject with content. */
const NOMINAL = new Set(["NOUN", "PROPN", "NUM", "ADJ"]);

/** A complement's head: a noun or a number ("the feature store is the bottleneck", "features are zero"). */
const NOUNLIKE = new Set(["NOUN", "PROPN", "NUM"]);

/** Dotted leaders of an answer key, a table of contents or an index: "Fallback ........ (d) last good data". */
const LEADERS = /\.{4,}|…{2,}/;

/**
 * Does a stating sentence *relate* concepts: a mechanism or relation between two of them, or one concept
 * with a stated role? `statesSomething` accepts any predicate with arguments, so stuffing written as short
 * real sentences ("We watch X. It is Y.", "X is important.", "There is Y.", "X and Y matter at scale.")
 * passes it. The same shapes count here only with content on them (pronouns, "there" and fillers such as
 * "important", "key", "at scale" are not content), inside one cell:
 * - a causal connective with words before it and content after it ("… because cleaning fills them"), or a
 *   purpose infinitive ("offline to pick, online A/B to launch");
 * - a specific predicate (`isPredicate`) with words on each side, in a sentence that names two concepts or
 *   says something beyond its one concept ("nulls hide the bug"; not "we watch X"); with an implied subject
 *   as in `statesSomething` ("log served features");
 * - a copula or generic verb ("is", "needs", "matters", "uses") after a noun subject, with a complement that
 *   holds content: "the first bottleneck is the feature store", "monitoring needs slicing"; not "X is
 *   important", "it is Y", "there is Y", "we use X", "X and Y matter at scale";
 * - outside code and markup, an arrow between content on both sides.
 */
export function relatesConcepts(text: string, s: Sentence, concepts: Map<number, number[]>, covered: Set<number>): boolean {
  const tokens = s.tokens;
  const cells = cellIndex(tokens);
  const word = tokens.map((t) => isWordToken(t) && /[\p{L}\p{N}]/u.test(t.normal) && !isIdentifier(text, t));
  const words = tokens.flatMap((_, i) => (word[i] ? [i] : []));
  const content = (j: number): boolean => {
    const t = tokens[j]!;
    return word[j]! && !t.stop && t.pos !== "PRON" && t.pos !== "DET" && !FILLER.has(t.normal) && !FILLER.has(t.lemma);
  };
  // concepts named apart: separate runs of concept tokens ("stale" matching two criteria is one name)
  const runs = tokens.filter((_, j) => covered.has(j) && !covered.has(j - 1)).length;
  const container = isContainerLine(text, s) || LEADERS.test(text.slice(s.start, s.end));
  // a question asks; it states nothing ("which failures throw no errors?")
  if (tokens[tokens.length - 1]?.normal === "?") return false;
  // in code and markup, a quoted string is a value, a name: its words state nothing ("fixNow": ["map codes"])
  let quotes = 0;
  const quoted = tokens.map((t) => (t.normal === '"' || t.normal === "“" || t.normal === "”" ? (quotes++, true) : quotes % 2 === 1));
  for (const i of words) {
    if (container && quoted[i]) continue;
    const inCell = words.filter((j) => cells[j] === cells[i]);
    const k = inCell.indexOf(i);
    const before = k;
    const after = inCell.length - 1 - k;
    const t = tokens[i]!;
    const next = tokens[inCell[k + 1] ?? -1];
    // a causal connective between words, with content after it; in code and markup, a clause of its own
    if (CAUSAL.has(t.normal) && words.some((j) => j < i)) {
      const rest = words.filter((j) => j > i && content(j)).length;
      if (rest >= 1 && (!container || words.filter((j) => j > i).length >= 2)) return true;
    }
    // purpose: "offline to pick, online A/B to launch"
    if (t.normal === "to" && before >= 1 && next && next.pos === "VERB" && isPredicate(tokens, inCell[k + 1]!)) return true;
    if (isPredicate(tokens, i)) {
      const left = inCell.filter((j) => j < i && content(j) && NOMINAL.has(tokens[j]!.pos));
      const right = inCell.filter((j) => j > i && content(j));
      // a subject with content and an object or complement: "nulls hide the bug", "bad model passes offline"
      if (left.length >= 1 && right.length >= 1 && (runs >= 2 || words.some((j) => j !== i && content(j) && !covered.has(j)))) return true;
      // no subject of its own ("we watch X", "log X"): the object needs a relation of its own, a prepositional
      // complement with content ("compare serving features with training features", "log features at request time")
      if (left.length === 0 && after >= 2 && !/(ed|ing)$/.test(t.normal)) {
        const prep = inCell.findIndex((j) => j > i + 1 && (tokens[j]!.pos === "ADP" || tokens[j]!.pos === "SCONJ") && !covered.has(j) && !FILLER.has(tokens[j]!.normal));
        if (prep >= 0 && inCell.slice(prep + 1).some(content) && inCell.slice(k + 1, prep).some(content)) return true;
      }
    }
    if ((t.pos !== "VERB" && t.pos !== "AUX") || isBuzzword(t) || after < 1 || /ing$/.test(t.normal)) continue;
    if (/(ed|en)$/.test(t.normal) && (next?.pos === "NOUN" || next?.pos === "PROPN" || next?.pos === "ADJ")) continue;
    // a copula or generic verb after a noun subject, with a contentful complement
    const prev = tokens[inCell[k - 1] ?? -1];
    // a complement with a noun or number, or two content words: a one-word attribute ("is central", "is
    // offline", "is real") grades its subject; it relates nothing
    const comp = inCell.slice(k + 1).filter(content);
    const complement = comp.some((j) => NOUNLIKE.has(tokens[j]!.pos)) || comp.length >= 2;
    if (prev && (prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "NUM") && prev.normal !== "there" && complement) return true;
    if (before === 0 && t.pos === "VERB" && THIRD_PERSON.test(t.normal) && complement) return true;
  }
  if (container) return false;
  const links = tokens.flatMap((t, j) => (ARROWS.has(t.normal) ? [j] : []));
  if (links.length === 0 || links.length > 2) return false;
  return links.some((l) => words.some((j) => j < l && content(j)) && words.some((j) => j > l && content(j)));
}

/**
 * Code, config and markup: braces, comment leaders, pipes between cells, quoted string lists, statement
 * ends, assignments of literals ("= 1", ": true", ": [") and identifiers (snake_case, camelCase).
 */
function isContainerLine(text: string, s: Sentence): boolean {
  const line = text.slice(s.start, s.end);
  return (
    /[{}]|\[\s*"|"\s*\]|;\s*($|\/\/|--)|\/\/|(^|\s)--\s/.test(line) ||
    /^\s*(#\S|%%|\||\\)/.test(line) ||
    (line.match(/\|/g)?.length ?? 0) >= 2 ||
    /[:=]\s*(\[|"|\d+\s*[;,]?\s*$|true\b|false\b)/i.test(line) ||
    s.tokens.some((t) => isIdentifier(text, t) && /[\p{L}]/u.test(t.normal))
  );
}

/**
 * Does the sentence state something: a predicate with arguments in one cell, a causal connective between
 * words, or (outside code and markup) a note's arrow or "=" between a cause and its effect?
 */
export function statesSomething(text: string, s: Sentence): boolean {
  const tokens = s.tokens;
  const cells = cellIndex(tokens);
  const word = tokens.map((t) => isWordToken(t) && /[\p{L}\p{N}]/u.test(t.normal) && !isIdentifier(text, t));
  const words = tokens.flatMap((_, i) => (word[i] ? [i] : []));
  const container = isContainerLine(text, s);
  for (const i of words) {
    const inCell = words.filter((j) => cells[j] === cells[i]);
    const k = inCell.indexOf(i);
    const before = k;
    const after = inCell.length - 1 - k;
    const t = tokens[i]!;
    // a causal connective between words; in code and markup, only one that opens a clause of its own
    if (CAUSAL.has(t.normal) && words.some((j) => j < i) && (container ? after >= 2 : words.some((j) => j > i))) return true;
    const next = tokens[inCell[k + 1] ?? -1];
    // purpose: "offline to pick, online A/B to launch"
    if (t.normal === "to" && before >= 1 && next && next.pos === "VERB" && isPredicate(tokens, inCell[k + 1]!)) return true;
    if (isPredicate(tokens, i)) {
      if (before >= 1 && after >= 1) return true;
      // an implied subject (a table cell beside its row label, an imperative note): a finite verb and its
      // object ("keeps both definitions identical", "log all impressions"), not a tag ("live AUC low")
      if (before === 0 && after >= 2 && !/(ed|ing)$/.test(t.normal) && (THIRD_PERSON.test(t.normal) || OBJECT_START.has(next?.pos ?? ""))) return true;
    }
    if ((t.pos !== "VERB" && t.pos !== "AUX") || isBuzzword(t) || after < 1 || /ing$/.test(t.normal)) continue;
    // a participle before its noun modifies it: "log served features", "sharded feature store"
    if (/(ed|en)$/.test(t.normal) && (next?.pos === "NOUN" || next?.pos === "PROPN" || next?.pos === "ADJ")) continue;
    // any other finite verb or copula with its subject and a complement: "monitoring needs slicing",
    // "the first bottleneck is the feature store", "the log writer needs a queue"
    const prev = tokens[inCell[k - 1] ?? -1];
    if (prev && SUBJECT.has(prev.pos)) return true;
    // a row label's verb in the third person: "defines success", "closes the loop into retraining"
    if (before === 0 && t.pos === "VERB" && THIRD_PERSON.test(t.normal)) return true;
  }
  if (container) return false;
  const links = tokens.flatMap((t, i) => (ARROWS.has(t.normal) ? [i] : []));
  if (links.length === 0 || links.length > 2) return false;
  return links.some((i) => words.some((j) => j < i) && words.some((j) => j > i));
}

/**
 * Highest score of an answer whose vocabulary sits in containers rather than statements: with four or more
 * concepts named and under `CONTAINER_SHARE` of the mentions in stating sentences, or under `RELATED_SHARE`
 * in sentences that relate concepts (under `REASONLESS_RELATED_SHARE` when no sentence states a why at all,
 * `whyShare` 0), it reaches at most the E5 floor (45), whatever the container; with (almost) nothing stated, under `BARE_CONTAINER_SHARE`, it stays
 * below E5 (40). Genuine terse notes state some of their relations and keep their level; answers that state
 * their relations are not touched.
 */
export function containerCap(a: AssertionStats, whyShare = 1): number {
  if (a.distinct < 4) return 100;
  if (a.assertedShare < BARE_CONTAINER_SHARE) return BARE_CONTAINER_CAP;
  if (a.assertedShare < CONTAINER_SHARE || a.relatedShare < RELATED_SHARE) return CONTAINER_CAP;
  // short relations with not one reason anywhere ("Kafka handles logs. The feature store is the bottleneck.")
  return whyShare === 0 && a.relatedShare < REASONLESS_RELATED_SHARE ? CONTAINER_CAP : 100;
}
/**
 * Share of concept mentions in sentences that relate concepts (`relatesConcepts`) below which an answer only
 * names its concepts, in sentences ("We watch X. It is Y.") or in containers: at most the E5 floor.
 */
export const RELATED_SHARE = 0.25;
/** With no sentence stating a why (cause, purpose, consequence), under this share of related mentions: at most the E5 floor. */
export const REASONLESS_RELATED_SHARE = 0.5;
/** Share of concept mentions in stating sentences below which an answer is a container of names. */
export const CONTAINER_SHARE = 0.2;
/** Below this share (almost) nothing is stated: below E5. */
export const BARE_CONTAINER_SHARE = 0.1;
const CONTAINER_CAP = 45;
const BARE_CONTAINER_CAP = 40;
