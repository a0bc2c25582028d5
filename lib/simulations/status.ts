/**
 * The one place run status changes are decided (pure). Events come from the API (cancel) and the
 * worker (start, progress, success, failure, retry); an event that does not apply is ignored.
 */
export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type RunEvent = "start" | "succeed" | "fail" | "retry" | "cancel";

const TRANSITIONS: Record<RunStatus, Partial<Record<RunEvent, RunStatus>>> = {
  queued: { start: "running", cancel: "cancelled", fail: "failed" },
  running: { succeed: "succeeded", fail: "failed", retry: "queued", cancel: "cancelled" },
  succeeded: {},
  failed: {},
  cancelled: {},
};

export function nextRunStatus(current: RunStatus, event: RunEvent): RunStatus | null {
  return TRANSITIONS[current][event] ?? null;
}

export function isActive(status: RunStatus): boolean {
  return status === "queued" || status === "running";
}
