import { shapeOf } from "./substance";
import { isWordToken, type Sentence } from "./text";

/**
 * Sentence-level signals for the calibration features (see calibration.ts): does a sentence state a
 * *why* (cause, purpose, consequence), and does the answer take a dismissive stance.
 */

/** Words that state why: cause, purpose, consequence, condition, counterfactual. */
export const WHY_WORDS = new Set([
  "because", "since", "so", "therefore", "thus", "hence", "otherwise", "if", "unless", "when", "whenever", "cause", "causes", "caused",
  "lead", "leads", "led", "result", "results", "due", "prevent", "prevents", "avoid", "avoids", "means", "meaning", "instead", "why",
  "without", "else", "bc", "cuz", "coz", "cos", "until", "hides", "hide", "mask", "masks", "break", "breaks", "poison", "poisons",
  "silently", "silent", "risk", "catch", "catches", "hurt", "hurts", "degrade", "degrades", "matter", "matters", "cost", "costs",
]);

/** Does the sentence state why (not only what)? Arrows count outside dense sentences ("no checks -> garbage trains"). */
export function statesWhy(s: Sentence): boolean {
  const shape = shapeOf(s);
  if (!shape.explanatory) return false;
  return s.tokens.some((t, i) => {
    if (!isWordToken(t)) return false;
    if (WHY_WORDS.has(t.normal)) return true;
    if (t.normal === "arrow" || t.normal === "→") return !s.dense;
    // purpose: "to catch", "so that" — a "to" the shape counts as a relation
    return t.normal === "to" && shape.relationAt[i] === true;
  });
}

/**
 * Dismissive stance: the answer waves the drill's point away ("honestly that's plumbing", "not really an
 * incident", "overkill", "takes care of itself"). Phrases as consecutive lower-case words.
 */
const DISMISSIVE = [
  "not really", "isn't really", "is not really", "plumbing", "overkill", "non-issue",
  "non issue", "basically free", "takes care of itself", "take care of itself", "by definition", "not much of", "misleading",
  "strictly better", "wouldn't spend", "not a real", "no real", "so called", "so-called", "no incident", "not an incident", "doesn't matter", "does not matter", "close enough", "good enough",
  "not worth", "waste of time", "just noise", "nothing to worry", "no need to", "no need for", "don't need", "do not need",
  "not needed", "unnecessary", "a bit misleading", "real work", "the hard part is the model", "it's fine", "is fine", "was fine",
  // the incident waved away: nobody was hurt, the alarm is wrong, the signal is noise, close it
  "weren't affected", "aren't affected", "were not affected", "are not affected", "weren't really affected", "aren't really affected",
  "unaffected", "no user impact", "no impact", "minimal impact", "impact is minimal", "negligible", "false positive", "false alarm",
  "silence it", "silence the", "mute the", "widen its threshold", "widen the threshold", "raise the threshold", "loosen the",
  "stops paging", "stops firing", "stop paging", "normal variance", "most likely noise", "probably noise", "is noise", "move on",
  "close it", "close the ticket", "low-severity", "low severity", "nothing breaks", "nothing really goes wrong", "handled this well",
  "correct behaviour", "correct behavior", "is a plus", "wouldn't bother", "nice to have", "scaffolding",
].map((p) => p.split(" "));

/** Dismissive phrases found in the sentence. */
export function dismissiveIn(s: Sentence): number {
  const words = s.tokens.filter(isWordToken).map((t) => t.normal);
  // wink splits "isn't" into "is" + "n't"; join them back for phrase matching
  const joined: string[] = [];
  for (const w of words) {
    if (w === "n't" && joined.length > 0) joined[joined.length - 1] += "n't";
    else joined.push(w);
  }
  let n = 0;
  for (const phrase of DISMISSIVE)
    for (let i = 0; i + phrase.length <= joined.length; i++)
      if (phrase.every((w, k) => joined[i + k] === w)) {
        n++;
        break;
      }
  return n;
}

/** Words that state what goes wrong or what is at stake: a consequence, a failure, a counterfactual. */
const STAKES_WORDS = new Set([
  "break", "breaks", "broke", "broken", "fail", "fails", "failed", "failure", "poison", "poisons", "poisoned", "stale", "wrong", "worse",
  "silent", "silently", "drop", "drops", "dropped", "lose", "loses", "lost", "miss", "misses", "missed", "missing", "degrade", "degrades",
  "degraded", "garbage", "bad", "hurt", "hurts", "without", "otherwise", "else", "unless", "risk", "regress", "regression", "skew",
  "skewed", "leak", "leaks", "crash", "crashes", "outage", "blind", "unnoticed", "nobody", "never", "no", "stop", "stops", "block",
  "blocks", "catch", "catches", "prevent", "prevents", "avoid", "avoids", "cost", "costs", "lag", "late", "delay", "delayed", "spike",
  "decay", "decays", "rot", "rots", "mismatch", "inconsistent", "corrupt", "corrupted", "bias", "biased", "harm", "harms", "can't", "cannot",
]);

/** Does the sentence state what goes wrong or what is at stake (not only what a thing is or does)? */
export function statesStakes(s: Sentence): boolean {
  return s.tokens.some((t) => isWordToken(t) && (STAKES_WORDS.has(t.normal) || t.normal === "n't"));
}
