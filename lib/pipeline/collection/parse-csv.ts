/**
 * Streaming CSV ingestion of event logs: `user_id,post_id,action,timestamp,device` with ISO 8601
 * UTC timestamps. Works on byte chunks (a 1M-row file is never one string) and parses numbers and
 * timestamps straight from bytes. Malformed rows are counted and sampled, never fatal; a missing
 * required column is fatal, a missing `device` column is reported (all values become null).
 */
import { PipelineInputError } from "../errors";
import { ACTIONS, NULL_CODE, createEventTable, ensureCapacity } from "./event-table";
import type { EventTable } from "./event-table";

export type MalformedRow = { line: number; reason: string };

export type ParsedEvents = {
  table: EventTable;
  rowsRead: number;
  malformed: number;
  malformedSamples: MalformedRow[];
  columns: string[];
  missingColumns: string[];
  extraColumns: string[];
  bytes: number;
};

const REQUIRED = ["user_id", "post_id", "action", "timestamp"] as const;
const CANONICAL = "user_id,post_id,action,timestamp,device";
const MAX_DEVICE_VOCAB = 1_000;
const MAX_FIELDS = 64;
const ACTION_BYTES = ACTIONS.map((a) => Uint8Array.from(a, (c) => c.charCodeAt(0)));
const decoder = new TextDecoder();

type Columns = { user: number; post: number; action: number; ts: number; device: number; count: number; isCanonical: boolean };

type ParseState = {
  table: EventTable;
  deviceBytes: Uint8Array[];
  /** Fast path: the last device code and the last calendar day (its 10 bytes, yyyymmdd, days since the epoch; lastDay −1 = none yet). */
  lastDevice: number;
  lastDate: Uint8Array;
  lastDay: number;
  lastDays: number;
  out: Omit<ParsedEvents, "table">;
  cols: Columns | null;
  starts: Int32Array;
  line: number;
};

export async function parseEventsCsv(chunks: AsyncIterable<Uint8Array>, sizeHint = 1024): Promise<ParsedEvents> {
  const table = createEventTable(sizeHint);
  const st: ParseState = {
    table,
    deviceBytes: table.deviceVocab.map((d) => Uint8Array.from(d, (c) => c.charCodeAt(0))),
    lastDevice: 0,
    lastDate: new Uint8Array(10),
    lastDay: -1,
    lastDays: 0,
    out: { rowsRead: 0, malformed: 0, malformedSamples: [], columns: [], missingColumns: [], extraColumns: [], bytes: 0 },
    cols: null,
    starts: new Int32Array(MAX_FIELDS + 2),
    line: 0,
  };
  // only the partial line at a chunk's end is copied (joined with the start of the next chunk)
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    st.out.bytes += chunk.length;
    const buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    let s = 0;
    let nl = buf.indexOf(10);
    if (carry.length) {
      if (nl < 0) {
        carry = concat(carry, buf);
        continue;
      }
      const line = concat(carry, buf.subarray(0, nl));
      handleLine(st, line, 0, line.length);
      s = nl + 1;
    }
    // canonical rows are parsed in the pass that finds their newline; anything else goes line by line
    for (;;) {
      if (st.cols?.isCanonical) {
        const end = fastRow(st, buf, s, buf.length, false);
        if (end >= 0) {
          st.line++;
          st.out.rowsRead++;
          s = end + 1;
          continue;
        }
      }
      nl = buf.indexOf(10, s);
      if (nl < 0) break;
      handleLine(st, buf, s, nl);
      s = nl + 1;
    }
    carry = buf.slice(s);
  }
  if (carry.length) handleLine(st, carry, 0, carry.length);
  if (!st.cols) throw new PipelineInputError("Expected a CSV header with user_id,post_id,action,timestamp,device, got an empty file");
  return { table: st.table, ...st.out };
}

