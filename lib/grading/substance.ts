import { isWordToken, type Sentence, type Token } from "./text";

/**
 * Substance checks a strict interviewer applies before crediting a concept:
 *
 * - **Relations.** A concept is explained when a causal or purpose relation ties it to its mechanism
 *   ("because", "so that", "to <verb>", "which lets", "if … then", "falls back to", "->"), or when a
 *   specific verb states what it does ("the store kept serving the last snapshot"). Generic verbs
 *   ("we need / use / have / include X") only name things.
 * - **Lists and fragments.** A sentence whose items are mostly short noun phrases is a list of terms,
 *   whatever verb introduces it ("We need monitoring, alerting, TTLs, backfill"); a line of one to four
 *   words with no verb is a fragment. Neither explains anything.
 * - **Answer-level substance.** The share of the answer's rubric vocabulary that sits in explanatory
 *   sentences caps the score, so keyword-dense, verb-poor, connective-poor answers stay below E5.
 * - **Buzzword prose.** Value words with no mechanism ("leverages X so the system is robust, scalable and
 *   observable", "ensures robustness across the lifecycle") state no relation, and an answer that leans
 *   on several of them is keyword stuffing written as prose: it stays below E5.
 */

/** Words that state a relation wherever they appear. */
const RELATION_WORDS = new Set([
  "because", "since", "so", "therefore", "thus", "hence", "otherwise", "if", "when", "whenever", "once", "until", "unless",
  "which", "who", "whose", "where", "instead", "rather", "but", "though", "although", "whereas", "then", "means", "meaning",
  "cause", "causes", "caused", "causing", "lead", "leads", "led", "leading", "result", "results", "resulting", "due",
  "prevent", "prevents", "avoid", "avoids", "allow", "allows", "let", "lets", "enable", "enables", "via", "through",
  "arrow", "=", "→", "why", "without", "else", "after", "before", "while", "hides", "hide", "mask", "masks", "bc", "cuz",
  "coz", "cos", "->", "=>", "e.g.", "eg", "i.e.", "ie", "otherwise", "unlike", "whether", "whenever",
]);
/** Relation words that tie a whole list to its reason ("X, Y and Z break silently because …"). */
const CONNECTIVES = new Set([
  "because", "since", "so", "therefore", "thus", "hence", "otherwise", "if", "when", "whenever", "once", "until", "unless",
  "which", "instead", "means", "bc", "cuz", "due", "whereas", "but", "without", "->", "=>", "arrow", "→",
]);
/** Verbs that name rather than explain: "we need X", "it uses Y", "includes Z". */
const GENERIC_VERBS = new Set([
  "be", "have", "use", "need", "include", "involve", "add", "consider", "do", "get", "go", "handle", "want", "require",
  "cover", "contain", "apply", "implement", "build", "create", "make", "think", "know", "say", "mention", "discuss", "talk",
  "give", "provide", "support", "utilize", "utilise", "leverage", "employ", "take", "put", "set", "call", "guess",
  "like", "list", "matter", "ensure", "deal", "look", "should", "would", "could", "can", "will", "may", "might", "must",
  "also", "help", "manage", "address", "tackle", "focus", "mean", "exist", "come", "happen", "become", "plan",
]);
/**
 * Buzzwords: claims of value with no mechanism. Their verbs never state a relation ("X powers Y",
 * "maximise velocity"), and several distinct ones in a short answer cap it below E5. Matched as
 * lower-case prefixes of a token's surface form or lemma.
 */
const BUZZ_VERBS = new Set(["leverage", "power", "empower", "unlock", "streamline", "maximise", "maximize", "enhance", "facilitate", "harness", "ensure", "supercharge", "future-proof"]);
const BUZZ_PREFIXES = [
  "leverag", "robust", "resilien", "scalab", "seamless", "holistic", "synerg", "empower", "unlock", "streamlin", "maximi", "enhanc",
  "ensur", "facilitat", "harness", "observab", "reliabilit", "efficienc", "paradigm", "ecosystem", "comprehensive", "proactive",
  "governance", "insight", "solution", "lifecycle", "end-to-end", "best-practice", "world-class", "cutting-edge", "state-of-the-art",
  "mission-critical", "excellence", "innovat", "future-proof", "best-in-class", "enterprise-grade", "production-grade",
];
/** Multi-word buzz phrases, as consecutive word tokens. */
const BUZZ_PHRASES = [["best", "practice"], ["best", "practices"], ["end", "to", "end"]] as const;

