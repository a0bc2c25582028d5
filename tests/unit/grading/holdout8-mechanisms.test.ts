import { describe, expect, it } from "vitest";
import { grade } from "./helpers";

/** Mechanisms added after studying holdout8's errors (general shapes, not the fixtures' wording). */
const ids = (drill: string, text: string): string[] => grade(drill, text).contradictions.map((k) => k.id);

describe("scare quotes in single quotation marks", () => {
  it("a claim inside 'single quotes' is quoted, not asserted; apostrophes are no quotes", () => {
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved correctly, so there is nothing to fix.")).toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved 'correctly', which is why no error fired.")).not.toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "The store, model and serving all behaved ‘correctly’, which is why no error fired.")).not.toContain("no-real-impact");
    expect(ids("diagnose-stale-features", "Users' feeds looked fine and everything behaved correctly, it's not a real problem.")).toContain("no-real-impact");
  });
});
