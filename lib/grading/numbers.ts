/**
 * Back-of-envelope numbers with units: "1B users", "100k QPS", "10 TB/day", "1.2e5 req/s",
 * "10^5", "100,000 lookups per second". Each quantity is tied to the user scale stated before it
 * ("At 100M DAU: ... 10k QPS"), which is how a number is checked against the right assumption.
 */
export type Quantity = "users" | "qps" | "bytes" | "events" | "lookups" | "plain";

export type NumberMention = {
  value: number;
  quantity: Quantity;
  /** The daily-user scale in force where the number appears, if any. */
  atUsers: number | null;
  start: number;
  end: number;
};

const MAGNITUDE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mil: 1e6, million: 1e6, millions: 1e6,
  b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, t: 1e12, trillion: 1e12,
};
const BYTES: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15, eb: 1e18 };

// number, optional exponent (1e5, 10^5, 1 x 10^5), optional magnitude word or letter
const NUMBER_RE =
  /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:[x×*]\s*10\s*\^\s*(\d+)|e(\d+)|\^(\d+)))?(?:\s*(thousand|millions?|billions?|trillion|mil|mn|bn|[kmbt])(?![a-z]))?/gi;

const RATE = /^\s*(?:\/\s*s(?:ec(?:ond)?)?\b|per\s+sec(?:ond)?\b|a\s+second\b|qps\b|rps\b)/i;
const RATE_NOUN = /^\s*(?:(?:peak|avg|average|read|write|feature|ranking|prediction|inference|model|candidate)\s+)*(requests?|req|queries|lookups?|fetch(?:es)?|reads?|predictions?|inferences?|scores?|candidates?|rows?|features?)\b\s*(?:\/\s*s(?:ec(?:ond)?)?\b|per\s+sec(?:ond)?\b|a\s+second\b|each\s+second\b)/i;
const BYTES_UNIT = /^\s*(kb|mb|gb|tb|pb|eb|bytes?|b)\b/i;
const USERS_UNIT = /^\s*(?:daily\s+active\s+)?(users?|dau|mau|people|members|accounts)\b/i;
const EVENTS_UNIT = /^\s*(?:\w+\s+)?(events?|interactions?|actions?|logs?|log\s+lines|impressions?|records?)\b/i;
const SCALE_LEAD = /(?:^|[\s*#(\-–|>])(?:at|for|with|scale:?|@)?\s*$/i;

export function findNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  let atUsers: number | null = null;
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    let value = Number((m[1] ?? "").replace(/,/g, ""));
    const exp = m[2] ?? m[3] ?? m[4];
    if (exp !== undefined) value = m[2] !== undefined || m[3] !== undefined ? value * 10 ** Number(exp) : value ** Number(exp);
    const magWord = m[5]?.toLowerCase();
    const rest = text.slice(end, end + 60);
    let quantity: Quantity = "plain";
    let unitEnd = end;
    const bytes = magWord === undefined ? BYTES_UNIT.exec(rest) : null;
    if (magWord !== undefined && magWord.length === 1 && /^[kmgtp]b\b/i.test(text.slice(end - 1, end + 2))) {
      // "10 TB": the letter belongs to the byte unit, not a magnitude
      value = Number((m[1] ?? "").replace(/,/g, "")) * (BYTES[`${magWord}b`] ?? 1);
      quantity = "bytes";
    } else {
      if (magWord !== undefined) value *= MAGNITUDE[magWord] ?? 1;
      const rate = RATE.exec(rest);
      const rateNoun = RATE_NOUN.exec(rest);
      const users = USERS_UNIT.exec(rest);
      const events = EVENTS_UNIT.exec(rest);
      if (bytes && bytes[1] && !(bytes[1].toLowerCase() === "b" && magWord === undefined && /^\s*b\s+(?:users?|dau|requests?)/i.test(rest))) {
        value *= BYTES[bytes[1].toLowerCase().replace(/ytes?$/, "")] ?? 1;
        quantity = "bytes";
        unitEnd = end + bytes[0].length;
      } else if (rateNoun) {
        const noun = (rateNoun[1] ?? "").toLowerCase();
        quantity = /^(lookups?|fetch|reads?|scores?|candidates?|rows?|features?)/.test(noun) ? "lookups" : "qps";
        unitEnd = end + rateNoun[0].length;
      } else if (rate) {
        quantity = "qps";
        unitEnd = end + rate[0].length;
      } else if (users) {
        quantity = "users";
        unitEnd = end + users[0].length;
      } else if (events) {
        quantity = "events";
        unitEnd = end + events[0].length;
      } else if (magWord !== undefined && value >= 5e5 && value <= 1e10 && SCALE_LEAD.test(text.slice(Math.max(0, start - 12), start))) {
        quantity = "users"; // a bare "1B" or "At 100M:" heading names the scale
      }
    }
    if (quantity === "users") atUsers = value;
    mentions.push({ value, quantity, atUsers: quantity === "users" ? value : atUsers, start, end: unitEnd });
  }
  return mentions;
}

/** True when `value` lies within `expected` ÷ `tolerance` … `expected` × `tolerance`. */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  return value >= expected / tolerance && value <= expected * tolerance;
}

/** True when two user scales are the same order (1B vs 1.0B, 100M vs 120M). */
export function sameScale(a: number, b: number): boolean {
  return a / b < 3 && b / a < 3;
}
