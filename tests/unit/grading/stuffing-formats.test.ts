import { describe, expect, it } from "vitest";
import { loadRubricContent } from "@/lib/drills/load-content";
import { gradeAnswer, type Rubric } from "@/lib/grading";

/**
 * Worst-case keyword stuffing, built from each rubric's own vocabulary (every criterion's first concept and
 * mechanism terms), in the formats candidates use: comma lists, bullets of bare nouns, noun phrases strung
 * on filler verbs ("ensure", "leverage", "handle"), "Label: terms" lines, term tables, hashtags and one
 * long "X and Y with Z" sentence. None states a mechanism, so none may score above the E5 floor (45).
 */
const termsOf = (group: unknown): string[] => (Array.isArray(group) ? (group as string[]) : (group as { terms: string[] }).terms);
const clean = (term: string): string => term.replace(/\*/g, "").replace(/&/g, "and");

function stuffedAnswers(rubric: Rubric): Record<string, string> {
  const pairs = rubric.criteria.flatMap((c) => {
    if (!c.evidence) return [];
    const concept = termsOf(c.evidence.concept).map(clean).filter((t) => t.split(" ").length <= 3);
    const mechanism = c.evidence.mechanism ? termsOf(c.evidence.mechanism).map(clean).filter((t) => t.length > 3) : [];
    return [{ concept: concept[0] ?? "", other: concept[1] ?? concept[0] ?? "", mech: mechanism[0] ?? "", mech2: mechanism[1] ?? "", dim: c.dimension }];
  });
  const all = pairs.flatMap((p) => [p.concept, p.mech].filter(Boolean));
  const fillers = ["ensure", "leverage", "handle", "use", "implement", "support"];
  return {
    comma: `${all.join(", ")}.`,
    bullets: all.map((t) => `- ${t}`).join("\n"),
    fillerProse: pairs.map((p, i) => `We ${fillers[i % fillers.length]} ${p.concept} and ${p.mech}${p.mech2 ? ` with ${p.mech2}` : ""}.`).join(" "),
    fillerBullets: pairs.map((p, i) => `- ${fillers[i % fillers.length]} ${p.concept} for ${p.mech}`).join("\n"),
    labels: [...new Set(pairs.map((p) => p.dim))].map((d) => `${d}: ${pairs.filter((p) => p.dim === d).flatMap((p) => [p.concept, p.mech]).join(", ")}`).join("\n"),
    table: `| concept | how |\n|---|---|\n${pairs.map((p) => `| ${p.concept} | ${p.mech} ${p.mech2} |`).join("\n")}`,
    hashtags: all.map((t) => `#${t.replace(/\s+/g, "")}`).join(" "),
    oneSentence: `Key is ${pairs.map((p) => `${p.concept} and ${p.other} with ${p.mech}`).join(", plus ")}, all of which matter.`,
  };
}

describe("keyword stuffing in any format stays at or below the E5 floor", () => {
  for (const rubric of loadRubricContent())
    it(rubric.drill, () => {
      for (const [format, text] of Object.entries(stuffedAnswers(rubric))) {
        const { score } = gradeAnswer({ text, rubric });
        expect({ format, score }).toEqual({ format, score: Math.min(score, 45) });
      }
    });
});