export function isBuzzword(tok: Token): boolean {
  return BUZZ_VERBS.has(tok.lemma) || BUZZ_PREFIXES.some((p) => tok.normal.startsWith(p) || tok.lemma.startsWith(p));
}

/** Distinct buzzwords (by prefix or phrase) and buzz tokens of a sentence. */
function buzzOf(sentence: Sentence): { kinds: Set<string>; tokens: number } {
  const kinds = new Set<string>();
  let tokens = 0;
  const words = sentence.tokens.filter(isWordToken);
  words.forEach((tok, i) => {
    const prefix = BUZZ_PREFIXES.find((p) => tok.normal.startsWith(p) || tok.lemma.startsWith(p)) ?? (BUZZ_VERBS.has(tok.lemma) ? tok.lemma : undefined);
    if (prefix) {
      kinds.add(prefix);
      tokens++;
      return;
    }
    for (const phrase of BUZZ_PHRASES)
      if (phrase.every((w, k) => words[i + k]?.normal === w)) {
        kinds.add(phrase.join(" "));
        tokens += phrase.length;
      }
  });
  return { kinds, tokens };
}

/** Separators between list items. */
const SEPARATORS = new Set([",", ";"]);

export type SentenceShape = {
  /** The sentence states a relation or uses a specific verb, and is not a list or fragment. */
  explanatory: boolean;
  /** Items are mostly short noun phrases with nothing tying them together. */
  listLike: boolean;
  /** A list of terms tied to one stated reason: explains the list as a whole, weakly. */
  listWithReason: boolean;
  /** One to four words, no verb, no relation. */
  fragment: boolean;
  /** Per token: does this token state a relation (marker or specific verb)? */
  relationAt: boolean[];
  /** Per token: index of the list item it belongs to (split at separators). */
  itemOf: number[];
};

/**
 * Relations too weak to explain anything in a sentence naming four or more concepts: a relative
 * clause, a route ("via", "through"), a time link, an arrow or a participle can string a whole
 * vocabulary together in one breath ("X, which feeds Y via Z while W is monitored …").
 */
const WEAK_RELATIONS = new Set([
  "which", "who", "whose", "where", "via", "through", "while", "after", "before", "e.g.", "eg", "i.e.", "ie", "arrow", "→", "->", "=>", "=",
  "whereas", "unlike", "whether",
]);
/** Sentences naming at least this many distinct rubric concepts are dense (see WEAK_RELATIONS). */
export const DENSE_CONCEPTS = 4;

function isRelationToken(tokens: Token[], i: number, dense = false): boolean {
  const tok = tokens[i]!;
  const next = nextWord(tokens, i);
  if (dense && WEAK_RELATIONS.has(tok.normal)) return false;
  // "because of Y", "due to Y" give a noun as the reason: a relation only where something is stated
  // ("rankings dropped because of stale features"), not in "the key is X because of Y"
  if ((tok.normal === "because" && next?.normal === "of") || (tok.normal === "due" && next?.normal === "to"))
    return tokens.some((_, j) => j !== i && isSpecificVerb(tokens, j, dense));
  if (RELATION_WORDS.has(tok.normal)) return true;
  // purpose: "to <verb>" ("to catch", "to keep") — but not "fallback to default features"
  if (tok.normal === "to" && next && (next.pos === "VERB" || next.pos === "AUX") && !GENERIC_VERBS.has(next.lemma) && !isBuzzword(next) && !restates(tokens, tokens.indexOf(next))) {
    const prev = prevWord(tokens, i);
    return !(prev && (prev.normal === "fallback" || prev.normal === "back" || prev.pos === "NOUN"));
  }
  // "by comparing", "by logging"
  if (tok.normal === "by" && next && next.normal.endsWith("ing")) return !dense;
  if (tok.normal === "fall" || tok.normal === "falls" || tok.normal === "fell" || tok.normal === "falling") return next?.normal === "back";
  return isSpecificVerb(tokens, i, dense);
}

