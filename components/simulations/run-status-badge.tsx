import type { RunStatus } from "@/lib/simulations/status";

const STYLE: Record<RunStatus, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-blue-50 text-blue-700",
  succeeded: "bg-green-50 text-green-700",
  failed: "bg-red-50 text-red-700",
  cancelled: "bg-amber-50 text-amber-800",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`} data-testid="run-status">{status}</span>;
}
