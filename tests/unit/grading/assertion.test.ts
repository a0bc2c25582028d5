import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTAINER_SHARE, relatesConcepts, statesSomething } from "@/lib/grading/assertion";
import { compileRubric } from "@/lib/grading/evidence";
import { analyzeAnswer, conceptStats } from "@/lib/grading/grade-answer";
import { analyzeText } from "@/lib/grading/text";
import { grade, rubricFor } from "./helpers";

/**
 * The container cap (lib/grading/assertion.ts) reads sentences, not formats: stuffing in a container is
 * capped, while genuine answers written as markdown tables, Q&A pairs, terse notes, SQL or code keep their
 * scores because their cells and comments state what each part does.
 */
const DIR = path.join(process.cwd(), "tests", "fixtures", "grading");
const answers = new Map<string, { drill: string; text: string; score: number }>(
  readdirSync(DIR)
    .filter((f) => f.startsWith("labelled.") && f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(path.join(DIR, f), "utf8").split("\n").filter((l) => l.trim() !== ""))
    .map((l) => JSON.parse(l) as { id: string; drill: string; text: string; score: number })
    .map((a) => [a.id, a]),
);

const states = (text: string): boolean[] => analyzeText(text).map((s) => statesSomething(text, s));

describe("statesSomething", () => {
  it("reads a predicate with its arguments, a causal link or a note's arrow as a statement", () => {
    expect(states("The store kept serving yesterday's snapshot.")).toEqual([true]);
    expect(states("| feature store | keeps train and serve features identical |")).toEqual([true]);
    expect(states("weights fit on 30d -> miscalibrated online")).toEqual([true]);
    expect(states("offline auc ok because eval rows come from the 30d pipeline")).toEqual([true]);
  });

  it("reads cells, fields, identifiers and tags as names", () => {
    expect(states("point-in-time joins | rollback | identified: label leakage")).toEqual([false]);
    expect(states("Slide 3: 100M DAU · ~10k QPS · Kafka · sharded feature store · Spark")).toEqual([false]);
    expect(states('  repeated string offline_auc = 2;  // ["inflated", "leak"]')).toEqual([false]);
    expect(states("test_training_serving_skew")).toEqual([false]);
    expect(states("#featurestore #skew #freshness")).toEqual([false]);
  });
});

/** Per sentence: does it relate concepts (the rubric's own concept spans, as the grader finds them)? */
function relates(drill: string, text: string): boolean[] {
  const sentences = analyzeText(text);
  const compiled = compileRubric(rubricFor(drill));
  const stats = conceptStats(sentences, compiled, new Map());
  return sentences.map((s, i) => statesSomething(text, s) && relatesConcepts(text, s, stats.at[i]!, stats.spans[i]!));
}

describe("relatesConcepts", () => {
  const drill = "diagnose-stale-features";
  it("reads a mechanism, a relation between two concepts or a stated role as a relation", () => {
    expect(relates(drill, "The online store kept serving the last snapshot, so the like rates froze.")).toEqual([true]);
    expect(relates(drill, "Stale features hide the drop in engagement.")).toEqual([true]);
    expect(relates(drill, "We compare feature age with the freshness SLA on every request.")).toEqual([true]);
  });

  it("reads short sentences that only name a concept as no relation", () => {
    expect(relates(drill, "We watch freshness. It is stale. There is a fallback. Freshness is important.")).toEqual([false, false, false, false]);
    expect(relates(drill, "Staleness and freshness matter at scale.")).toEqual([false]);
    expect(relates(drill, "We use a fallback.")).toEqual([false]);
  });
});

describe.runIf(answers.size > 0)("genuine answers in container formats keep their scores", () => {
  // markdown tables, Q&A pairs, SQL, terse notes (labelled E5/E6 answers)
  const ids = [
    "h9-failure-scenarios-08", // markdown table, E6
    "h9-diagnose-null-spike-07", // question | answer table, E6
    "h9-diagnose-label-leakage-08", // two-column table, E5
    "h4-tradeoffs-07", // terse table, E5
    "h9-diagnose-schema-change-07", // Q&A pairs, E6
    "h9-failure-scenarios-04", // Q&A pairs, E5
    "h9-diagnose-null-spike-03", // SQL, E6
    "h9-diagnose-label-leakage-05", // SQL, E6
    "diagnose-training-serving-skew-12", // terse notes with arrows, E6
  ];
  for (const id of ids)
    it(id, () => {
      const item = answers.get(id)!;
      const a = analyzeAnswer({ text: item.text, rubric: rubricFor(item.drill) });
      expect(a.assertion.assertedShare).toBeGreaterThanOrEqual(CONTAINER_SHARE);
      expect(grade(item.drill, item.text).score).toBeGreaterThan(45);
    });

  it("a code snippet whose comments explain the leak", () => {
    const text = [
      "```python",
      "# The like-rate features were computed over every logged row, so each example's own label leaked into its features.",
      "# That is why offline AUC hit 0.94: the model read the answer. Online the label is not known yet, so live AUC collapses.",
      "def like_rate(events, as_of):",
      "    # point-in-time: only events strictly before the prediction time count",
      "    past = events[events.ts < as_of]",
      "    return past.is_like.mean()",
      "# Detect it by comparing offline AUC with the online A/B; a shuffled-label check would still score high.",
      "# Fix: roll back the launch, rebuild features with point-in-time joins and re-evaluate on a time-based split.",
      "```",
    ].join("\n");
    const a = analyzeAnswer({ text, rubric: rubricFor("diagnose-label-leakage") });
    expect(a.assertion.assertedShare).toBeGreaterThanOrEqual(0.8);
    expect(grade("diagnose-label-leakage", text).score).toBeGreaterThanOrEqual(60);
  });
});
