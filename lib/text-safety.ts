/** Text checks shared by input schemas: PostgreSQL text and JSONB refuse NUL and lone surrogates. */

/** A UTF-16 surrogate without its pair (not valid Unicode; PostgreSQL rejects it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Bidi overrides/isolates, zero-width characters and the BOM: invisible, and used to spoof names. */
const INVISIBLE_FORMAT = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

export function hasInvisibleFormatting(value: string): boolean {
  return INVISIBLE_FORMAT.test(value);
}

/** True when a JSON document's text, once parsed, would carry a NUL (written as the \u0000 escape). */
export function jsonHasNulEscape(json: string): boolean {
  return /\\u0000/i.test(json);
}
