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
const MAX_DEVICE_VOCAB = 1_000;
const MAX_FIELDS = 64;
const ACTION_BYTES = ACTIONS.map((a) => Uint8Array.from(a, (c) => c.charCodeAt(0)));
const decoder = new TextDecoder();

type Columns = { user: number; post: number; action: number; ts: number; device: number; count: number };

type ParseState = {
  table: EventTable;
  deviceBytes: Uint8Array[];
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
    out: { rowsRead: 0, malformed: 0, malformedSamples: [], columns: [], missingColumns: [], extraColumns: [], bytes: 0 },
    cols: null,
    starts: new Int32Array(MAX_FIELDS + 2),
    line: 0,
  };
  let carry = new Uint8Array(0);
  for await (const chunk of chunks) {
    st.out.bytes += chunk.length;
    const buf = carry.length ? concat(carry, chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    let s = 0;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] === 10) {
        handleLine(st, buf, s, i);
        s = i + 1;
      }
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
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86_400 + h * 3600 + mi * 60 + sec + frac - offset;
}