function bad(st: ParseState, reason: () => string): void {
  st.out.malformed++;
  if (st.out.malformedSamples.length < 10) st.out.malformedSamples.push({ line: st.line, reason: reason() });
}

function handleLine(st: ParseState, buf: Uint8Array, s: number, e: number): void {
  if (e > s && buf[e - 1] === 13) e--; // CRLF
  st.line++;
  if (e <= s) return;
  const c = st.cols;
  if (!c) {
    st.cols = readHeader(decoder.decode(buf.subarray(s, e)), st.out);
    return;
  }
  st.out.rowsRead++;
  if (c.isCanonical && fastRow(st, buf, s, e, true) >= 0) return;
  const starts = st.starts;
  let nf = 1;
  starts[0] = s;
  for (let i = s; i < e; i++) {
    if (buf[i] === 44) {
      if (nf <= MAX_FIELDS) starts[nf] = i + 1;
      nf++;
    }
  }
  if (nf !== c.count) return bad(st, () => `expected ${c.count} fields, got ${nf}`);
  starts[nf] = e + 1;
  const user = parseInteger(buf, starts[c.user] ?? s, (starts[c.user + 1] ?? e) - 1);
  if (user === null) return bad(st, () => `user_id is not an integer: ${fieldText(buf, starts, c.user)}`);
  const post = parseInteger(buf, starts[c.post] ?? s, (starts[c.post + 1] ?? e) - 1);
  if (post === null) return bad(st, () => `post_id is not an integer: ${fieldText(buf, starts, c.post)}`);
  const as = starts[c.action] ?? s;
  const ae = (starts[c.action + 1] ?? e) - 1;
  const action = as === ae ? NULL_CODE : matchAction(buf, as, ae);
  if (action === undefined) return bad(st, () => `unknown action ${fieldText(buf, starts, c.action)}`);
  const seconds = parseIsoSeconds(buf, starts[c.ts] ?? s, (starts[c.ts + 1] ?? e) - 1);
  if (seconds === null) return bad(st, () => `timestamp is not ISO 8601: ${fieldText(buf, starts, c.ts)}`);
  let device = NULL_CODE;
  if (c.device >= 0) {
    const ds = starts[c.device] ?? s;
    const de = (starts[c.device + 1] ?? e) - 1;
    if (de > ds) device = internDevice(buf, ds, de, st.table, st.deviceBytes);
  }
  if (st.table.n >= st.table.userId.length) st.table = ensureCapacity(st.table, st.table.n + 1);
  const t = st.table;
  const i = t.n++;
  t.userId[i] = user;
  t.postId[i] = post;
  t.action[i] = action;
  t.ts[i] = seconds;
  t.device[i] = device;
}

/**
 * The common row in one left-to-right pass, for a file whose header is exactly CANONICAL:
 * `digits,digits,action,YYYY-MM-DDTHH:MM:SSZ,device`. The row starting at s ends at the first
 * newline before `limit` (a CR before it is dropped), or at `limit` itself when `isLineEnd`.
 * Returns where it ends (the newline's index, or limit), or -1 without side effects on anything
 * else (signs, other timestamp forms, stray commas, bad values, no newline before limit), and the
 * general path parses or rejects the row, so both paths produce the same table and malformed
 * reports.
 */
