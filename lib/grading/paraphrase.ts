import type { Rubric } from "./rubric";
import { shapeOf } from "./substance";
import { analyzeText, isWordToken, type Sentence } from "./text";

/**
 * Paraphrase credit: an explanatory sentence that shares several specific content words with a
 * criterion's own reference text (title, feedback, model answer) states the idea in other words.
 * Words common to many criteria of the rubric are too generic to count. Lists, fragments and negated
 * words never count, so this cannot be gamed by naming terms.
 */
export type ReferenceVocab = Map<string, Set<string>>;

const MIN_LEN = 4;
const cache = new WeakMap<Rubric, ReferenceVocab>();

function contentLemmas(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of analyzeText(text).flatMap((s) => s.tokens)) if (w.lemma.length >= MIN_LEN && /^[a-z][a-z-]*$/.test(w.lemma) && !STOP.has(w.lemma)) out.add(w.lemma);
  return out;
}

export function referenceVocab(rubric: Rubric): ReferenceVocab {
  const hit = cache.get(rubric);
  if (hit) return hit;
  const per = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const c of rubric.criteria) {
    if (!c.evidence) continue;
    const words = contentLemmas(`${c.title}. ${c.feedback} ${c.modelAnswer}`);
    per.set(c.id, words);
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const limit = Math.max(2, Math.ceil(per.size * 0.25));
  const out: ReferenceVocab = new Map();
  for (const [id, words] of per) out.set(id, new Set([...words].filter((w) => (df.get(w) ?? 0) <= limit)));
  cache.set(rubric, out);
  return out;
}

/** The first explanatory sentence sharing at least `need` specific reference words, or null. */
export function paraphraseIn(sentences: Sentence[], vocab: Set<string>, need: number): number | null {
  if (vocab.size < need) return null;
  for (const s of sentences) {
    const shape = shapeOf(s);
    if (!shape.explanatory || shape.listWithReason) continue;
    const seen = new Set<string>();
    for (const t of s.tokens) if (isWordToken(t) && !t.negated && (vocab.has(t.lemma) || vocab.has(t.normal))) seen.add(vocab.has(t.lemma) ? t.lemma : t.normal);
    if (seen.size >= need) return s.index;
  }
  return null;
}

const STOP = new Set([
  "that", "this", "with", "from", "have", "what", "when", "which", "they", "them", "their", "there", "then", "than", "into",
  "each", "every", "only", "also", "more", "most", "some", "such", "very", "just", "like", "would", "could", "should",
  "will", "your", "you", "it's", "make", "need", "give", "take", "keep", "over", "about", "because", "before", "after",
  "both", "other", "same", "does", "doesn't", "don't", "them", "were", "been", "being", "here", "where", "while", "until",
  "say", "said", "explain", "add", "spell", "show", "name", "state", "mention", "cover", "close", "answer", "point",
]);
