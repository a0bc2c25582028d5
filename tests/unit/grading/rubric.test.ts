import { describe, expect, it } from "vitest";
import { loadDrillContent, loadRubricContent } from "@/lib/drills/load-content";
import { parseRubric, RubricError } from "@/lib/grading";

describe("rubric files", () => {
  const rubrics = loadRubricContent();

  it("exist for every drill, each with E5 and E6 criteria, feedback and a model answer", () => {
    const drills = loadDrillContent().map((d) => d.slug).sort();
    expect(rubrics.map((r) => r.drill).sort()).toEqual(drills);
    for (const r of rubrics) {
      expect(r.criteria.some((c) => c.level === "E5"), r.drill).toBe(true);
      expect(r.criteria.some((c) => c.level === "E6"), r.drill).toBe(true);
      expect(r.version).toBeGreaterThanOrEqual(1);
    }
  });

  it("reject a criterion in an unknown dimension, naming the field", () => {
    const raw = JSON.parse(JSON.stringify(rubrics[0])) as { criteria: { dimension: string }[] };
    raw.criteria[0]!.dimension = "nope";
    expect(() => parseRubric(raw, "x.json")).toThrow(RubricError);
    expect(() => parseRubric(raw, "x.json")).toThrow(/x\.json: field "criteria\.0\.dimension"/);
  });

  it("reject a missing version", () => {
    const { version: _version, ...raw } = rubrics[0]!;
    expect(() => parseRubric(raw)).toThrow(/version/);
  });
});