function isSpecificVerb(tokens: Token[], i: number, dense = false): boolean {
  const tok = tokens[i]!;
  if (tok.pos !== "VERB" || GENERIC_VERBS.has(tok.lemma) || GENERIC_VERBS.has(tok.normal) || isBuzzword(tok) || restates(tokens, i)) return false;
  // in a dense sentence a participle ("feeding into", "computed nightly", "served from") only strings names together
  if (dense && (tok.normal.endsWith("ing") || tok.normal.endsWith("ed") || (tok.normal.endsWith("en") && tok.normal !== tok.lemma))) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // participles used as adjectives name a thing: "cached features", "shared definitions", "distributed training"
  const participle = tok.normal.endsWith("ing") || tok.normal.endsWith("ed");
  if (participle && next !== undefined && (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ")) return prev !== undefined && (prev.pos === "AUX" || prev.pos === "VERB" || prev.pos === "PRON");
  if (!tok.normal.endsWith("ing")) return true;
  // "-ing" words in noun lists ("alerting, monitoring") name; "kept serving the snapshot" states.
  return (prev !== undefined && (prev.pos === "AUX" || prev.pos === "VERB" || prev.pos === "PRON")) || (next !== undefined && (next.pos === "DET" || next.pos === "PRON"));
}

/**
 * A verb that restates a word said before it in the sentence names the thing again instead of saying
 * what it does: "verification verifies the data", "Process management manages processes",
 * "Data preparation - we prepare the data".
 */
function restates(tokens: Token[], i: number): boolean {
  const verb = tokens[i];
  if (!verb) return false;
  for (let j = 0; j < i; j++) {
    const other = tokens[j]!;
    if (!isWordToken(other) || other.stop || other.pos === "VERB" || other.pos === "AUX") continue;
    if (sameStem(verb.lemma, other.lemma) || sameStem(verb.normal, other.normal)) return true;
  }
  return false;
}

/** Same word family: a shared prefix of at least four letters covering all but the last letter of the shorter word. */
export function sameStem(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let k = 0;
  while (k < shorter && a[k] === b[k]) k++;
  return k >= 4 && k >= shorter - 1;
}

function nextWord(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (isWordToken(tokens[j]!)) return tokens[j];
  return undefined;
}
function prevWord(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (isWordToken(tokens[j]!)) return tokens[j];
  return undefined;
}

const shapes = new WeakMap<Sentence, SentenceShape>();

export function shapeOf(sentence: Sentence): SentenceShape {
  const cached = shapes.get(sentence);
  if (cached) return cached;
  const tokens = sentence.tokens;
  const relationAt = tokens.map((_, i) => isWordToken(tokens[i]!) && isRelationToken(tokens, i, sentence.dense === true));
  // "Label: value" notes: the colon ties the label to a value that states something in three or more words
  // ("verification: bad data poisons training"); a one- or two-word value only names ("fallback: retry").
  let labelColon = -1;
  for (let i = 0; i < Math.min(tokens.length, 7); i++) if (tokens[i]!.normal === ":") labelColon = i;
  const valueWords = labelColon < 0 ? 0 : tokens.slice(labelColon + 1).filter(isWordToken).length;
  const valueConnective = labelColon >= 0 && tokens.some((t, i) => i > labelColon && relationAt[i] && t.pos !== "VERB" && t.normal !== "arrow");
  const labelled = labelColon >= 0 && valueWords <= 2 && !valueConnective;
  // the value must state something (a verb), not just name the label's parts ("quantity vs cost")
  const valuePredicate = tokens.some((t, i) => i > labelColon && (t.pos === "VERB" || t.pos === "AUX") && !/(ed|ing)$/.test(t.normal));
  if (labelColon >= 0 && valueWords >= 3 && valuePredicate) relationAt[labelColon] = true;
  // A leading "Label:" / "Label -" (bullet heading) is not an item of the list that follows.
  const colon = tokens.findIndex((t) => t.normal === ":" || t.normal === "-" || t.normal === "–" || t.normal === "—");
  const bodyFrom = colon >= 0 && colon <= 5 ? colon + 1 : 0;
  let depth = 0;
  const itemOf: number[] = [];
  const items: { words: number; relation: boolean; connective: boolean }[] = [];
  let current = { words: 0, relation: false, connective: false };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.normal === "(" || tok.normal === "[") depth++;
    if ((tok.normal === ")" || tok.normal === "]") && depth > 0) depth--;
    // examples in parentheses belong to their item: "checks (nulls, schema, duplicates)"
    if (i >= bodyFrom && depth === 0 && SEPARATORS.has(tok.normal)) {
      if (current.words > 0) items.push(current);
      current = { words: 0, relation: false, connective: false };
      itemOf.push(items.length);
      continue;
    }
    itemOf.push(items.length);
    if (i < bodyFrom) continue;
    if (isWordToken(tok)) current.words++;
    if (relationAt[i]) current.relation = true;
    if (relationAt[i] && !tokens[i]!.pos.startsWith("VERB")) current.connective = true;
  }
  if (current.words > 0) items.push(current);
  const words = tokens.filter(isWordToken).length;
  const anyRelation = relationAt.some(Boolean);
  // a short item names; a lone verb in it ("reuse", "retrain pipeline") does not make it a statement
  const isShort = (it: (typeof items)[number]): boolean => !it.connective && (it.words <= 3 || (it.words <= 4 && !it.relation));
  const short = items.filter(isShort).length;
  // "Skewed features, biased logs and bad eval sets never throw errors": a list with a real predicate
  // (a verb introducing the list — "we need / fix with X, Y, Z" — is not a predicate about its items)
  const predicate = items.slice(1).some((it) => !isShort(it) && it.relation);
  const connective = tokens.some((t) => CONNECTIVES.has(t.normal));
  const listOfTerms = items.length >= 3 && short >= 2 && short / items.length >= 0.5;
  // A list tied to one stated reason explains the list as a whole, weakly.
  const listLike = listOfTerms && !connective && !predicate;
  const fragment = (words <= 4 && !anyRelation) || labelled;
  // "A -> B -> C -> D": a drawn chain of box names gives the order, not why each box is there
  const chain = isBareChain(tokens, relationAt);
  const shape = {
    explanatory: anyRelation && !listLike && !fragment,
    listLike,
    listWithReason: (listOfTerms && !listLike) || chain,
    fragment,
    relationAt,
    itemOf,
  };
  shapes.set(sentence, shape);
  return shape;
}

