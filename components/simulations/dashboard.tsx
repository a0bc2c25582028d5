"use client";
import { useState } from "react";
import type { PipelineResult } from "@/lib/pipeline";
import { COMPONENTS, componentStates, type ComponentId } from "@/lib/simulations/component-states";
import { ComponentDetails } from "./component-details";
import { ComponentDiagram } from "./component-diagram";

/** The results dashboard: the component diagram lit by state, and the selected component's detail. */
export function RunDashboard({ result, dailyActiveUsers }: { result: PipelineResult; dailyActiveUsers: number }) {
  const states = componentStates(result);
  const firstAlert = COMPONENTS.find((c) => states[c.id].state === "alert")?.id ?? COMPONENTS.find((c) => states[c.id].state === "warning")?.id ?? "evaluation";
  const [selected, setSelected] = useState<ComponentId>(firstAlert);
  const alerts = result.monitoring?.alerts ?? result.alerts;
  const fired = alerts.filter((a) => a.hasFired);
  const green = alerts.filter((a) => !a.hasFired);
  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2" data-testid="alert-summary">
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
          <p className="font-semibold text-red-900">Fired ({fired.length})</p>
          <p className="text-red-800">{fired.length ? fired.map((a) => a.kind).join(", ") : "nothing fired"}</p>
        </div>
        <div className="rounded-lg border border-green-200 bg-green-50 p-3 text-sm">
          <p className="font-semibold text-green-900">Stayed green ({green.length})</p>
          <p className="text-green-800">{green.map((a) => a.kind).join(", ") || "—"}</p>
        </div>
      </div>
      <ComponentDiagram states={states} selected={selected} onSelect={setSelected} />
      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-live="polite" data-testid="component-detail">
        <h3 className="font-semibold">{COMPONENTS.find((c) => c.id === selected)?.label}</h3>
        <p className="text-xs text-slate-500">{states[selected].reason}</p>
        <div className="mt-2"><ComponentDetails id={selected} result={result} dailyActiveUsers={dailyActiveUsers} /></div>
      </section>
    </div>
  );
}
