import type { ConceptGroup } from "./rubric";
import { isWordToken, lemmatize, type Sentence, type Token } from "./text";

/**
 * Compiles rubric terms once and finds them in analysed sentences: word order with small gaps,
 * lemma or surface match, `*` prefixes, `a & b` co-occurrence, one typo on long words.
 */
type Word = { normal: string; lemma: string; prefix: boolean };
type Phrase = Word[];
type Term = { parts: Phrase[] };
export type CompiledGroup = {
  terms: Term[];
  polarity: "positive" | "negated" | "any";
  /** Most words a phrase may skip between two of its words (claims are matched strictly: 0). */
  maxGap: number;
};

export type Match = { sentence: number; start: number; end: number; negated: boolean; tokens: number[] };

/** Most words a phrase may skip between two of its words ("freshness of the features"). */
const MAX_GAP = 2;
/** Tokens that end a phrase: a term never spans a clause break. */
const BARRIERS = new Set([",", ";", ":", ".", "!", "?", "(", ")", "—", "–"]);

/** `defaultPolarity` applies to plain arrays; an object group states its own polarity. */
export function compileGroup(group: ConceptGroup, defaultPolarity: CompiledGroup["polarity"] = "positive", maxGap = MAX_GAP): CompiledGroup {
  const terms = Array.isArray(group) ? group : group.terms;
  const polarity = Array.isArray(group) ? defaultPolarity : group.polarity;
  return { terms: terms.map(compileTerm), polarity, maxGap };
}

function compileTerm(term: string): Term {
  const parts = term.split("&").map((part) => compilePhrase(part.trim()));
  return { parts: parts.filter((p) => p.length > 0) };
}

function compilePhrase(phrase: string): Phrase {
  return phrase
    .toLowerCase()
    .split(/[\s\-/]+/)
    .filter(Boolean)
    .flatMap((raw): Word[] => {
      const prefix = raw.endsWith("*");
      const text = prefix ? raw.slice(0, -1) : raw;
      if (prefix) return [{ normal: text, lemma: text, prefix }];
      const lemmas = lemmatize(text);
      // "don't" or "a/b" may split in two: keep every piece as its own word.
      if (lemmas.length === 0) return [{ normal: text, lemma: text, prefix: false }];
      return lemmas.map((l) => ({ normal: l.normal, lemma: l.lemma, prefix: false }));
    });
}

/** Per-call cache of fuzzy comparisons (token form × rubric word). */
export type MatchCache = Map<string, boolean>;

function wordMatches(word: Word, tok: Token, cache: MatchCache): boolean {
  if (word.prefix) return tok.normal.startsWith(word.normal) || tok.lemma.startsWith(word.normal);
  if (tok.normal === word.normal || tok.lemma === word.normal) return true;
  // "features" ~ "feature", but "modeling" must not collapse into "model"
  if ((tok.lemma === word.lemma || tok.normal === word.lemma) && word.normal.length - word.lemma.length <= 1) return true;
  if (word.normal.length < 6 || tok.normal.length < 5) return false;
  const key = `${tok.normal}|${word.normal}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = withinOneEdit(tok.normal, word.normal);
    cache.set(key, hit);
  }
  return hit;
}

/** Damerau-Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The word tokens of a sentence, with barrier positions kept so phrases do not cross them. */
type Stream = { items: { tok: Token; idx: number }[]; barrierAfter: Set<number> };

function streamOf(sentence: Sentence): Stream {
  const items: { tok: Token; idx: number }[] = [];
  const barrierAfter = new Set<number>();
  sentence.tokens.forEach((tok, idx) => {
    if (isWordToken(tok)) items.push({ tok, idx });
    else if (BARRIERS.has(tok.normal) && items.length > 0) barrierAfter.add(items.length - 1);
  });
  return { items, barrierAfter };
}

const streams = new WeakMap<Sentence, Stream>();
function cachedStream(sentence: Sentence): Stream {
  let s = streams.get(sentence);
  if (!s) {
    s = streamOf(sentence);
    streams.set(sentence, s);
  }
  return s;
}

function matchPhrase(phrase: Phrase, sentence: Sentence, cache: MatchCache, maxGap: number): number[][] {
  const { items, barrierAfter } = cachedStream(sentence);
  const found: number[][] = [];
  const first = phrase[0];
  if (!first) return found;
  for (let i = 0; i < items.length; i++) {
    if (!wordMatches(first, items[i]!.tok, cache)) continue;
    const positions = [i];
    let pos = i;
    let ok = true;
    for (let w = 1; w < phrase.length && ok; w++) {
      ok = false;
      for (let next = pos + 1; next <= pos + 1 + maxGap && next < items.length; next++) {
        if (barrierAfter.has(next - 1)) break;
        if (wordMatches(phrase[w]!, items[next]!.tok, cache)) {
          positions.push(next);
          pos = next;
          ok = true;
          break;
        }
      }
    }
    if (ok) found.push(positions.map((p) => items[p]!.idx));
  }
  return found;
}

function toMatch(sentence: Sentence, tokenIdx: number[]): Match {
  const toks = tokenIdx.map((i) => sentence.tokens[i]!);
  return {
    sentence: sentence.index,
    start: Math.min(...toks.map((t) => t.start)),
    end: Math.max(...toks.map((t) => t.end)),
    negated: toks.some((t) => t.negated),
    tokens: tokenIdx,
  };
}

/** Every match of a group's terms in one sentence, filtered by the group's polarity. */
export function matchGroup(group: CompiledGroup, sentence: Sentence, cache: MatchCache): Match[] {
  const matches: Match[] = [];
  for (const term of group.terms) {
    const perPart = term.parts.map((part) => matchPhrase(part, sentence, cache, group.maxGap));
    if (perPart.some((hits) => hits.length === 0)) continue;
    if (perPart.length === 1) for (const hit of perPart[0]!) matches.push(toMatch(sentence, hit));
    else matches.push(toMatch(sentence, perPart.map((hits) => hits[0]!).flat()));
  }
  return matches.filter((m) => (group.polarity === "any" ? true : group.polarity === "negated" ? m.negated : !m.negated));
}

/** Matches ignoring polarity, to tell "never mentioned" from "mentioned but negated". */
export function matchGroupAnyPolarity(group: CompiledGroup, sentence: Sentence, cache: MatchCache): Match[] {
  return matchGroup({ ...group, polarity: "any" }, sentence, cache);
}