/** Three or more arrows between short segments with no other relation: a chain of names. */
function isBareChain(tokens: Token[], relationAt: boolean[]): boolean {
  let arrows = 0;
  let segment = 0;
  let longest = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.normal === "arrow" || tok.normal === "→") {
      arrows++;
      longest = Math.max(longest, segment);
      segment = 0;
      continue;
    }
    if (!isWordToken(tok)) continue;
    if (relationAt[i]) return false;
    segment++;
  }
  longest = Math.max(longest, segment);
  return arrows >= 3 && longest <= 3;
}

/**
 * Is `a` tied to `b` by a stated relation? Same sentence: something between (or at) them states a
 * relation and they are not just neighbours in a list. Different sentences: the other sentence must
 * itself explain something (not a list or fragment).
 */
export function related(sentences: Sentence[], a: { sentence: number; tokens: number[] }, b: { sentence: number; tokens: number[] }): boolean {
  const sa = sentences[a.sentence];
  const sb = sentences[b.sentence];
  if (!sa || !sb) return false;
  if (a.sentence !== b.sentence) {
    const shA = shapeOf(sa);
    const shB = shapeOf(sb);
    return !shA.listLike && !shB.listLike && (shA.explanatory || shB.explanatory);
  }
  const shape = shapeOf(sa);
  const all = [...a.tokens, ...b.tokens];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  // a relation inside the span, or right after it in the same clause item ("X kept serving", "X so Y")
  let relation = false;
  for (let i = lo; i <= hi && !relation; i++) if (shape.relationAt[i]) relation = true;
  if (!relation) {
    // the clause of the span: its item(s), extended to neighbours when the list is not a list
    const fromItem = shape.itemOf[lo] ?? 0;
    const toItem = shape.itemOf[hi] ?? 0;
    for (let i = 0; i < sa.tokens.length && !relation; i++) {
      const item = shape.itemOf[i] ?? -1;
      if (item >= fromItem && item <= toItem && shape.relationAt[i]) relation = true;
    }
    if (!relation && !shape.listLike && shape.explanatory && fromItem === toItem) {
      // a single clause sentence with a specific verb elsewhere: "Stale features hurt new posts most"
      relation = shape.relationAt.some(Boolean) && sa.tokens.filter(isWordToken).length <= 14;
    }
  }
  if (!relation) return false;
  // in a list, items far apart are neighbours, not a relation
  if (shape.listLike) return (shape.itemOf[hi] ?? 0) === (shape.itemOf[lo] ?? 0);
  if (shape.listWithReason) {
    // a list member is tied to the clause that states the reason, not to its fellow members
    const ia = shape.itemOf[Math.min(...a.tokens)] ?? 0;
    const ib = shape.itemOf[Math.min(...b.tokens)] ?? 0;
    if (ia === ib) return true;
    const relItem = (item: number): boolean => shape.relationAt.some((r, i) => r && shape.itemOf[i] === item);
    return relItem(ia) || relItem(ib);
  }
  return true;
}

