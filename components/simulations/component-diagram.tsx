"use client";
import type { ComponentId, ComponentStatus } from "@/lib/simulations/component-states";
import { COMPONENTS } from "@/lib/simulations/component-states";

const STATE_STYLE = {
  ok: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  alert: "border-red-400 bg-red-50 text-red-900 ring-2 ring-red-200",
} as const;
const STATE_DOT = { ok: "bg-green-500", warning: "bg-amber-500", alert: "bg-red-500 animate-pulse" } as const;

/** The seed notebook's component diagram: data pipeline row, the small ML box, ops row, management row. */
const ROWS: ComponentId[][] = [
  ["collection", "verification", "features", "feature-store"],
  ["model"],
  ["serving", "monitoring", "evaluation", "analysis"],
  ["configuration", "process", "resources"],
];

export function ComponentDiagram({ states, selected, onSelect }: { states: Record<ComponentId, ComponentStatus>; selected: ComponentId | null; onSelect: (id: ComponentId) => void }) {
  const label = (id: ComponentId) => COMPONENTS.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="space-y-3" data-testid="component-diagram">
      {ROWS.map((row, r) => (
        <div key={r} className={`grid gap-3 ${row.length === 1 ? "mx-auto w-1/3 grid-cols-1" : row.length === 3 ? "grid-cols-3 pr-[25%]" : "grid-cols-4"}`}>
          {row.map((id) => {
            const status = states[id];
            return (
              <button
                key={id}
                type="button"
                onClick={() => onSelect(id)}
                aria-pressed={selected === id}
                data-testid={`component-${id}`}
                data-state={status.state}
                className={`rounded-lg border p-3 text-left text-sm transition hover:shadow ${STATE_STYLE[status.state]} ${selected === id ? "outline-2 outline-offset-2 outline-brand-500" : ""}`}
              >
                <span className="flex items-center gap-2 font-semibold">
                  <span className={`h-2.5 w-2.5 rounded-full ${STATE_DOT[status.state]}`} aria-hidden />
                  {label(id)}
                </span>
                <span className="mt-1 block text-xs opacity-80">{status.state === "ok" ? status.reason : `${status.state}: ${status.reason}`}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
