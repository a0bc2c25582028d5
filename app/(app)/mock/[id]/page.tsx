import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { notFound } from "next/navigation";
import { MockSession } from "@/components/mock/mock-session";
import { ScorecardView } from "@/components/mock/scorecard-view";
import { requirePageUser } from "@/lib/auth";
import { getMock } from "@/lib/db/mock";
import { MAX_ANSWER_CHARS } from "@/lib/drills/schema";
import { formatDateTime } from "@/lib/format";
import { mockIdSchema } from "@/lib/mock/schema";

export const metadata: Metadata = { title: "Mock interview" };

export default async function MockPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requirePageUser(`/mock/${encodeURIComponent(rawId)}`);
  const id = mockIdSchema.safeParse(rawId).data;
  const mock = id ? await getMock({ id, userId: user.id }) : null;
  if (!mock) notFound();
  const serverNow = new Date();
  const isAnswering = mock.status === "in_progress" && mock.currentPhase < mock.phases.length;
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <AppLink href="/mock" className="text-sm text-slate-500 hover:underline">← Mock interviews</AppLink>
        <h1 className="text-2xl font-bold">{mock.question}</h1>
        <p className="text-sm text-slate-500">
          Started {formatDateTime(mock.startedAt)}
          {mock.completedAt ? ` · finished ${formatDateTime(mock.completedAt)}` : ""}
        </p>
      </header>
      {mock.scorecard ? (
        <ScorecardView scorecard={mock.scorecard} answers={mock.answers} />
      ) : isAnswering ? (
        <MockSession
          key={mock.currentPhase}
          mockId={mock.id}
          question={mock.question}
          phases={mock.phases}
          currentPhase={mock.currentPhase}
          phaseStartedAt={mock.phaseStartedAt.toISOString()}
          serverNow={serverNow.toISOString()}
          maxChars={MAX_ANSWER_CHARS}
        />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">
          {mock.status === "abandoned" ? "This mock interview was abandoned." : "All steps are answered; the scorecard is being prepared. Reload in a moment."}
        </p>
      )}
    </article>
  );
}
