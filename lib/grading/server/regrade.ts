/** Regrades attempts never graded, or graded against an older rubric version than the newest. */
import { countAttempts } from "@/lib/db/attempts";
import { listAttemptsToRegrade } from "@/lib/db/grades";
import { gradeAttempt } from "./grade-attempt";

export async function regradeStaleAttempts(): Promise<{ regraded: number; failed: number; unchanged: number }> {
  let regraded = 0;
  let failed = 0;
  for (;;) {
    const batch = await listAttemptsToRegrade({ take: 200 });
    const pending = batch.length;
    for (const attempt of batch) {
      const outcome = await gradeAttempt({ attemptId: attempt.id });
      if (outcome.ok) regraded += 1;
      else failed += 1;
    }
    if (pending < 200 || failed > 0) break;
  }
  return { regraded, failed, unchanged: (await countAttempts()) - regraded - failed };
}