function fastRow(st: ParseState, buf: Uint8Array, s: number, limit: number, isLineEnd: boolean): number {
  // a field scan stops at the newline at the latest (it is no digit, comma or action byte), so
  // until the device field the line end only needs to be known as `limit`
  const e = limit;
  let i = s;
  let user = 0;
  for (; i < e && buf[i] !== 44; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    user = user * 10 + d;
  }
  if (i === s || i - s > 15 || i >= e) return -1;
  const p0 = ++i;
  let post = 0;
  for (; i < e && buf[i] !== 44; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    post = post * 10 + d;
  }
  if (i === p0 || i - p0 > 15 || i >= e) return -1;
  const a0 = ++i;
  while (i < e && buf[i] !== 44) i++;
  if (i >= e) return -1;
  const action = i === a0 ? NULL_CODE : matchAction(buf, a0, i);
  if (action === undefined) return -1;
  const t0 = ++i;
  // YYYY-MM-DDTHH:MM:SSZ then a comma
  if (e - t0 < 21 || buf[t0 + 19] !== 90 || buf[t0 + 20] !== 44 || buf[t0 + 10] !== 84) return -1;
  if (buf[t0 + 13] !== 58 || buf[t0 + 16] !== 58) return -1;
  // the date part usually repeats the previous row's (a log in time order): compare 10 bytes
  const date = st.lastDate;
  let sameDate = st.lastDay >= 0;
  for (let k = 0; sameDate && k < 10; k++) sameDate = buf[t0 + k] === date[k];
  if (!sameDate) {
    if (buf[t0 + 4] !== 45 || buf[t0 + 7] !== 45) return -1;
    for (let k = 0; k < 10; k++) {
      if (k === 4 || k === 7) continue;
      const d = buf[t0 + k]! - 48;
      if (d < 0 || d > 9) return -1;
    }
    const y = two(buf, t0) * 100 + two(buf, t0 + 2);
    const mo = two(buf, t0 + 5);
    const day = two(buf, t0 + 8);
    if (mo < 1 || mo > 12 || day < 1 || day > 31) return -1;
    st.lastDay = y * 10_000 + mo * 100 + day;
    st.lastDays = daysFromCivil(y, mo, day);
    date.set(buf.subarray(t0, t0 + 10));
  }
  for (let k = 11; k < 19; k++) {
    if (k === 13 || k === 16) continue;
    const d = buf[t0 + k]! - 48;
    if (d < 0 || d > 9) return -1;
  }
  const h = two(buf, t0 + 11);
  const mi = two(buf, t0 + 14);
  const sec = two(buf, t0 + 17);
  if (h > 23 || mi > 59 || sec > 60) return -1;
  const d0 = t0 + 21;
  let end = d0;
  for (; end < limit && buf[end] !== 10; end++) if (buf[end] === 44) return -1;
  if (end === limit && !isLineEnd) return -1;
  // a CR before the newline is dropped (handleLine has already dropped it from a line it passes)
  const de = end < limit && end > d0 && buf[end - 1] === 13 ? end - 1 : end;
  let device = NULL_CODE;
  if (de > d0) {
    const last = st.deviceBytes[st.lastDevice]!;
    let same = last.length === de - d0;
    for (let k = 0; same && k < last.length; k++) same = buf[d0 + k] === last[k];
    device = same ? st.lastDevice : internDevice(buf, d0, de, st.table, st.deviceBytes);
    if (device >= 0) st.lastDevice = device;
  }
  if (st.table.n >= st.table.userId.length) st.table = ensureCapacity(st.table, st.table.n + 1);
  const t = st.table;
  const r = t.n++;
  t.userId[r] = user;
  t.postId[r] = post;
  t.action[r] = action;
  t.ts[r] = st.lastDays * 86_400 + h * 3600 + mi * 60 + sec + 0 - 0;
  t.device[r] = device;
  return end;
}

function fieldText(buf: Uint8Array, starts: Int32Array, k: number): string {
  return JSON.stringify(decoder.decode(buf.subarray(starts[k] ?? 0, (starts[k + 1] ?? 0) - 1)));
}

