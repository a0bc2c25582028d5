import { describe, expect, it } from "vitest";
import { submitAttemptSchema } from "@/lib/attempts/schema";
import { MAX_ANSWER_CHARS } from "@/lib/drills/schema";

const valid = { drillSlug: "whiteboard-system", answer: "Data collection feeds verification.", durationMs: 60_000 };
const fieldsOf = (input: unknown) => {
  const result = submitAttemptSchema.safeParse(input);
  return result.success ? [] : [...new Set(result.error.issues.map((i) => i.path.join(".")))];
};

describe("answer limits", () => {
  it("accepts an answer of exactly the maximum length", () => {
    expect(fieldsOf({ ...valid, answer: "a".repeat(MAX_ANSWER_CHARS) })).toEqual([]);
  });
  it("refuses one character over the maximum, naming the answer field", () => {
    expect(fieldsOf({ ...valid, answer: "a".repeat(MAX_ANSWER_CHARS + 1) })).toEqual(["answer"]);
  });
  it.each([["empty", ""], ["whitespace only", " \n\t "], ["NUL byte", "ok\u0000"]])("refuses an answer that is %s", (_name, answer) => {
    expect(fieldsOf({ ...valid, answer })).toEqual(["answer"]);
  });
  it.each([[-1], [1.5], [Number.NaN], [24 * 3600 * 1000 + 1], ["60"]])("refuses durationMs %s", (durationMs) => {
    expect(fieldsOf({ ...valid, durationMs })).toEqual(["durationMs"]);
  });
  it.each([["../etc/passwd"], ["Whiteboard"], [""], ["a".repeat(65)], [42]])("refuses drill slug %s", (drillSlug) => {
    expect(fieldsOf({ ...valid, drillSlug })).toEqual(["drillSlug"]);
  });
  it("ignores fields the client must not set (userId, score)", () => {
    const parsed = submitAttemptSchema.parse({ ...valid, userId: "someone-else", score: 100 });
    expect(parsed).toEqual({ ...valid, mode: "text" });
  });
});
