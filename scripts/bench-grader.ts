/**
 * Grading latency per answer (p50 / p95 / max in ms) over the labelled tuning answers (tune + holdout +
 * holdout2 … holdout7 + tune8 + holdout8 … holdout10), calibration included, or over the drill model answers when the labelled set is absent. Not a timed test: run it on the target machine.
 *
 *   npm run bench:grader [-- --rounds 5]
 */
import { gradeAnswer } from "@/lib/grading";
import { readTuningSet } from "./eval-grader";
import { rubricsBySlug } from "./grade";

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function main(): void {
  const roundsArg = process.argv.indexOf("--rounds");
  const rounds = roundsArg === -1 ? 5 : Number(process.argv[roundsArg + 1] ?? 5);
  const rubrics = rubricsBySlug();
  const labelled = readTuningSet();
  const answers: { drill: string; text: string }[] =
    labelled.length > 0 ? labelled : [...rubrics.values()].map((r) => ({ drill: r.drill, text: r.modelAnswer }));

  const t0 = performance.now();
  const first = answers[0];
  if (first) gradeAnswer({ text: first.text, rubric: rubrics.get(first.drill)! });
  const coldMs = performance.now() - t0;

  const times: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const a of answers) {
      const rubric = rubrics.get(a.drill);
      if (!rubric) continue;
      const start = performance.now();
      gradeAnswer({ text: a.text, rubric });
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  const chars = answers.reduce((s, a) => s + a.text.length, 0) / Math.max(1, answers.length);
  console.log(`answers ${answers.length} × ${rounds} rounds, mean length ${Math.round(chars)} chars`);
  console.log(`first call (model load + rubric compile) ${coldMs.toFixed(1)} ms`);
  console.log(`p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${(times[times.length - 1] ?? 0).toFixed(2)} ms`);
}

main();
