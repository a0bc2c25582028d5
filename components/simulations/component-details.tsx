"use client";
import type { PipelineResult } from "@/lib/pipeline";
import type { ComponentId } from "@/lib/simulations/component-states";
import { PsiBars, ReliabilityChart, RocChart, SimpleBars, TickLines } from "./charts";

const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(digits));
const int = (v: number) => Math.round(v).toLocaleString("en");

function Table({ head, rows, testId }: { head: string[]; rows: (string | number)[][]; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid={testId}>
        <thead className="text-slate-500"><tr>{head.map((h) => <th key={h} className="px-2 py-1 font-medium">{h}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i} className="border-t border-slate-100">{r.map((c, j) => <td key={j} className="px-2 py-1 tabular-nums">{c}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function H({ children }: { children: string }) {
  return <h4 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h4>;
}

export function ComponentDetails({ id, result, dailyActiveUsers }: { id: ComponentId; result: PipelineResult; dailyActiveUsers: number }) {
  const models = Object.keys(result.metrics);
  switch (id) {
    case "collection":
      return (
        <div>
          <Table head={["rows in", "clean", "malformed", "duplicates", "null actions", "labeled"]} rows={[[int(result.rows.in), int(result.rows.clean), int(result.rows.malformed), int(result.rows.duplicates), int(result.rows.nullActions), int(result.rows.labeled)]]} />
          <p className="mt-2 text-xs text-slate-600">{int(result.data.users)} users · {int(result.data.posts)} posts · {result.data.startAt?.slice(0, 10)} → {result.data.endAt?.slice(0, 10)} · source: {result.data.source}</p>
          {Object.keys(result.data.faults).length > 0 ? <p className="mt-1 text-xs text-amber-800">Injected by the scenario: {Object.entries(result.data.faults).map(([k, v]) => `${k} ${int(v)}`).join(", ")}{result.data.faultAt ? ` from ${result.data.faultAt.slice(0, 16)}` : ""}</p> : null}
        </div>
      );
    case "verification": {
      const anomalies = [...result.verification.fileAnomalies.map((a) => ({ at: "file", ...a })), ...result.verification.batches.flatMap((b) => b.anomalies.map((a) => ({ at: b.at.slice(0, 16), ...a })))];
      return (
        <div>
          <H>Anomalies (expected vs actual, as TFDV reports them)</H>
          {anomalies.length === 0 ? <p className="text-xs text-slate-600">No anomalies: every batch matched the schema inferred from the reference window.</p> : (
            <Table testId="anomalies" head={["batch", "column", "anomaly", "severity", "expected", "actual"]} rows={anomalies.slice(0, 30).map((a) => [a.at, a.column, a.shortDescription, a.severity, a.expected, a.actual])} />
          )}
          <H>Inferred schema</H>
          <Table head={["column", "type", "present in ≥", "domain / range"]} rows={result.verification.schema.map((c) => [c.name, c.type, `${fmt(c.minFraction * 100, 0)}%`, c.domain ? c.domain.join(", ").slice(0, 80) : c.min !== undefined ? `${c.min} … ${c.max ?? ""}` : "—"])} />
        </div>
      );
    }
    case "features":
      return (
        <div className="text-xs text-slate-700">
          <p className={result.features.isPointInTime ? "text-green-800" : "font-semibold text-red-800"}>
            {result.features.isPointInTime ? "Point-in-time correct: each example sees only events before its own timestamp." : "LEAKY: features aggregate over all rows, including each example's own label and the test period."}
          </p>
          <p className="mt-2">Windows: {result.features.windowsDays.join(", ")} days · {result.features.names.length} features</p>
          <p className="mt-1 break-words text-slate-500">{result.features.names.join(", ")}</p>
        </div>
      );
    case "feature-store":
      return (
        <div>
          <H>Online freshness (event-time lag vs TTL)</H>
          <Table testId="freshness" head={["view", "entities", "lag (h)", "TTL (h)", "stale"]} rows={result.featureStore.freshness.map((f) => [f.view, int(f.entities), fmt(f.lagSeconds / 3600, 1), fmt(f.ttlSeconds / 3600, 0), f.isStale ? "STALE" : "fresh"])} />
          <H>Offline views</H>
          <Table head={["view", "version", "entity", "TTL (h)"]} rows={result.featureStore.views.map((v) => [v.name, v.version, v.entity, fmt(v.ttlSeconds / 3600, 0)])} />
        </div>
      );
    case "model":
      return (
        <div>
          <Table head={["model", "parameters", "best epoch", "early stop", "train s"]} rows={Object.entries(result.models).map(([k, m]) => [k, int(m.parameterCount), m.bestEpoch, m.hasStoppedEarly ? "yes" : "no", fmt(m.trainSeconds, 2)])} />
          <p className="mt-2 text-xs text-slate-500">The “small box”: two models, a few dozen lines each. Everything around them decides whether they are right.</p>
        </div>
      );
    case "evaluation":
      return (
        <div>
          <Table testId="metrics" head={["model", "ROC-AUC", "PR-AUC", "log loss", "NE", "calibration", "lift vs popularity"]} rows={models.map((k) => { const m = result.metrics[k]!; const e = result.evaluation[k]; return [k, fmt(m.auc), fmt(m.prAuc), fmt(m.logLoss), fmt(m.ne), fmt(m.calibration, 2), e ? `${fmt(e.popularity.liftAuc, 3)} AUC` : "—"]; })} />
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div><H>ROC</H><RocChart curves={models.map((k) => ({ name: k, points: result.evaluation[k]?.roc ?? [] }))} /></div>
            <div><H>Calibration (reliability)</H><ReliabilityChart bins={result.evaluation[models.at(-1) ?? ""]?.reliability ?? []} /></div>
          </div>
          <H>Slices</H>
          <Table head={["slice", "value", "n", "AUC", "NE", "calibration"]} rows={(result.evaluation[models.at(-1) ?? ""]?.slices ?? []).map((s) => [s.slice, s.value, int(s.n), fmt(s.auc), fmt(s.ne), fmt(s.calibration, 2)])} />
        </div>
      );
    case "monitoring": {
      const ticks = result.monitoring?.ticks ?? [];
      const alerts = result.monitoring?.alerts ?? [];
      return (
        <div>
          <H>Alert timeline (pending → firing → resolved)</H>
          <ul className="space-y-1 text-xs" data-testid="alert-timeline">
            {alerts.map((a) => (
              <li key={a.kind} className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 py-0.5 font-medium ${a.hasFired ? (a.severity === "page" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800") : "bg-green-50 text-green-800"}`}>{a.kind}</span>
                <span className="text-slate-500">{a.component} · {a.severity}</span>
                <span className="text-slate-700">{a.transitions.length ? a.transitions.map((t) => `${t.to} @ ${t.at.slice(5, 16)}`).join(" → ") : "stayed green"}</span>
              </li>
            ))}
          </ul>
          <H>Per tick</H>
          <TickLines rows={ticks.map((t) => ({ label: t.at.slice(5, 13), liveAuc: t.liveAuc, predictionPsi: t.predictionPsi, maxFeaturePsi: t.maxFeaturePsi }))} lines={[{ key: "liveAuc", name: "AUC on delayed labels" }, { key: "maxFeaturePsi", name: "max feature PSI" }, { key: "predictionPsi", name: "prediction PSI" }]} />
          <TickLines rows={ticks.map((t) => ({ label: t.at.slice(5, 13), lag: t.freshnessLagHours, nulls: Math.round(t.nullRateDevice * 1000) / 10 }))} lines={[{ key: "lag", name: "feature freshness lag (h)", threshold: result.config.featureStore.ttlHours }, { key: "nulls", name: "device null rate (%)" }]} />
          <H>Feature drift (PSI vs training reference, top 15)</H>
          <PsiBars rows={(result.monitoring?.featurePsi ?? []).filter((f) => Number.isFinite(f.threshold)).sort((a, b) => b.psi - a.psi).slice(0, 15)} />
          <p className="text-xs text-slate-500">The 15 most drifted monitored features; red bars are above their threshold.</p>
        </div>
      );
    }
    case "serving":
      return (
        <div>
          <Table testId="serving" head={["requests", "p50 ms", "p95 ms", "p99 ms", "batch rows/s"]} rows={[[int(result.serving.requests), fmt(result.serving.p50Ms, 4), fmt(result.serving.p95Ms, 4), fmt(result.serving.p99Ms, 4), int(result.serving.batchRowsPerSecond)]]} />
          <H>Fallbacks used</H>
          <Table testId="fallbacks" head={Object.keys(result.serving.fallbacks)} rows={[Object.values(result.serving.fallbacks).map(int)]} />
          <H>Latency histogram (ms, upper bucket bound)</H>
          <SimpleBars rows={(result.serving.latency?.histogram ?? []).filter((b) => b.count > 0).map((b) => ({ name: String(b.leMs), value: b.count }))} valueLabel="requests" />
        </div>
      );
    case "analysis":
      return (
        <div>
          <H>Permutation importance (AUC drop when shuffled)</H>
          <SimpleBars rows={result.analysis.importance.slice(0, 12).map((f) => ({ name: f.feature, value: Math.round(f.aucDrop * 10000) / 10000 }))} valueLabel="AUC drop" color="#0f9d58" />
          <H>Where the model is worst (slices by log-loss gap × share)</H>
          <Table head={["slice", "value", "share", "log-loss gap", "AUC"]} rows={result.analysis.sliceErrors.slice(0, 8).map((s) => [s.slice, s.value, `${fmt(s.share * 100, 1)}%`, fmt(s.logLossGap), fmt(s.auc)])} />
        </div>
      );
    case "configuration":
      return <pre className="max-h-80 overflow-auto rounded bg-slate-900 p-3 text-[11px] text-slate-100">{JSON.stringify(result.config, null, 2)}</pre>;
    case "process":
      return <Table testId="stages" head={["stage", "status", "attempts", "seconds", "RSS after (MB)"]} rows={result.stages.map((s) => [s.name, s.status, s.attempts, fmt(s.seconds, 2), s.rssAfterMb === null ? "—" : int(s.rssAfterMb)])} />;
    case "resources":
      return (
        <div>
          <p className="text-xs text-slate-600">
            <strong>Measured</strong> on this run: {int(result.rows.in)} events, peak memory {result.resources.peakRssMb ?? "—"} MB, stage times in Process management.{" "}
            <strong>Extrapolated</strong> below from the capacity model’s stated assumptions (sessions, requests, candidates, bytes) — not measured.
          </p>
          <Table testId="capacity" head={["daily users", "peak QPS", "scores/s", "online store GB", "training GB/day", "replicas", "$/month"]} rows={result.resources.capacity.map((c) => [`${c.dailyActiveUsers === dailyActiveUsers ? "▶ " : ""}${int(c.dailyActiveUsers)}`, int(c.requestsPerSecondPeak), int(c.scoresPerSecondPeak), fmt(c.onlineStoreGb, 1), fmt(c.trainingDataGbPerDay, 1), int(c.servingReplicas), int(c.monthlyCostUsd)])} />
        </div>
      );
  }
}
