import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnswerForm } from "@/components/drills/answer-form";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth";
import { getDrillBySlug } from "@/lib/db/drills";
import { drillSlugSchema, MAX_ANSWER_CHARS } from "@/lib/drills/schema";
import { getNextReview } from "@/lib/db/reviews";
import { DRILL_KIND_LABELS, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Drill" };

export default async function DrillPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/drills/${encodeURIComponent(slug)}`);
  const parsed = drillSlugSchema.safeParse(slug);
  const drill = parsed.success ? await getDrillBySlug({ slug: parsed.data }) : null;
  if (!drill) notFound();
  const nextReview = await getNextReview({ userId: user.id, drillSlug: drill.slug });
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
      <AnswerForm drillSlug={drill.slug} suggestedMinutes={drill.suggestedMinutes} maxChars={MAX_ANSWER_CHARS} />
    </article>
  );
}
