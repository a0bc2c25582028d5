import { describe, expect, it } from "vitest";
import { segmentAnswer } from "@/lib/attempts/highlight";

describe("segmentAnswer", () => {
  it("keeps every character, in order, whatever the spans", () => {
    const text = "Monitoring catches drift. Serving falls back to cached features.";
    const segments = segmentAnswer(text, [{ start: 0, end: 25, label: "1" }, { start: 26, end: 65, label: "2" }, { start: 10, end: 40, label: "3" }]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
  it("merges overlapping spans into highlights carrying both labels", () => {
    const segments = segmentAnswer("abcdef", [{ start: 0, end: 4, label: "a" }, { start: 2, end: 6, label: "b" }]);
    expect(segments).toEqual([{ text: "ab", labels: ["a"] }, { text: "cd", labels: ["a", "b"] }, { text: "ef", labels: ["b"] }]);
  });
  it("ignores spans outside the text or empty", () => {
    expect(segmentAnswer("abc", [{ start: 2, end: 9, label: "x" }, { start: 1, end: 1, label: "y" }])).toEqual([{ text: "abc", labels: [] }]);
  });
});
