import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import { MOCK_PHASE_IDS } from "@/lib/mock";
import { loadMockContent } from "@/lib/mock/content";

const { content, rubrics } = loadMockContent();

describe("mock interview content", () => {
  it("has a valid rubric for every phase", () => {
    expect([...rubrics.keys()]).toEqual([...MOCK_PHASE_IDS]);
    expect(content.phases.reduce((sum, p) => sum + p.minutes, 0)).toBe(45);
  });

  it.each([...MOCK_PHASE_IDS])("grades the %s model answer at E5 or above and a one-liner below it", (phase) => {
    const rubric = rubrics.get(phase)!;
    const model = gradeAnswer({ text: rubric.modelAnswer, rubric });
    expect(model.level, `${phase}: ${model.score}`).not.toBe("below");
    expect(gradeAnswer({ text: "I would build a good system.", rubric }).level).toBe("below");
  });
});
