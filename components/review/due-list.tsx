import { AppLink } from "@/components/app-link";
import type { ReviewCardDto } from "@/lib/db/reviews";
import { formatDateTime } from "@/lib/format";

/** Cards due by `until`, soonest first; an empty state when nothing is due. */
export function DueList({ cards, until, emptyText }: { cards: ReviewCardDto[]; until: Date; emptyText: string }) {
  const due = cards.filter((c) => c.due <= until);
  if (due.length === 0) return <p className="text-sm text-slate-600" data-testid="due-empty">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="due-list">
      {due.map((c) => (
        <li key={c.drillSlug} className="flex items-center justify-between py-2 text-sm">
          <AppLink href={`/drills/${c.drillSlug}`} className="font-medium text-brand-700 hover:underline">{c.drillTitle}</AppLink>
          <span className="text-xs text-slate-500">due {formatDateTime(c.due)} · last: {c.lastRating}</span>
        </li>
      ))}
    </ul>
  );
}

export function endOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59, 59, 999));
}
