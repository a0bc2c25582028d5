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

/**
 * What the owner reads when a try fails for a reason other than the deadline or a cancel. The real
 * error (a child's message, an exit code, a stack) goes to the worker's log and to the job's output
 * in the dead-letter queue, never to the run row.
 */
export function runFailureMessage({ tryNumber, tries }: { tryNumber: number; tries: number }): string {
  if (tryNumber < tries) return `Try ${tryNumber} of ${tries} failed; retrying.`;
  return `The run failed on ${tries === 1 ? "its only try" : `all ${tries} tries`}. It has been set aside for review; you can start it again.`;
}
