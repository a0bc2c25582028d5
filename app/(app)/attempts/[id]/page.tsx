import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { requirePageUser } from "@/lib/auth";
import { getAttempt } from "@/lib/db/attempts";
import { formatDateTime, formatDuration } from "@/lib/format";

export const metadata: Metadata = { title: "Attempt" };

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/attempts/${encodeURIComponent(id)}`);
  const attempt = id.length <= 64 ? await getAttempt({ id, userId: user.id }) : null;
  if (!attempt) notFound();
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <Link href="/attempts" className="text-sm text-brand-600 hover:underline">← History</Link>
        <h1 className="text-2xl font-bold">{attempt.drill.title}</h1>
        <p className="text-sm text-slate-600">
          Submitted {formatDateTime(attempt.submittedAt)} · {formatDuration(attempt.durationMs)} spent
        </p>
      </header>
      <section aria-labelledby="result-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="result-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Result</h2>
        <p className="mt-1 text-slate-700" data-testid="attempt-result">Not graded yet</p>
      </section>
      <section aria-labelledby="answer-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="answer-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">Your answer</h2>
        <Markdown>{attempt.answer}</Markdown>
      </section>
      <Link href={`/drills/${attempt.drill.slug}`} className="inline-block text-sm font-medium text-brand-600 hover:underline">Try this drill again</Link>
    </article>
  );
}
