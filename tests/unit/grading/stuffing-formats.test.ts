import { describe, expect, it } from "vitest";
import { loadRubricContent } from "@/lib/drills/load-content";
import { gradeAnswer } from "@/lib/grading";
import { stuffedAnswers } from "./stuffing";

/**
 * Worst-case keyword stuffing built from each rubric's own vocabulary (see ./stuffing.ts) in every container
 * format there: the original eight (comma list, bullets, filler prose and bullets, "Label: terms", term
 * table, hashtags, one long sentence), holdout9's fifteen (Mermaid, CSV, slides with the right numbers, job
 * description, agenda, code comments, back-of-book index, runbook, HCL, acrostic, pytest names, protobuf,
 * Kanban, Grafana, bingo) and formats no labelled set has used yet (YAML, JSON, SQL DDL, poem, git log,
 * LaTeX, glossary, mind map, chat of one-word replies, table of contents, word cloud, quiz key, regexes,
 * emoji notes, a table of estimates), and stuffing written as short real sentences ("We use X.", "X is
 * important.", "There is Y.", "X and Y matter at scale.", "We watch X. It is Y.", "X happens."), which have a
 * subject and a verb but relate nothing. None states a mechanism, so none may score above the E5 floor (45).
 */
const rubrics = loadRubricContent();

describe("keyword stuffing in any format stays at or below the E5 floor", () => {
  it("covers at least 20 formats", () => {
    expect(Object.keys(stuffedAnswers(rubrics[0]!)).length).toBeGreaterThanOrEqual(20);
  });

  for (const rubric of rubrics)
    it(rubric.drill, () => {
      for (const [format, text] of Object.entries(stuffedAnswers(rubric))) {
        const { score } = gradeAnswer({ text, rubric });
        expect({ format, score }).toEqual({ format, score: Math.min(score, 45) });
      }
    });
});
