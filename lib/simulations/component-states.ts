/**
 * Lights the dashboard's component diagram (pure): each of the twelve production components gets
 * ok / warning / alert from what the run actually reported — its alerts, anomalies, fallbacks,
 * stage failures and resource use — with a one-line reason.
 */
import type { PipelineResult } from "@/lib/pipeline";

export const COMPONENTS = [
  { id: "collection", label: "Data collection", group: "data" },
  { id: "verification", label: "Data verification", group: "data" },
  { id: "features", label: "Feature extraction", group: "data" },
  { id: "feature-store", label: "Feature store", group: "data" },
  { id: "model", label: "ML code", group: "model" },
  { id: "serving", label: "Serving", group: "ops" },
  { id: "monitoring", label: "Monitoring", group: "ops" },
  { id: "evaluation", label: "Evaluation", group: "ops" },
  { id: "analysis", label: "Analysis tools", group: "ops" },
  { id: "configuration", label: "Configuration", group: "management" },
  { id: "process", label: "Process management", group: "management" },
  { id: "resources", label: "Resource management", group: "management" },
] as const;
export type ComponentId = (typeof COMPONENTS)[number]["id"];
export type ComponentState = "ok" | "warning" | "alert";
export type ComponentStatus = { state: ComponentState; reason: string };

const RANK: Record<ComponentState, number> = { ok: 0, warning: 1, alert: 2 };
const worse = (a: ComponentStatus, b: ComponentStatus) => (RANK[b.state] > RANK[a.state] ? b : a);

export function componentStates(result: PipelineResult): Record<ComponentId, ComponentStatus> {
  const states = Object.fromEntries(COMPONENTS.map((c) => [c.id, { state: "ok", reason: "healthy" } as ComponentStatus])) as Record<ComponentId, ComponentStatus>;
  const raise = (id: ComponentId, status: ComponentStatus) => {
    states[id] = worse(states[id], status);
  };

  for (const alert of result.alerts) {
    const id = COMPONENTS.find((c) => c.id === alert.component)?.id;
    if (!id) continue;
    if (alert.hasFired) raise(id, { state: alert.severity === "page" ? "alert" : "warning", reason: `${alert.kind} alert ${alert.state === "resolved" ? "fired (now resolved)" : "firing"}` });
    else if (alert.state === "pending") raise(id, { state: "warning", reason: `${alert.kind} alert pending` });
  }

  const malformedShare = result.rows.in > 0 ? result.rows.malformed / result.rows.in : 0;
  if (malformedShare > 0.01) raise("collection", { state: "warning", reason: `${(malformedShare * 100).toFixed(1)}% malformed rows` });
  const batchErrors = result.verification.batches.flatMap((b) => b.anomalies).concat(result.verification.fileAnomalies);
  if (batchErrors.length > 0) raise("verification", { state: "warning", reason: `${batchErrors.length} anomalies reported` });

  const fallbacks = Object.entries(result.serving.fallbacks).filter(([kind, n]) => kind !== "none" && n > 0);
  if (fallbacks.length > 0) {
    const used = fallbacks.reduce((sum, [, n]) => sum + n, 0);
    raise("serving", { state: "warning", reason: `fallbacks on ${used} of ${result.serving.requests} requests (${fallbacks.map(([k]) => k).join(", ")}); still answering` });
  }
  if (result.featureStore.freshness.some((f) => f.isStale)) raise("feature-store", { state: "warning", reason: "online values older than their TTL" });

  for (const stage of result.stages) {
    if (stage.status === "failed") raise("process", { state: "alert", reason: `stage ${stage.name} failed` });
    else if (stage.attempts > 1) raise("process", { state: "warning", reason: `stage ${stage.name} needed ${stage.attempts} attempts` });
  }
  if (result.status === "failed") raise("model", { state: "alert", reason: result.error ?? "run failed" });
  if ((result.resources.peakRssMb ?? 0) > 1536) raise("resources", { state: "warning", reason: `peak memory ${result.resources.peakRssMb} MB` });
  if (!result.features.isPointInTime) raise("features", { state: "alert", reason: "features computed over all rows: labels leak into training" });
  states.configuration = { state: "ok", reason: `scenario ${result.scenario.id}, seed ${result.config.seed}: replayable from the stored config` };
  return states;
}
