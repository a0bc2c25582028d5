import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnswerForm } from "@/components/drills/answer-form";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth";
import { getDrillBySlug } from "@/lib/db/drills";
import { drillSlugSchema, MAX_ANSWER_CHARS } from "@/lib/drills/schema";
import { AppLink } from "@/components/app-link";
import { DiagramAnswer } from "@/components/drills/diagram-answer";
import { EstimatesAnswer } from "@/components/drills/estimates-answer";
import { modesForDrill, type AnswerMode } from "@/lib/attempts/modes";
import { describeAssumptions } from "@/lib/estimates";
import { getNextReview } from "@/lib/db/reviews";
import { getRun } from "@/lib/db/runs";
import { DRILL_KIND_LABELS, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Drill" };

const MODE_LABELS: Record<AnswerMode, string> = { text: "Written answer", diagram: "Draw the diagram", estimate: "Numbers" };

export default async function DrillPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ run?: string | string[]; mode?: string | string[] }> }) {
  const { slug } = await params;
  const { run: runParam, mode: modeParam } = await searchParams;
  const user = await requirePageUser(`/drills/${encodeURIComponent(slug)}`);
  const parsed = drillSlugSchema.safeParse(slug);
  const drill = parsed.success ? await getDrillBySlug({ slug: parsed.data }) : null;
  if (!drill) notFound();
  const nextReview = await getNextReview({ userId: user.id, drillSlug: drill.slug });
  // "Diagnose this" from a finished run of this drill's scenario attaches the run to the answer.
  const runId = typeof runParam === "string" && /^[a-z0-9]{1,64}$/.test(runParam) ? runParam : null;
  const run = runId ? await getRun({ id: runId, userId: user.id }) : null;
  const attachedRun = run && run.status === "succeeded" && run.scenario === drill.scenario ? run : null;
  const modes = modesForDrill(drill.slug);
  const mode = modes.find((m) => m === modeParam) ?? "text";
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <div className="flex items-center gap-2">
          <Badge tone={drill.kind === "diagnosis" ? "violet" : "blue"}>{DRILL_KIND_LABELS[drill.kind]}</Badge>
          <span className="text-sm text-slate-500">Suggested time: {drill.suggestedMinutes} min</span>
          <span className="text-sm text-slate-500" data-testid="drill-next-review">
            · {nextReview ? `Next review ${formatDateTime(nextReview)}` : "Not in your review queue yet"}
          </span>
        </div>
        <h1 className="text-2xl font-bold">{drill.title}</h1>
      </header>
      <section aria-labelledby="prompt-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="prompt-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">The question</h2>
        <Markdown>{drill.prompt}</Markdown>
      </section>
      <details className="rounded-lg border border-slate-200 bg-white p-5">
        <summary className="cursor-pointer text-sm font-semibold tracking-wide text-slate-500 uppercase">Context</summary>
        <div className="mt-3"><Markdown>{drill.context}</Markdown></div>
      </details>
      {attachedRun ? (
        <section className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-sm text-violet-900" data-testid="attached-run">
          Diagnosing your run <AppLink href={`/simulations/${attachedRun.id}`} className="font-medium underline">{attachedRun.scenario} at {attachedRun.scale}, seed {attachedRun.seed}</AppLink>.
          Your grade also checks that you name what this run showed: the alert that fired, the metric that moved, what stayed green and the fallback serving used.
        </section>
      ) : null}
      {modes.length > 1 ? (
        <nav aria-label="Answer mode" className="flex gap-2 text-sm">
          {modes.map((m) => (
            <AppLink key={m} href={`/drills/${drill.slug}${m === "text" ? "" : `?mode=${m}`}`} aria-current={m === mode ? "page" : undefined} className={`rounded-md border px-3 py-1.5 ${m === mode ? "border-brand-500 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700"}`}>
              {MODE_LABELS[m]}
            </AppLink>
          ))}
        </nav>
      ) : null}
      {mode === "diagram" ? (
        <DiagramAnswer drillSlug={drill.slug} />
      ) : mode === "estimate" ? (
        <EstimatesAnswer drillSlug={drill.slug} assumptions={describeAssumptions()} />
      ) : (
        <AnswerForm drillSlug={drill.slug} suggestedMinutes={drill.suggestedMinutes} maxChars={MAX_ANSWER_CHARS} runId={attachedRun?.id} />
      )}
    </article>
  );
}
