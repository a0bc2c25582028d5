/**
 * Matches a box's free-text label to a reference component by synonym phrases.
 *
 * Tolerates case, punctuation, light plural/"-ing" endings and typos (one edit for words of 4+
 * letters, two for 8+, optimal string alignment distance). Every word of a phrase must match a
 * different word of the label; the longest matching phrase wins ("model serving" → serving beats
 * "model" → model), exact words beat typo'd ones, then the reference's component order.
 */
import type { ReferenceComponent } from "./reference";

export type LabelMatch = { componentId: string; phrase: string };

const STOPWORDS = new Set(["the", "and", "of", "for", "to", "an", "a", "with", "in", "on"]);

type Word = { raw: string; stem: string };

/** "A/B Tests & Data-Checks!" → ["ab", "test", "data", "check"]. */
export function normalizeLabel(label: string): string[] {
  return toWords(label).map((word) => word.stem);
}

function toWords(label: string): Word[] {
  return label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\ba\s*\/\s*b\b/g, "ab")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word.length > 0 && !STOPWORDS.has(word))
    .map((raw) => ({ raw, stem: stem(raw) }));
}

function stem(word: string): string {
  if (word.length >= 6 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length >= 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length >= 4 && word.endsWith("s") && !/(ss|is|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** 0 = same word, 1 = within typo tolerance, null = different words. */
function wordMismatch(phraseWord: Word, labelWord: Word): 0 | 1 | null {
  if (phraseWord.stem === labelWord.stem || phraseWord.raw === labelWord.raw) return 0;
  return isTypo(phraseWord.stem, labelWord.stem) || isTypo(phraseWord.raw, labelWord.raw) ? 1 : null;
}

function isTypo(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  return allowed > 0 && Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/** Typo count when every phrase word matches a distinct label word, else null. */
function phraseTypos(phrase: readonly Word[], label: readonly Word[]): number | null {
  const used = new Set<number>();
  let typos = 0;
  for (const word of phrase) {
    let bestIndex = -1;
    let bestMismatch: 0 | 1 | null = null;
    for (const [index, labelWord] of label.entries()) {
      if (used.has(index)) continue;
      const mismatch = wordMismatch(word, labelWord);
      if (mismatch !== null && (bestMismatch === null || mismatch < bestMismatch)) {
        bestIndex = index;
        bestMismatch = mismatch;
        if (mismatch === 0) break;
      }
    }
    if (bestMismatch === null) return null;
    used.add(bestIndex);
    typos += bestMismatch;
  }
  return typos;
}

/** The best-matching component for a label, or null when no synonym phrase matches. */
export function matchLabel(label: string, components: readonly ReferenceComponent[]): LabelMatch | null {
  const words = toWords(label);
  let best: (LabelMatch & { rank: number }) | null = null;
  for (const component of components) {
    for (const phrase of component.synonyms) {
      const phraseWords = toWords(phrase);
      if (phraseWords.length === 0) continue;
      const typos = phraseTypos(phraseWords, words);
      if (typos === null) continue;
      const rank = phraseWords.length * 100 - typos * 10;
      if (!best || rank > best.rank) best = { componentId: component.id, phrase, rank };
    }
  }
  return best && { componentId: best.componentId, phrase: best.phrase };
}

/** True when any qualifier phrase (e.g. "offline", "real time") occurs in the label. */
export function labelHasQualifier(label: string, qualifiers: readonly string[]): boolean {
  const words = toWords(label);
  return qualifiers.some((qualifier) => phraseTypos(toWords(qualifier), words) === 0);
}
