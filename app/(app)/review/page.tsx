import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { DueList, endOfUtcDay } from "@/components/review/due-list";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { listReviewCards } from "@/lib/db/reviews";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requirePageUser("/review");
  const cards = await listReviewCards({ userId: user.id });
  const until = endOfUtcDay(new Date());
  const upcoming = cards.filter((c) => c.due > until);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Review queue</h1>
        <p className="text-slate-600">
          Spaced repetition (FSRS): every graded answer reschedules its drill — sooner after a miss, later after an E6.
        </p>
      </header>
      <Card>
        <h2 className="mb-2 font-semibold">Due today</h2>
        <DueList cards={cards} until={until} emptyText={cards.length === 0 ? "No cards yet: each drill you answer joins the queue." : "Nothing due today."} />
      </Card>
      {upcoming.length > 0 ? (
        <Card>
          <h2 className="mb-2 font-semibold">Coming up</h2>
          <ul className="divide-y divide-slate-100">
            {upcoming.map((c) => (
              <li key={c.drillSlug} className="flex items-center justify-between py-2 text-sm">
                <AppLink href={`/drills/${c.drillSlug}`} className="text-slate-800 hover:underline">{c.drillTitle}</AppLink>
                <span className="text-xs text-slate-500">next review {formatDateTime(c.due)} · reviewed {c.reps}×</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
