import winkNLP, { type ItemSentence, type ItemToken, type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Splits an answer into sentences of tokens with lemmas, negation and character offsets into the
 * original text. Sentence boundaries come from wink-nlp; line breaks (bullets, headings) are hard
 * boundaries too, so negation scope never leaks from one bullet into the next.
 */
const nlp = winkNLP(model, ["sbd", "pos", "negation"]);
const its = nlp.its;
/** wink-nlp 2.4 types lemma with an extra parameter; it is a token its-function all the same. */
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

export type Token = {
  /** lower-case surface form */
  normal: string;
  lemma: string;
  pos: string;
  negated: boolean;
  stop: boolean;
  start: number;
  end: number;
};

export type Sentence = {
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Names four or more rubric concepts: weak relations ("which", "via", participles, arrows) do not explain in it. Set by the grader before shapes are read. */
  dense?: boolean;
};

/** Tokens whose part of speech carries no content of its own. */
const PUNCT_POS = new Set(["PUNCT", "SYM", "SPACE"]);
/** A clause is over at these tokens: negation does not cross them. */
const CLAUSE_BREAK = new Set([",", ";", ":", "—", "–", "(", ")", "but", "so", "because", "although", "while", "whereas", "then"]);
/** "X is not needed", "X isn't necessary": negation that points back at the clause's subject. */
const BACKWARD_NEGATED = new Set(["need", "needed", "require", "required", "necessary", "matter", "important", "useful", "worth", "relevant", "help"]);
const BACKWARD_ALWAYS = new Set(["unnecessary", "overkill", "pointless", "needless", "irrelevant", "optional"]);
/** Negators wink does not treat as such. */
const EXTRA_NEGATORS = new Set(["without", "nor", "neither", "lacks", "lacking"]);

export function analyzeText(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    if (line.trim().length > 0) addLine(line, lineStart, sentences);
    lineStart += line.length + 1;
  }
  return sentences;
}

function addLine(line: string, offset: number, out: Sentence[]): void {
  const doc = nlp.readDoc(line);
  let cursor = 0;
  const all: Token[] = [];
  doc.tokens().each((t: ItemToken) => {
    const surface = t.out();
    cursor += t.out<string>(its.precedingSpaces).length;
    const start = cursor;
    cursor += surface.length;
    all.push({
      normal: surface.toLowerCase(),
      // wink leaves some lemmas undefined (e.g. "cannot" in some contexts): fall back to the surface form
      lemma: ((t.out(lemmaOf) as string | undefined) ?? surface).toLowerCase(),
      pos: t.out<string>(its.pos),
      negated: Boolean(t.out(its.negationFlag)),
      stop: Boolean(t.out(its.stopWordFlag)),
      start: offset + start,
      end: offset + cursor,
    });
  });
  doc.sentences().each((s: ItemSentence) => {
    const [from, to] = s.out(its.span) as unknown as [number, number];
    const tokens = mergeArrows(all.slice(from, to + 1).filter((tok) => tok.pos !== "SPACE"));
    if (tokens.length === 0) return;
    applyExtraNegation(tokens);
    affirmCounterfactual(tokens);
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    out.push({ index: out.length, start: first.start, end: last.end, tokens });
  });
}

/** "->", "=>", "→" become one word token, "arrow", so rubrics can ask for a drawn data flow. */
function mergeArrows(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const tok of tokens) {
    const prev = out[out.length - 1];
    const isHead = tok.normal === ">" || tok.normal === "→" || tok.normal === "⟶" || tok.normal === "->" || tok.normal === "=>";
    if (isHead && prev && (prev.normal === "-" || prev.normal === "--" || prev.normal === "=") && prev.end === tok.start) {
      out[out.length - 1] = { ...prev, normal: "arrow", lemma: "arrow", pos: "X", end: tok.end };
    } else if (isHead) out.push({ ...tok, normal: "arrow", lemma: "arrow", pos: "X" });
    else out.push(tok);
  }
  return out;
}

/**
 * Adds the negation wink misses: "without X", "X is not needed" pointing backwards, and a "Label: value"
 * note whose value dismisses the label ("Analysis tools: nice for dashboards, not needed").
 */
