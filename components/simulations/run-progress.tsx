"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { RunProgress, RunSummaryDto } from "@/lib/db/runs";
import { RunStatusBadge } from "./run-status-badge";

type Live = Pick<RunSummaryDto, "status" | "progress" | "error">;
const ACTIVE = new Set(["queued", "running"]);

/**
 * Stage-by-stage progress that polls the run while it is queued or running. State lives on the
 * server, so a reload picks up where it was; when the run ends the page re-renders with results.
 */
export function RunProgressPanel({ runId, initial, stageNames, canCancel }: { runId: string; initial: Live; stageNames: string[]; canCancel: boolean }) {
  const router = useRouter();
  const [live, setLive] = useState<Live>(initial);
  const [isCancelling, setCancelling] = useState(false);

  useEffect(() => {
    if (!ACTIVE.has(live.status)) return;
    const poll = async () => {
      const res = await fetch(`/api/runs/${runId}`, { cache: "no-store" });
      if (!res.ok) return;
      const { run } = (await res.json()) as { run: Live };
      setLive(run);
      if (!ACTIVE.has(run.status)) {
        window.clearInterval(timer);
        router.refresh();
      }
    };
    const timer = window.setInterval(() => void poll(), 1000);
    return () => window.clearInterval(timer);
  }, [runId, live.status, router]);

  async function cancel() {
    setCancelling(true);
    await fetch(`/api/runs/${runId}/cancel`, { method: "POST" });
  }

  const stages = stageNames.map((name) => live.progress.stages.find((s) => s.stage === name) ?? { stage: name, status: "pending" as const });
  const percent = Math.round(live.progress.fraction * 100);
  return (
    <section aria-labelledby="progress-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-testid="run-progress">
      <div className="flex items-center gap-3">
        <h2 id="progress-heading" className="font-semibold">Progress</h2>
        <RunStatusBadge status={live.status} />
        <span className="text-sm tabular-nums text-slate-600">{percent}%</span>
        {canCancel && ACTIVE.has(live.status) ? (
          <Button type="button" variant="secondary" className="ml-auto" onClick={() => void cancel()} disabled={isCancelling}>{isCancelling ? "Cancelling…" : "Cancel run"}</Button>
        ) : null}
      </div>
      <div className="h-2.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Run progress">
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        {stages.map((s) => (
          <li key={s.stage} className="flex items-center gap-2" data-testid={`stage-${s.stage}`} data-status={s.status}>
            <span aria-hidden className={s.status === "finished" ? "text-green-600" : s.status === "started" ? "animate-pulse text-blue-600" : s.status === "failed" ? "text-red-600" : "text-slate-300"}>●</span>
            <span className="text-slate-700">{s.stage}</span>
            {"seconds" in s && typeof s.seconds === "number" ? <span className="ml-auto tabular-nums text-xs text-slate-500">{s.seconds.toFixed(2)} s</span> : null}
          </li>
        ))}
      </ol>
      {live.error && live.status !== "succeeded" ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{live.error}</p> : null}
    </section>
  );
}

export type { RunProgress };