export type Substance = {
  /** Weighted share of concept mentions that sit in explanatory sentences, 0–1. */
  explainedShare: number;
  /** Rubric-term tokens per content word, 0–1. */
  termDensity: number;
  /** Share of sentences that are lists or fragments. */
  listShare: number;
  /** Distinct buzzwords in the answer, and buzz tokens per word. */
  buzz: { distinct: number; share: number };
  /** Highest score the answer's substance allows. */
  cap: number;
};

/**
 * `conceptHits[i]` = number of distinct criteria named in sentence i; `covered[i]` = tokens of sentence i
 * that belong to a rubric term; `quantified` = sentences stating a number with a unit of a quantity the
 * rubric estimates.
 */
export function measureSubstance(sentences: Sentence[], conceptHits: number[], covered: number[], quantified: ReadonlySet<number> = new Set()): Substance {
  let weighted = 0;
  let explained = 0;
  let content = 0;
  let terms = 0;
  let listy = 0;
  let words = 0;
  let buzzTokens = 0;
  const buzzKinds = new Set<string>();
  sentences.forEach((s, i) => {
    const buzz = buzzOf(s);
    for (const k of buzz.kinds) buzzKinds.add(k);
    buzzTokens += buzz.tokens;
    words += s.tokens.filter(isWordToken).length;
    const shape = shapeOf(s);
    // a sentence naming many criteria weighs at most three: one list must not drown the rest
    const hits = Math.min(3, conceptHits[i] ?? 0);
    if (quantified.has(i) && !shape.listLike) {
      // an estimate with its unit ("1B ≈ 115k qps", a table row) is substance, whatever its grammar
      weighted += Math.max(1, hits);
      explained += Math.max(1, hits);
    } else {
      weighted += hits;
      if (shape.explanatory) explained += shape.listWithReason ? hits / 2 : hits;
    }
    content += s.tokens.filter((t) => isWordToken(t) && !t.stop).length;
    terms += covered[i] ?? 0;
    if (shape.listLike || shape.fragment) listy++;
  });
  const explainedShare = weighted === 0 ? 0 : explained / weighted;
  const termDensity = content === 0 ? 0 : Math.min(1, terms / content);
  const listShare = sentences.length === 0 ? 0 : listy / sentences.length;
  const buzz = { distinct: buzzKinds.size, share: words === 0 ? 0 : buzzTokens / words };
  return { explainedShare, termDensity, listShare, buzz, cap: Math.min(substanceCap(explainedShare, weighted), buzzCap(buzz)) };
}

/**
 * Highest score an answer's substance allows: mostly unexplained vocabulary stays below E5, half
 * explained can reach E5, and only a well-explained answer is uncapped.
 */
export function substanceCap(explainedShare: number, weightedMentions: number): number {
  if (weightedMentions === 0) return 100;
  if (explainedShare < LOW) return Math.floor(30 + (14 * explainedShare) / LOW);
  if (explainedShare < HIGH) return Math.floor(45 + (30 * (explainedShare - LOW)) / (HIGH - LOW));
  return 100;
}
/**
 * Buzzword prose: three or more distinct buzzwords making up a noticeable share of the words (or two at a
 * heavy share) is
 * keyword stuffing written as sentences; it stays below E5 whatever relations its grammar shows.
 */
export function buzzCap(buzz: { distinct: number; share: number }): number {
  const buzzy = (buzz.distinct >= BUZZ_DISTINCT && buzz.share >= BUZZ_SHARE) || (buzz.distinct >= 2 && buzz.share >= BUZZ_HEAVY_SHARE);
  return buzzy ? BUZZ_CAP : 100;
}
/** Two kinds of buzzword at one word in twelve or more ("end-to-end observability" in a postmortem template) is as telling as three. */
const BUZZ_HEAVY_SHARE = 0.08;
const BUZZ_DISTINCT = 3;
const BUZZ_SHARE = 0.025;
const BUZZ_CAP = 40;
const LOW = 0.3;
const HIGH = 0.45;
