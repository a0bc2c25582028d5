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
/** "at 100M", "for 1B", "@1M": a bare magnitude after these names the user scale. */
const SCALE_AT = /(?:^|[\s*#(])(?:at|for|with|@|scale:?)\s*$/i;
/** "1B:", "1M,", "100M ~ 10k QPS", "100M\n": a bare magnitude standing as a heading or the left side of an estimate. */
const SCALE_END = /^\s*(?:[:,.)\-–|*~≈=→]|->|$)/;
const SCALE_LEAD = /(?:^|[\s*#(\-–|>])(?:at|for|with|scale:?|@)?\s*$/i;

/** "a hundred million", "ten thousand", "hundreds of thousands", "a quarter million": numbers in words. */
const WORD_NUMBER_RE =
  /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a few|few|several|a quarter|half a|tens of|hundreds of)\s+((?:(?:hundred|thousand|million|billion)s?(?:\s+of)?\s*)+)(?![a-z])/gi;
const WORD_MULT: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, fifty: 50,
  "a few": 3, few: 3, several: 3, "a quarter": 0.25, "half a": 0.5, "tens of": 30, "hundreds of": 300,
};
const WORD_SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * Rewrites numbers in words as digits of at most the same length, right-aligned so the unit still
 * follows ("at a hundred million users" → "at        100M users"): offsets into the text are kept.
 */
export function digitsForWords(text: string): string {
  return text.replace(WORD_NUMBER_RE, (whole: string, mult: string, scales: string) => {
    let value = WORD_MULT[mult.toLowerCase().replace(/\s+/g, " ")] ?? 1;
    for (const w of scales.toLowerCase().match(/hundred|thousand|million|billion/g) ?? []) value *= WORD_SCALE[w] ?? 1;
    const digits = compact(value);
    const trailing = /\s*$/.exec(whole)?.[0] ?? "";
    const body = whole.length - trailing.length;
    return digits.length > body ? whole : `${" ".repeat(body - digits.length)}${digits}${trailing}`;
  });
}

function compact(value: number): string {
  for (const [size, suffix] of [[1e9, "B"], [1e6, "M"], [1e3, "k"]] as const)
    if (value >= size) return `${Number((value / size).toPrecision(3))}${suffix}`;
  return String(Number(value.toPrecision(3)));
}

export function findNumbers(raw: string): NumberMention[] {
  const text = digitsForWords(raw);
  const tables = findTableNumbers(text);
  return [...findInlineNumbers(text).filter((n) => !tables.rows.some(([a, b]) => n.start >= a && n.start < b)), ...tables.mentions].sort(
    (a, b) => a.start - b.start,
  );
}

/** A cell of a table row: split on "|", tabs or runs of two or more spaces. */
function cellsOf(line: string, offset: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  const re = /[^|\t]+?(?=\s{2,}|\s*\||\t|\s*$)/g;
  for (const m of line.matchAll(re)) {
    const text = m[0].trim();
    if (text === "" || /^[-:\s]+$/.test(text)) continue;
    cells.push({ text, start: offset + m.index + m[0].indexOf(text) });
  }
  return cells;
}

/** The user scale a header cell names ("1M", "100M DAU", "1B users"), or null. */
function scaleOfCell(cell: string): number | null {
  const m = /^(?:at\s+)?~?(\d+(?:\.\d+)?)\s*([kmb])\b\s*(?:users?|dau)?$/i.exec(cell.trim());
  if (!m) return null;
  const value = Number(m[1]) * (MAGNITUDE[(m[2] ?? "").toLowerCase()] ?? 1);
  return value >= 1e5 && value <= 1e10 ? value : null;
}

/** The quantity a row label names ("avg QPS", "storage/day", "cands/s"). */
function quantityOfLabel(label: string): Quantity | null {
  const l = label.toLowerCase();
  if (/lookup|read|cand|score|feature/.test(l)) return "lookups";
  if (/qps|rps|req|quer|peak|traffic/.test(l)) return "qps";
  if (/storage|bytes|log|volume|disk|data/.test(l)) return "bytes";
  if (/event|action|interaction/.test(l)) return "events";
  return null;
}

/**
 * Numbers in a table whose header names the user scales ("| | 1M | 100M | 1B |" or "1M   100M   1B"):
 * each value belongs to its column's scale and gets its row label's quantity.
 */
function findTableNumbers(text: string): { mentions: NumberMention[]; rows: [number, number][] } {
  const mentions: NumberMention[] = [];
  const rows: [number, number][] = [];
  let header: number[] | null = null;
  // transposed: the header names quantities ("| DAU | QPS | logs/day |") and each row starts with its scale
  let columns: (Quantity | null)[] | null = null;
  let offset = 0;
  for (const line of text.split("\n")) {
    const cells = cellsOf(line, offset);
    const scales = cells.map((c) => scaleOfCell(c.text));
    const known = scales.filter((x): x is number => x !== null);
    const quantities = cells.map((c) => (scaleOfCell(c.text) === null && !/\d/.test(c.text) ? quantityOfLabel(c.text) : null));
    if (known.length >= 2 && known.length >= cells.length - 1) {
      header = known;
      columns = null;
    } else if (columns && cells.length >= 2 && scales[0] !== null && scales[0] !== undefined) {
      const rowScale = scales[0];
      rows.push([offset, offset + line.length]);
      cells.slice(1).forEach((cell, k) => {
        const quantity = columns![k + 1];
        if (!quantity) return;
        const [n] = findInlineNumbers(cell.text);
        if (!n) return;
        const q = n.quantity === "plain" || n.quantity === "users" ? quantity : n.quantity;
        mentions.push({ value: n.value, quantity: q, atUsers: rowScale, start: cell.start + n.start, end: cell.start + n.end });
      });
    } else if (!header && quantities.filter(Boolean).length >= 2 && line.includes("|")) {
      columns = quantities;
    } else if (header && cells.length >= 2) {
      const label = cells[0]!.text;
      const values = cells.slice(1);
      const quantity = quantityOfLabel(label);
      if (values.length === header.length && quantity) {
        rows.push([offset, offset + line.length]);
        values.forEach((cell, i) => {
          const [n] = findInlineNumbers(cell.text);
          if (!n) return;
          const q = n.quantity === "plain" || n.quantity === "users" ? quantity : n.quantity;
          mentions.push({ value: n.value, quantity: q, atUsers: header![i] ?? null, start: cell.start + n.start, end: cell.start + n.end });
        });
      }
    } else if (line.trim() === "") {
      header = null;
      columns = null;
    }
    offset += line.length + 1;
  }
  return { mentions, rows };
}

function findInlineNumbers(text: string): NumberMention[] {
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
      } else if (
        magWord !== undefined &&
        value >= 5e5 &&
        value <= 1e10 &&
        (SCALE_AT.test(text.slice(Math.max(0, start - 20), start)) || (SCALE_LEAD.test(text.slice(Math.max(0, start - 12), start)) && SCALE_END.test(rest)))
      ) {
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
