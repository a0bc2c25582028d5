"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { phaseClock, type PhaseClock } from "@/lib/mock/clock";
import type { PlanPhase } from "@/lib/mock/schema";
import { PhaseStepper } from "./phase-stepper";
import { PhaseTimer } from "./phase-timer";

type Props = {
  mockId: string;
  question: string;
  phases: PlanPhase[];
  currentPhase: number;
  /** ISO times from the server: when this phase started, and the server's clock when the page rendered. */
  phaseStartedAt: string;
  serverNow: string;
  maxChars: number;
};

const TICK_MS = 250;

/**
 * One phase of a running mock: stepper, prompt, countdown and answer box. The clock is the server's
 * (phase start + the offset between server and browser clocks), so a reload resumes the same
 * countdown. Render it with `key={currentPhase}` so each phase starts with a fresh form.
 */
export function MockSession({ mockId, question, phases, currentPhase, phaseStartedAt, serverNow, maxChars }: Props) {
  const router = useRouter();
  const phase = phases[currentPhase]!;
  const draftKey = `mock:${mockId}:${phase.phase}`;
  const startedAt = useRef(new Date(phaseStartedAt));
  const [clock, setClock] = useState<PhaseClock>(() => phaseClock({ phaseStartedAt: startedAt.current, budgetMs: phase.budgetMs, now: new Date(serverNow) }));
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    const offsetMs = Date.parse(serverNow) - Date.now();
    const saved = window.sessionStorage.getItem(draftKey);
    if (saved) setAnswer(saved);
    const tick = () => setClock(phaseClock({ phaseStartedAt: startedAt.current, budgetMs: phase.budgetMs, now: new Date(Date.now() + offsetMs) }));
    tick();
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [draftKey, phase.budgetMs, serverNow]);

  const isTooLong = answer.length > maxChars;
  const isLast = currentPhase === phases.length - 1;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!answer.trim()) {
      setError("Write an answer before moving on.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/mock/${mockId}/answer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phase: phase.phase, answer }) });
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!res.ok) {
        // 409: this phase was already answered (another tab); the server state is the truth.
        if (res.status === 409) router.refresh();
        setError(res.status === 401 ? "Your session ended. Sign in again in another tab; your draft is kept here." : (body?.error?.message ?? "Could not save the answer. Your draft is kept; try again."));
        setPending(false);
        return;
      }
      window.sessionStorage.removeItem(draftKey);
      router.refresh();
    } catch {
      setError("Network error. Your draft is kept; try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <PhaseStepper phases={phases} currentPhase={currentPhase} />
      <section aria-labelledby="phase-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Step {currentPhase + 1} of {phases.length} · {question}</p>
            <h2 id="phase-heading" className="text-xl font-bold">{phase.title}</h2>
          </div>
          <PhaseTimer clock={clock} budgetMs={phase.budgetMs} />
        </div>
        <div data-testid="phase-prompt"><Markdown>{phase.prompt}</Markdown></div>
        {clock.isOver ? (
          <p role="status" data-testid="over-time-warning" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            Over time for this step. In the room the interviewer would move you on: wrap up and submit.
          </p>
        ) : clock.isWarning ? (
          <p role="status" data-testid="time-warning" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            Less than a fifth of this step&apos;s time left: start wrapping up.
          </p>
        ) : null}
      </section>
      <form onSubmit={onSubmit} className="space-y-3" aria-label="Your answer for this step">
        <label htmlFor="mock-answer" className="text-sm font-semibold text-slate-700">Your answer (markdown)</label>
        <textarea
          id="mock-answer"
          name="answer"
          value={answer}
          onChange={(e) => {
            setAnswer(e.target.value);
            window.sessionStorage.setItem(draftKey, e.target.value);
          }}
          rows={12}
          className="block w-full rounded-md border border-slate-300 p-3 font-mono text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          placeholder="Say it as you would out loud: decisions, the reasons behind them, numbers, failure modes."
        />
        <div className="flex items-center justify-between text-xs">
          <span className={isTooLong ? "font-medium text-red-700" : "text-slate-500"}>
            {answer.length.toLocaleString("en")} / {maxChars.toLocaleString("en")} characters
          </span>
        </div>
        {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
        <Button type="submit" disabled={isPending || isTooLong}>{isPending ? "Saving…" : isLast ? "Submit and see the scorecard" : "Submit and continue"}</Button>
      </form>
    </div>
  );
}
