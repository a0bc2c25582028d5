"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { formatClock } from "@/lib/format";

type Props = { drillSlug: string; suggestedMinutes: number; maxChars: number; runId?: string };

/**
 * Markdown answer box with a visible timer counting against the drill's suggested time. The draft is
 * kept in sessionStorage, so a failed submission or an accidental reload loses nothing typed.
 */
export function AnswerForm({ drillSlug, suggestedMinutes, maxChars, runId }: Props) {
  const router = useRouter();
  const draftKey = `draft:${drillSlug}`;
  const startedAt = useRef<number>(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    startedAt.current = performance.now();
    const saved = window.sessionStorage.getItem(draftKey);
    if (saved) setAnswer(saved);
    const timer = window.setInterval(() => setElapsedMs(performance.now() - startedAt.current), 1000);
    return () => window.clearInterval(timer);
  }, [draftKey]);

  const budgetMs = suggestedMinutes * 60_000;
  const isOverBudget = elapsedMs > budgetMs;
  const isTooLong = answer.length > maxChars;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!answer.trim()) {
      setError("Write an answer before submitting.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/attempts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ drillSlug, answer, durationMs: Math.round(performance.now() - startedAt.current), ...(runId ? { runId } : {}) }),
      });
      const body = (await res.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
      if (!res.ok || !body?.url) {
        setError(res.status === 401 ? "Your session ended. Sign in again in another tab; your draft is kept here." : (body?.error?.message ?? "Could not save the answer. Your draft is kept; try again."));
        setPending(false);
        return;
      }
      window.sessionStorage.removeItem(draftKey);
      router.push(body.url);
    } catch {
      setError("Network error. Your draft is kept; try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Your answer">
      <div className="flex items-center justify-between">
        <label htmlFor="answer" className="text-sm font-semibold text-slate-700">Your answer (markdown)</label>
        <span role="timer" aria-label="Time spent" data-testid="timer" className={`font-mono text-sm tabular-nums ${isOverBudget ? "text-amber-700" : "text-slate-600"}`}>
          {formatClock(elapsedMs)} / {formatClock(budgetMs)}
        </span>
      </div>
      <textarea
        id="answer"
        name="answer"
        value={answer}
        onChange={(e) => {
          setAnswer(e.target.value);
          window.sessionStorage.setItem(draftKey, e.target.value);
        }}
        rows={14}
        className="block w-full rounded-md border border-slate-300 p-3 font-mono text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        placeholder="Structure it the way you would say it in the interview: components, data flow, failure modes, numbers."
      />
      <div className="flex items-center justify-between text-xs">
        <span className={isTooLong ? "font-medium text-red-700" : "text-slate-500"}>
          {answer.length.toLocaleString("en")} / {maxChars.toLocaleString("en")} characters
        </span>
        {isOverBudget ? <span className="text-amber-700">Over the suggested time: wrap up as you would in the interview.</span> : null}
      </div>
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
      <Button type="submit" disabled={isPending || isTooLong}>{isPending ? "Submitting…" : "Submit answer"}</Button>
    </form>
  );
}
