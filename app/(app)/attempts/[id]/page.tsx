import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { notFound } from "next/navigation";
import { DiagramReview } from "@/components/attempts/diagram-review";
import { EstimatesReview } from "@/components/attempts/estimates-review";
import { GradeNowButton } from "@/components/attempts/grade-now-button";
import { parseAnswer } from "@/lib/attempts/modes";
import type { DiagramGrade } from "@/lib/diagram";
import { describeAssumptions, type EstimatesCheck } from "@/lib/estimates";
import { GradeReport } from "@/components/grading/grade-report";
import { Markdown } from "@/components/markdown";
import { requirePageUser } from "@/lib/auth";
import { getAttempt } from "@/lib/db/attempts";
import { getModelAnswer } from "@/lib/db/grades";
import { formatDateTime, formatDuration } from "@/lib/format";

export const metadata: Metadata = { title: "Attempt" };

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/attempts/${encodeURIComponent(id)}`);
  const attempt = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getAttempt({ id, userId: user.id }) : null;
  if (!attempt) notFound();
  const modelAnswer = attempt.rubricId ? await getModelAnswer({ rubricId: attempt.rubricId }) : null;
  const modeView = renderModeResult(attempt.mode, attempt.answer, attempt.modeResult);
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <AppLink href="/attempts" className="text-sm text-brand-600 hover:underline">← History</AppLink>
        <h1 className="text-2xl font-bold">{attempt.drill.title}</h1>
        <p className="text-sm text-slate-600">
          Submitted {formatDateTime(attempt.submittedAt)} · {formatDuration(attempt.durationMs)} spent
        </p>
      </header>
      {modeView ? (
        modeView
      ) : attempt.result ? (
        <GradeReport grade={attempt.result} answer={attempt.answer} modelAnswer={modelAnswer} />
      ) : (
        <section aria-labelledby="result-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="result-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Result</h2>
          <p className="mt-1 text-slate-700" data-testid="attempt-result">
            {attempt.gradingFailed ? "Grading failed, but your answer is saved." : "Not graded yet"}
          </p>
          <GradeNowButton attemptId={attempt.id} />
        </section>
      )}
      {attempt.mode !== "text" ? null : <details className="rounded-lg border border-slate-200 bg-white p-5" open={!attempt.result}>
        <summary className="cursor-pointer text-sm font-semibold tracking-wide text-slate-500 uppercase">Your answer, rendered</summary>
        <div className="mt-3"><Markdown>{attempt.answer}</Markdown></div>
      </details>}
      <AppLink href={`/drills/${attempt.drill.slug}`} className="inline-block text-sm font-medium text-brand-600 hover:underline">Try this drill again</AppLink>
    </article>
  );
}

/** Diagram and estimate attempts render their own graded views; null for text answers or no grade. */
function renderModeResult(mode: string, answer: string, result: unknown) {
  if (mode === "text" || !result || typeof result !== "object") return null;
  const kind = (result as { kind?: unknown }).kind;
  const parsed = parseAnswer(mode === "diagram" ? "diagram" : "estimate", answer);
  if (!parsed.ok) return null;
  if (kind === "diagram" && parsed.value.mode === "diagram") return <DiagramReview diagram={parsed.value.diagram} grade={result as DiagramGrade} />;
  if (kind === "estimate" && parsed.value.mode === "estimate") return <EstimatesReview values={parsed.value.estimates} check={result as EstimatesCheck} assumptions={describeAssumptions()} />;
  return null;
}
