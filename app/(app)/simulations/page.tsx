import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { RunStatusBadge } from "@/components/simulations/run-status-badge";
import { RunForm } from "@/components/simulations/run-form";
import { requirePageUser } from "@/lib/auth";
import { listRuns } from "@/lib/db/runs";
import { formatDateTime } from "@/lib/format";
import { SCENARIOS } from "@/lib/pipeline/scenarios/catalog";
import { SCALE_PRESETS, startRunSchema } from "@/lib/simulations/schema";

export const metadata: Metadata = { title: "Simulations" };

export default async function SimulationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/simulations");
  const params = await searchParams;
  const fromUrl = startRunSchema.partial().safeParse({
    scenario: typeof params.scenario === "string" ? params.scenario : undefined,
    scale: typeof params.scale === "string" ? params.scale : undefined,
    seed: typeof params.seed === "string" && /^\d+$/.test(params.seed) ? Number(params.seed) : undefined,
  });
  const initial = { scenario: "stale-features", scale: "1M", seed: 42, ...(fromUrl.success ? Object.fromEntries(Object.entries(fromUrl.data).filter(([, v]) => v !== undefined)) : {}) } as { scenario: string; scale: string; seed: number };
  const runs = await listRuns({ userId: user.id });
  const scales = Object.entries(SCALE_PRESETS).map(([id, p]) => ({
    id,
    label: p.label,
    sample: `${p.label}: the worker trains on a measured sample of ${p.sample.users.toLocaleString("en")} users and ${p.sample.events.toLocaleString("en")} events; capacity figures for ${p.label} are extrapolated from it with the capacity model.`,
  }));

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Simulations</h1>
        <p className="text-slate-600">Run the feed-ranking pipeline, break one component, and watch which monitors fire and which stay green. Then diagnose it.</p>
      </header>
      <RunForm scenarios={SCENARIOS.map((s) => ({ id: s.id, title: s.title, description: s.description }))} scales={scales} initial={initial} />
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="font-semibold">Your runs</h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-600">No runs yet. Start with “Stale features” at 1M users.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {runs.map((run) => (
              <li key={run.id} className="flex items-center gap-3 px-4 py-2 text-sm">
                <AppLink href={`/simulations/${run.id}`} className="font-medium text-brand-700 hover:underline">{SCENARIOS.find((s) => s.id === run.scenario)?.title ?? run.scenario}</AppLink>
                <span className="text-slate-500">{run.scale} · seed {run.seed}</span>
                <RunStatusBadge status={run.status} />
                <span className="ml-auto text-xs text-slate-500">{formatDateTime(run.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
