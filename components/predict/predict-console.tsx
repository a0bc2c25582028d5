"use client";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

type Run = { runId: string; scenario: string; scale: string; seed: number; kind: string };
type Prediction = {
  probability: number;
  fallback: string;
  latencyMs: number;
  model: { versionId: string; kind: string; runId: string };
  features: { name: string; value: number }[];
  freshness: Record<string, { ageHours: number | null; ttlHours: number; isFresh: boolean; isFound: boolean }>;
};
type Stats = { count: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null };

/** Score a (user, post) against a run's served model, and watch live latency percentiles. */
export function PredictConsole({ runs }: { runs: Run[] }) {
  const [runId, setRunId] = useState(runs[0]?.runId ?? "");
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [isBursting, setBursting] = useState(false);

  useEffect(() => {
    const load = async () => {
      const res = await fetch("/api/predict/stats", { cache: "no-store" });
      if (res.ok) setStats((await res.json()) as Stats);
    };
    void load();
    const timer = window.setInterval(() => void load(), 2000);
    return () => window.clearInterval(timer);
  }, []);

  async function call(body: object): Promise<Prediction | null> {
    const res = await fetch("/api/predict", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => null)) as (Prediction & { error?: { message?: string } }) | null;
    if (!res.ok) {
      setError(data?.error?.message ?? "Prediction failed");
      return null;
    }
    return data;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const result = await call({ runId, userId: Number(form.get("userId")), postId: Number(form.get("postId")), device: form.get("device") });
    if (result) setPrediction(result);
  }

  async function burst() {
    setBursting(true);
    for (let i = 0; i < 200; i++) await call({ runId, userId: i % 500, postId: (i * 7) % 2000, device: "iOS" });
    setBursting(false);
  }

  if (runs.length === 0) return <p className="text-sm text-slate-600">No served model yet: finish a simulation run first; its trained model and online features become available here.</p>;
  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-5" aria-label="Predict">
        <label className="space-y-1 text-sm sm:col-span-2">
          <span className="font-medium text-slate-700">Model (run)</span>
          <select value={runId} onChange={(e) => setRunId(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2 py-2">
            {runs.map((r) => <option key={r.runId} value={r.runId}>{r.scenario} · {r.scale} · seed {r.seed} · {r.kind}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-sm"><span className="font-medium text-slate-700">User id</span><input name="userId" type="number" min={0} defaultValue={1} className="block w-full rounded-md border border-slate-300 px-2 py-2" /></label>
        <label className="space-y-1 text-sm"><span className="font-medium text-slate-700">Post id</span><input name="postId" type="number" min={0} defaultValue={1} className="block w-full rounded-md border border-slate-300 px-2 py-2" /></label>
        <label className="space-y-1 text-sm"><span className="font-medium text-slate-700">Device</span>
          <select name="device" className="block w-full rounded-md border border-slate-300 px-2 py-2">{["iOS", "Android", "Web", "unknown"].map((d) => <option key={d}>{d}</option>)}</select>
        </label>
        <div className="flex gap-2 sm:col-span-5">
          <Button type="submit">Predict</Button>
          <Button type="button" variant="secondary" onClick={() => void burst()} disabled={isBursting}>{isBursting ? "Sending 200…" : "Send 200 requests"}</Button>
        </div>
      </form>
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
      <section className="grid grid-cols-4 gap-3" aria-label="Live latency" data-testid="latency-stats">
        {([["requests", stats?.count], ["p50 ms", stats?.p50Ms], ["p95 ms", stats?.p95Ms], ["p99 ms", stats?.p99Ms]] as const).map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="text-xs text-slate-500">{label}</p>
            <p className="text-lg font-semibold tabular-nums">{value ?? "—"}</p>
          </div>
        ))}
      </section>
      {prediction ? (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-testid="prediction">
          <p className="text-sm">
            P(like) = <strong className="text-2xl tabular-nums">{prediction.probability.toFixed(4)}</strong> · fallback <strong>{prediction.fallback}</strong> · {prediction.latencyMs.toFixed(2)} ms · model {prediction.model.kind} <code className="text-xs">{prediction.model.versionId}</code>
          </p>
          <div className="grid grid-cols-3 gap-3 text-xs">
            {Object.entries(prediction.freshness).map(([entity, f]) => (
              <p key={entity} className={`rounded-md px-2 py-1 ${!f.isFound ? "bg-slate-100 text-slate-600" : f.isFresh ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
                {entity}: {!f.isFound ? "not in the online store" : `${f.ageHours} h old (TTL ${f.ttlHours} h) · ${f.isFresh ? "fresh" : "stale"}`}
              </p>
            ))}
          </div>
          <details>
            <summary className="cursor-pointer text-xs text-slate-500">Feature values ({prediction.features.length})</summary>
            <table className="mt-2 text-xs"><tbody>{prediction.features.map((f) => <tr key={f.name}><td className="pr-4 text-slate-600">{f.name}</td><td className="tabular-nums">{f.value.toFixed(4)}</td></tr>)}</tbody></table>
          </details>
        </section>
      ) : null}
    </div>
  );
}
