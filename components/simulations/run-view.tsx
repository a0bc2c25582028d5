import { AppLink } from "@/components/app-link";
import type { RunDetailDto } from "@/lib/db/runs";
import { SCENARIOS } from "@/lib/pipeline/scenarios/catalog";
import { DIAGNOSIS_DRILL_BY_SCENARIO, parseStoredResult } from "@/lib/simulations/result";
import { SCALE_PRESETS, type ScalePreset } from "@/lib/simulations/schema";
import { runStageNames } from "@/lib/simulations/stages";
import { RunDashboard } from "./dashboard";
import { RunProgressPanel } from "./run-progress";

/** A run's page body, for its owner (with cancel and Diagnose) or for a share link (read-only). */
export function RunView({ run, isOwner }: { run: RunDetailDto; isOwner: boolean }) {
  const scenario = SCENARIOS.find((s) => s.id === run.scenario);
  const preset = SCALE_PRESETS[run.scale as ScalePreset] ?? SCALE_PRESETS["1M"];
  const kinds = ((run.config as { model?: { kinds?: string[] } } | null)?.model?.kinds ?? ["logistic", "mlp"]);
  const result = run.status === "succeeded" ? parseStoredResult(run.result) : null;
  const diagnosisDrill = DIAGNOSIS_DRILL_BY_SCENARIO[run.scenario];
  const replayUrl = `/simulations?scenario=${run.scenario}&scale=${run.scale}&seed=${run.seed}`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{scenario?.title ?? run.scenario} <span className="font-normal text-slate-500">at {preset.label}</span></h1>
        <p className="text-sm text-slate-600">{scenario?.description}</p>
        <p className="text-xs text-slate-500">
          seed {run.seed} · measured on {preset.sample.users.toLocaleString("en")} users / {preset.sample.events.toLocaleString("en")} events ·{" "}
          <AppLink href={replayUrl} className="text-brand-600 hover:underline">replay this config</AppLink>
          {run.scenario !== "baseline" ? <> · <AppLink href={`/simulations?scenario=baseline&scale=${run.scale}&seed=${run.seed}`} className="text-brand-600 hover:underline">run the baseline with the same seed</AppLink></> : null}
        </p>
      </header>
      <RunProgressPanel runId={run.id} initial={{ status: run.status, progress: run.progress, error: run.error }} stageNames={runStageNames(kinds)} canCancel={isOwner} />
      {result ? (
        <>
          {isOwner && diagnosisDrill ? (
            <div className="flex items-center justify-between rounded-lg border border-violet-200 bg-violet-50 p-4">
              <p className="text-sm text-violet-900">You have seen what broke. Can you explain it the way you would in the interview?</p>
              <AppLink href={`/drills/${diagnosisDrill}?run=${run.id}`} className="rounded-md bg-violet-700 px-4 py-2 text-sm font-medium text-white hover:bg-violet-800">Diagnose this</AppLink>
            </div>
          ) : null}
          {isOwner ? <p className="text-xs text-slate-500"><AppLink href="/predict" className="text-brand-600 hover:underline">Serve predictions with this run’s model</AppLink></p> : null}
          {isOwner && run.shareToken ? (
            <p className="text-xs text-slate-500">Share (read-only, no personal data): <code className="rounded bg-slate-100 px-1" data-testid="share-link">/s/{run.shareToken}</code></p>
          ) : null}
          <RunDashboard result={result} dailyActiveUsers={preset.dailyActiveUsers} />
        </>
      ) : null}
    </div>
  );
}