function applyExtraNegation(tokens: Token[]): void {
  limitNegationScope(tokens);
  let clauseStart = 0;
  let forward = false;
  let dismissed = false;
  const labelEnd = tokens.findIndex((t, i) => i <= 6 && t.normal === ":");
  // "what breaks without a feature store?" asks for the counterfactual: it names what the part is for
  const question = tokens[tokens.length - 1]?.normal === "?";
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (CLAUSE_BREAK.has(tok.normal)) {
      clauseStart = i + 1;
      forward = false;
      continue;
    }
    if (forward) tok.negated = true;
    if (question && tok.normal === "without") {
      // wink negates after "without" itself; in a question the rest of the clause is affirmative
      for (let j = i + 1; j < tokens.length && !CLAUSE_BREAK.has(tokens[j]!.normal) && !NEGATORS.has(tokens[j]!.normal); j++) tokens[j]!.negated = false;
      continue;
    }
    if (EXTRA_NEGATORS.has(tok.normal)) forward = true;
    const isNot = (t: Token | undefined): boolean => t !== undefined && (t.lemma === "not" || t.normal === "n't" || t.normal === "no" || t.normal === "never");
    // "isn't needed", "isn't really needed"
    const negatedPredicate = BACKWARD_NEGATED.has(tok.normal) && (isNot(tokens[i - 1]) || isNot(tokens[i - 2]));
    const backward = negatedPredicate || (BACKWARD_ALWAYS.has(tok.normal) && tok.negated === false);
    if (backward) for (let j = clauseStart; j < i; j++) tokens[j]!.negated = true;
    if (backward && labelEnd >= 0 && i > labelEnd) dismissed = true;
  }
  if (dismissed) for (let j = 0; j < labelEnd; j++) tokens[j]!.negated = true;
}

/** Breaks that end a negation's scope: a new clause after them needs its own negator. */
const SCOPE_BREAK = new Set([":", ";", "—", "–", "but", "so", "because", "although", "though", "whereas", "however"]);
const NEGATORS = new Set(["not", "n't", "no", "never", "without", "nor", "neither", "nothing", "none", "nobody", "cannot", "lacks", "lacking"]);

/**
 * wink's negation can run past a colon or a "but": "Why offline didn't catch it: the evaluation split was
 * cleaned the same way" does not negate the evaluation split. After such a break, a clause without a
 * negator of its own is affirmative. (Commas do not end the scope: "no monitoring, alerting or retraining".)
 */
function limitNegationScope(tokens: Token[]): void {
  let broken = false;
  let negator = false;
  for (const tok of tokens) {
    if (SCOPE_BREAK.has(tok.normal)) {
      broken = true;
      negator = false;
      continue;
    }
    if (NEGATORS.has(tok.normal) || tok.lemma === "not") negator = true;
    if (broken && !negator && tok.negated) tok.negated = false;
  }
}

/** Leaders a counterfactual may follow: bullets, numbering, "because", "if", "with". */
const COUNTERFACTUAL_LEADERS = new Set(["-", "*", "•", "because", "since", "if", "so", "with", "there", "'s", "is", "are", "were"]);
/** What ties a counterfactual's antecedent to its consequence. */
const CONSEQUENCE = new Set(["arrow", "=", "means", "then", "leads", "causes"]);

/**
 * "no verification -> garbage trains the model", "without monitoring, decay goes unnoticed": a
 * counterfactual states what the component is for, so its antecedent is not a negated mention. The
 * consequence keeps its own negation ("can't roll back").
 */
function affirmCounterfactual(tokens: Token[]): void {
  let i = 0;
  while (i < tokens.length && (COUNTERFACTUAL_LEADERS.has(tokens[i]!.normal) || /^\d+[.)]?$/.test(tokens[i]!.normal) || !isWordToken(tokens[i]!))) i++;
  const negator = tokens[i];
  if (!negator || (negator.normal !== "no" && negator.normal !== "without")) return;
  const markers = negator.normal === "without" ? new Set([...CONSEQUENCE, ","]) : CONSEQUENCE;
  const at = tokens.findIndex((t, j) => j > i + 1 && markers.has(t.normal));
  if (at < 0 || !tokens.slice(at + 1).some(isWordToken)) return;
  for (let j = i + 1; j < at; j++) tokens[j]!.negated = false;
}

export function isWordToken(tok: Token): boolean {
  return !PUNCT_POS.has(tok.pos);
}

/** Lemmas of a short phrase (used to compile rubric terms once). */
export function lemmatize(phrase: string): { normal: string; lemma: string }[] {
  const result: { normal: string; lemma: string }[] = [];
  nlp.readDoc(phrase).tokens().each((t: ItemToken) => {
    if (PUNCT_POS.has(t.out<string>(its.pos))) return;
    result.push({ normal: t.out().toLowerCase(), lemma: ((t.out(lemmaOf) as string | undefined) ?? t.out()).toLowerCase() });
  });
  return result;
}
