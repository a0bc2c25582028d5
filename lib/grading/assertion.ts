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

export function measureAssertion(text: string, sentences: Sentence[], conceptTokens: Map<number, number[]>[]): AssertionStats {
  let mentions = 0;
  let asserted = 0;
  const distinct = new Set<number>();
  sentences.forEach((s, si) => {
    const concepts = conceptTokens[si];
    if (!concepts || concepts.size === 0) return;
    const states = statesSomething(text, s);
    for (const list of concepts.values())
      for (const k of list) {
        distinct.add(k);
        mentions++;
        if (states) asserted++;
      }
  });
  return { mentions, asserted, assertedShare: mentions === 0 ? 1 : asserted / mentions, distinct: distinct.size };
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
 * concepts named and under `CONTAINER_SHARE` of the mentions in stating sentences, it reaches at most the
 * E5 floor (45), whatever the container; with (almost) nothing stated, under `BARE_CONTAINER_SHARE`, it stays
 * below E5 (40). Genuine terse notes state some of their relations and keep their level; answers that state
 * their relations are not touched.
 */
export function containerCap(a: AssertionStats): number {
  if (a.distinct < 4) return 100;
  if (a.assertedShare < BARE_CONTAINER_SHARE) return BARE_CONTAINER_CAP;
  return a.assertedShare < CONTAINER_SHARE ? CONTAINER_CAP : 100;
}
/** Share of concept mentions in stating sentences below which an answer is a container of names. */
export const CONTAINER_SHARE = 0.2;
/** Below this share (almost) nothing is stated: below E5. */
export const BARE_CONTAINER_SHARE = 0.1;
const CONTAINER_CAP = 45;
const BARE_CONTAINER_CAP = 40;
