/**
 * The grader's shell: loads an attempt and its drill's newest rubric, runs the pure grader, stores the
 * grade. A failure is recorded on the attempt (which stays stored) and can be retried by regrading.
 */
import { getAttemptForGrading, getLatestRubricVersion, getRubricContent, markGradingFailed, saveGrade } from "@/lib/db/grades";
import { gradeAnswer, levelOf, parseRubric, SCORE_BANDS, type GradeResult, type Rubric } from "@/lib/grading";
import { ANSWER_MODES, parseAnswer, type AnswerMode } from "@/lib/attempts/modes";
import { gradeDiagram } from "@/lib/diagram";
import { checkEstimates } from "@/lib/estimates";
import { log } from "@/lib/log";
import { checkRunFacts, extractRunFacts, RUN_FACTS_WEIGHT, type RunFactsGrade } from "@/lib/simulations/run-facts";
import { parseStoredResult } from "@/lib/simulations/result";

/** Parsed rubrics by row id + version: parsing is the costly part of a first grade. */
const rubricCache = new Map<string, Rubric>();

/** Text answers go to the rubric grader; diagrams to the graph grader; numbers to the estimate checker. */
/** What every mode's grader returns at least; the full object is stored as the grade's result. */
type ModeResult = { score: number; level: GradeResult["level"]; kind?: "diagram" | "estimate" };

function gradeByMode(attempt: { answer: string; mode: string; runResult: unknown }, rubric: Rubric): ModeResult {
  const parsed = parseAnswer(ANSWER_MODES.includes(attempt.mode as AnswerMode) ? (attempt.mode as AnswerMode) : "text", attempt.answer);
  if (!parsed.ok) throw new Error(`stored answer does not parse: ${parsed.message}`);
  const answer = parsed.value;
  if (answer.mode === "diagram") return { kind: "diagram", ...gradeDiagram(answer.diagram) };
  if (answer.mode === "estimate") return { kind: "estimate", ...checkEstimates(answer.estimates) };
  const graded = gradeAnswer({ text: answer.text, rubric });
  return attempt.runResult ? combineWithRun(graded, answer.text, attempt.runResult) : graded;
}

/** A rubric row never changes once written, so its content is read and parsed once per process. */
async function loadRubric(row: { id: string; version: number }): Promise<Rubric> {
  const key = `${row.id}@${row.version}`;
  let rubric = rubricCache.get(key);
  if (!rubric) {
    rubric = parseRubric(await getRubricContent({ id: row.id }), key);
    rubricCache.set(key, rubric);
  }
  return rubric;
}

export type GradeAttemptOutcome = { ok: true; result: Pick<GradeResult, "score" | "level"> } | { ok: false; error: string };

type CombinedResult = GradeResult & { runFacts?: RunFactsGrade & { rubricScore: number } };

/**
 * Diagnosis of a simulation run: the rubric grade combined with the run's facts (alerts that fired,
 * the metric that moved, what stayed green, the fallback used). The run can lower the verdict — a
 * diagnosis that misses what the run showed is weaker — but never raise it above the rubric's level.
 */
function combineWithRun(result: GradeResult, text: string, runResult: unknown): CombinedResult {
  const run = parseStoredResult(runResult);
  if (!run) return result;
  const facts = checkRunFacts({ text, facts: extractRunFacts(run) });
  const combined = Math.round((1 - RUN_FACTS_WEIGHT) * result.score + RUN_FACTS_WEIGHT * facts.score);
  const score = Math.min(combined, SCORE_BANDS[result.level].max);
  return { ...result, score, level: levelOf(score), runFacts: { ...facts, rubricScore: result.score } };
}

export async function gradeAttempt({ attemptId }: { attemptId: string }): Promise<GradeAttemptOutcome> {
  try {
    const attempt = await getAttemptForGrading({ attemptId });
    if (!attempt) return { ok: false, error: "attempt not found" };
    const row = await getLatestRubricVersion({ drillId: attempt.drillId });
    if (!row) throw new Error("no rubric for this drill");
    const rubric = await loadRubric(row);
    const started = performance.now();
    const result = gradeByMode(attempt, rubric);
    const durationMs = performance.now() - started;
    await saveGrade({ attemptId, rubricId: row.id, rubricVersion: row.version, score: result.score, level: result.level, result, durationMs });
    log.info({ attemptId, score: result.score, level: result.level, ms: Math.round(durationMs * 10) / 10 }, "attempt graded");
    return { ok: true, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ attemptId, error }, "grading failed");
    await markGradingFailed({ attemptId, message }).catch(() => undefined);
    return { ok: false, error: message };
  }
}
