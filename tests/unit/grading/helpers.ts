import { loadRubricContent } from "@/lib/drills/load-content";
import { gradeAnswer, type GradeResult, type Rubric } from "@/lib/grading";

const rubrics = new Map<string, Rubric>(loadRubricContent().map((r) => [r.drill, r]));

export function rubricFor(drill: string): Rubric {
  const rubric = rubrics.get(drill);
  if (!rubric) throw new Error(`no rubric for ${drill}`);
  return rubric;
}

export function grade(drill: string, text: string): GradeResult {
  return gradeAnswer({ text, rubric: rubricFor(drill) });
}

export function status(result: GradeResult, id: string): string {
  const c = result.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c.status;
}