function readHeader(header: string, out: Omit<ParsedEvents, "table">): Columns {
  const names = header.replace(/^\uFEFF/, "").split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  out.columns = names;
  const missing = [...REQUIRED, "device"].filter((c) => !names.includes(c));
  out.missingColumns = missing;
  out.extraColumns = names.filter((c) => !["user_id", "post_id", "action", "timestamp", "device"].includes(c));
  const fatal = missing.filter((c) => c !== "device");
  if (fatal.length) {
    throw new PipelineInputError(`Expected columns user_id,post_id,action,timestamp,device; missing ${fatal.join(", ")} (header: ${header.slice(0, 200)})`);
  }
  return {
    user: names.indexOf("user_id"), post: names.indexOf("post_id"), action: names.indexOf("action"),
    ts: names.indexOf("timestamp"), device: names.indexOf("device"), count: names.length,
    isCanonical: names.join(",") === CANONICAL,
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

function parseInteger(buf: Uint8Array, s: number, e: number): number | null {
  if (e <= s || e - s > 15) return null;
  let v = 0;
  let sign = 1;
  let i = s;
  if (buf[i] === 45) { sign = -1; i++; }
  if (i >= e) return null;
  for (; i < e; i++) {
    const d = (buf[i] ?? 0) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return sign * v;
}

function matchAction(buf: Uint8Array, s: number, e: number): number | undefined {
  for (let a = 0; a < ACTION_BYTES.length; a++) {
    const w = ACTION_BYTES[a] as Uint8Array;
    if (w.length !== e - s) continue;
    let ok = true;
    for (let k = 0; k < w.length && ok; k++) ok = buf[s + k] === w[k];
    if (ok) return a;
  }
  return undefined;
}

function internDevice(buf: Uint8Array, s: number, e: number, table: EventTable, vocabBytes: Uint8Array[]): number {
  for (let d = 0; d < vocabBytes.length; d++) {
    const w = vocabBytes[d] as Uint8Array;
    if (w.length !== e - s) continue;
    let ok = true;
    for (let k = 0; k < w.length && ok; k++) ok = buf[s + k] === w[k];
    if (ok) return d;
  }
  if (vocabBytes.length >= MAX_DEVICE_VOCAB) return vocabBytes.length - 1;
  vocabBytes.push(buf.slice(s, e));
  table.deviceVocab.push(decoder.decode(buf.subarray(s, e)));
  return vocabBytes.length - 1;
}

const digit = (buf: Uint8Array, i: number) => (buf[i] ?? 0) - 48;
const two = (buf: Uint8Array, i: number) => digit(buf, i) * 10 + digit(buf, i + 1);

/**
 * YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM] → epoch seconds, null if malformed. Dates without a zone are
 * read as UTC. Days from civil: @see https://howardhinnant.github.io/date_algorithms.html
 */
export function parseIsoSeconds(buf: Uint8Array, s: number, e: number): number | null {
  if (e - s < 19 || buf[s + 4] !== 45 || buf[s + 7] !== 45 || (buf[s + 10] !== 84 && buf[s + 10] !== 32) || buf[s + 13] !== 58 || buf[s + 16] !== 58) return null;
  for (let k = 0; k < 19; k++) {
    if (k === 4 || k === 7 || k === 10 || k === 13 || k === 16) continue;
    const d = digit(buf, s + k);
    if (d < 0 || d > 9) return null;
  }
  const y = two(buf, s) * 100 + two(buf, s + 2);
  const mo = two(buf, s + 5);
  const d = two(buf, s + 8);
  const h = two(buf, s + 11);
  const mi = two(buf, s + 14);
  const sec = two(buf, s + 17);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  let i = s + 19;
  let frac = 0;
  if (buf[i] === 46) {
    let scale = 0.1;
    i++;
    while (i < e && digit(buf, i) >= 0 && digit(buf, i) <= 9) { frac += digit(buf, i) * scale; scale /= 10; i++; }
  }
  let offset = 0;
  if (i < e) {
    if (buf[i] === 90 && i + 1 === e) i++;
    else if ((buf[i] === 43 || buf[i] === 45) && e - i === 6 && buf[i + 3] === 58) {
      offset = (buf[i] === 45 ? -1 : 1) * (two(buf, i + 1) * 3600 + two(buf, i + 4) * 60);
      i = e;
    } else return null;
  }
  return daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec + frac - offset;
}

function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
