import { describe, expect, it } from "vitest";
import { parseEventsCsv, parseIsoSeconds } from "@/lib/pipeline/collection/parse-csv";
import { ACTION_LIKE, NULL_CODE } from "@/lib/pipeline/collection/event-table";

async function* chunked(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const CSV = [
  "user_id,post_id,action,timestamp,device",
  "1,10,like,2024-01-01T00:00:00Z,iOS",
  "2,11,,2024-01-01T00:00:05Z,",
  "x,12,view,2024-01-01T00:00:06Z,Web",
  "3,13,view,yesterday,Web",
  "4,14,poke,2024-01-01T00:00:07Z,Web",
  "5,15,view,2024-01-01T00:00:08Z",
  "6,16,share,2024-01-01T00:00:09.500+01:00,Tablet\r",
  "",
].join("\n");

describe("parseEventsCsv", () => {
  it.each([1, 7, 4096])("streams byte chunks of %i without holding the file as text", async (size) => {
    const r = await parseEventsCsv(chunked(CSV, size));
    expect(r.table.n).toBe(3);
    expect(r.rowsRead).toBe(7);
    expect(r.malformed).toBe(4);
    expect(r.malformedSamples.map((m) => m.reason)).toEqual([
      'user_id is not an integer: "x"',
      'timestamp is not ISO 8601: "yesterday"',
      'unknown action "poke"',
      "expected 5 fields, got 4",
    ]);
    expect(r.table.action[0]).toBe(ACTION_LIKE);
    expect(r.table.action[1]).toBe(NULL_CODE);
    expect(r.table.device[1]).toBe(NULL_CODE);
    expect(r.table.deviceVocab).toContain("Tablet");
    expect(r.table.ts[2]).toBe(Date.parse("2024-01-01T00:00:09.500+01:00") / 1000);
  });

  it("reports a missing device column and fails clearly on missing required columns", async () => {
    const r = await parseEventsCsv(chunked("user_id,post_id,action,timestamp\n1,2,view,2024-01-01T00:00:00Z\n", 16));
    expect(r.missingColumns).toEqual(["device"]);
    expect(r.table.device[0]).toBe(NULL_CODE);
    await expect(parseEventsCsv(chunked("user_id,post\n1,2\n", 8))).rejects.toThrow(/missing post_id, action, timestamp/);
    await expect(parseEventsCsv(chunked("", 8))).rejects.toThrow(/empty file/);
  });

  it("parses ISO 8601 timestamps like Date.parse", () => {
    for (const s of ["2024-02-29T23:59:59Z", "1999-12-31T00:00:00Z", "2024-01-01T12:00:00", "2030-06-15T08:30:00-07:00"]) {
      const b = new TextEncoder().encode(s);
      expect(parseIsoSeconds(b, 0, b.length)).toBe(Date.parse(s.length === 19 ? `${s}Z` : s) / 1000);
    }
  });

  it("the canonical-header fast path and the general path build the same table and reports", async () => {
    const rows = [
      "1,10,like,2024-01-01T00:00:00Z,iOS",
      "2,11,,2024-01-01T00:00:05Z,",
      "-3,12,view,2024-01-01T00:00:06Z,Web",
      "4,13,view,2024-02-29T23:59:59.250Z,Android",
      "5,14,dislike,2024-03-01T00:00:00+02:00,Tablet",
      "6,15,share,2024-03-01T00:00:00,Tablet\r",
      "7,16,view,2024-13-01T00:00:00Z,iOS",
      "8,17,poke,2024-03-01T00:00:00Z,iOS",
      "9,18,view,2024-03-01T00:00:00Z,iOS,extra",
      "10,,view,2024-03-01T00:00:00Z,iOS",
      "1234567890123456,19,view,2024-03-01T00:00:00Z,iOS",
      "11,20,view,2024-03-01T00:00:00Z,7",
    ];
    const canonical = ["user_id,post_id,action,timestamp,device", ...rows].join("\n");
    // same data, columns permuted: the general path only
    const permuted = ["device,timestamp,action,post_id,user_id", ...rows.map((r) => {
      const cr = r.endsWith("\r");
      const f = (cr ? r.slice(0, -1) : r).split(",");
      const out = f.length === 5 ? [f[4], f[3], f[2], f[1], f[0]].join(",") : [f[4], f[3], f[2], f[1], f[0], ...f.slice(5)].join(",");
      return cr ? `${out}\r` : out;
    })].join("\n");
    const a = await parseEventsCsv(chunked(canonical, 5));
    const b = await parseEventsCsv(chunked(permuted, 4096));
    expect(a.table.n).toBe(b.table.n);
    for (const col of ["userId", "postId", "action", "ts", "device"] as const) expect(Array.from(a.table[col].subarray(0, a.table.n))).toEqual(Array.from(b.table[col].subarray(0, b.table.n)));
    expect(a.table.deviceVocab).toEqual(b.table.deviceVocab);
    expect([a.rowsRead, a.malformed]).toEqual([b.rowsRead, b.malformed]);
    expect(a.malformedSamples.map((m) => m.line)).toEqual(b.malformedSamples.map((m) => m.line));
  });
});
