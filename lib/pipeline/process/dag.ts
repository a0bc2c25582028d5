/**
 * The pipeline as a DAG of named stages with dependencies. Stages run in topological order (or
 * one at a time via `only`), each with status, wall time from the injected timer, memory before/
 * after from the injected probe, retries, and a report. A failed stage marks its dependants
 * "skipped". Progress is reported as stage start/finish with the overall fraction done.
 */
import type { MemoryProbe, StageProgress, Timer } from "../ports";

export type StageStatus = "pending" | "running" | "succeeded" | "failed" | "skipped";

export type StageReport = {
  name: string;
  status: StageStatus;
  dependsOn: string[];
  attempts: number;
  seconds: number;
  rssBeforeMb: number | null;
  rssAfterMb: number | null;
  heapDeltaMb: number | null;
  error: string | null;
  summary: Record<string, unknown>;
};

export type StageDef<C> = {
  name: string;
  dependsOn: string[];
  /** Relative cost for the progress fraction. */
  weight: number;
  retries?: number;
  run: (ctx: C) => Promise<Record<string, unknown>>;
};

export type RunDagOptions = { timer: Timer; memory?: MemoryProbe; onProgress?: (p: StageProgress) => void; only?: string[] };

export function topoSort<C>(stages: StageDef<C>[]): StageDef<C>[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const out: StageDef<C>[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (s: StageDef<C>, path: string[]) => {
    if (state.get(s.name) === "done") return;
    if (state.get(s.name) === "visiting") throw new Error(`Stage cycle: ${[...path, s.name].join(" -> ")}`);
    state.set(s.name, "visiting");
    for (const d of s.dependsOn) {
      const dep = byName.get(d);
      if (!dep) throw new Error(`Stage ${s.name} depends on unknown stage ${d}`);
      visit(dep, [...path, s.name]);
    }
    state.set(s.name, "done");
    out.push(s);
  };
  for (const s of stages) visit(s, []);
  return out;
}

const mb = (b: number) => Math.round((b / 1_048_576) * 10) / 10;

export async function runDag<C>(stages: StageDef<C>[], ctx: C, o: RunDagOptions): Promise<StageReport[]> {
  const order = topoSort(stages).filter((s) => !o.only || o.only.includes(s.name));
  const total = order.reduce((a, s) => a + s.weight, 0) || 1;
  let done = 0;
  const reports = new Map<string, StageReport>();
  for (const s of order) {
    const report: StageReport = { name: s.name, status: "pending", dependsOn: s.dependsOn, attempts: 0, seconds: 0, rssBeforeMb: null, rssAfterMb: null, heapDeltaMb: null, error: null, summary: {} };
    reports.set(s.name, report);
    const blocked = s.dependsOn.some((d) => { const r = reports.get(d); return r && r.status !== "succeeded"; });
    if (blocked) {
      report.status = "skipped";
      done += s.weight;
      continue;
    }
    o.onProgress?.({ stage: s.name, status: "started", fraction: done / total });
    const before = o.memory?.();
    report.rssBeforeMb = before ? mb(before.rssBytes) : null;
    report.status = "running";
    const t0 = o.timer();
    for (let attempt = 1; attempt <= 1 + (s.retries ?? 0); attempt++) {
      report.attempts = attempt;
      try {
        report.summary = await s.run(ctx);
        report.status = "succeeded";
        report.error = null;
        break;
      } catch (e) {
        report.status = "failed";
        report.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }
    report.seconds = (o.timer() - t0) / 1000;
    const after = o.memory?.();
    report.rssAfterMb = after ? mb(after.rssBytes) : null;
    report.heapDeltaMb = before && after ? mb(after.heapUsedBytes + after.externalBytes - before.heapUsedBytes - before.externalBytes) : null;
    done += s.weight;
    o.onProgress?.({ stage: s.name, status: report.status === "succeeded" ? "finished" : "failed", fraction: done / total, seconds: report.seconds });
  }
  return [...reports.values()];
}
