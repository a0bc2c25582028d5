"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

/** A fresh Idempotency-Key; randomUUID needs a secure context (https or localhost), getRandomValues does not. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

type ScenarioOption = { id: string; title: string; description: string };
type ScaleOption = { id: string; label: string; sample: string };

/** Start a run; the chosen scenario, scale and seed are mirrored in the URL so it can be shared. */
export function RunForm({ scenarios, scales, initial }: { scenarios: ScenarioOption[]; scales: ScaleOption[]; initial: { scenario: string; scale: string; seed: number } }) {
  const router = useRouter();
  const [scenario, setScenario] = useState(initial.scenario);
  const [scale, setScale] = useState(initial.scale);
  const [seed, setSeed] = useState(String(initial.seed));
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const selected = scenarios.find((s) => s.id === scenario);
  // One key per intent to start this run: a double click or a retry after an error resends it, and
  // the server answers with the run it already made (POST /api/runs, Idempotency-Key). A changed
  // field is a new intent.
  const intentKey = useRef<string | null>(null);

  function sync(next: { scenario?: string; scale?: string; seed?: string }) {
    intentKey.current = null;
    const params = new URLSearchParams({ scenario: next.scenario ?? scenario, scale: next.scale ?? scale, seed: next.seed ?? seed });
    window.history.replaceState(null, "", `/simulations?${params.toString()}`);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    intentKey.current ??= newIdempotencyKey();
    setPending(true);
    setError(null);
    let res: Response;
    try {
      res = await fetch("/api/runs", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": intentKey.current }, body: JSON.stringify({ scenario, scale, seed: Number(seed) }) });
    } catch {
      setError("Could not reach the server; try again.");
      setPending(false);
      return;
    }
    const body = (await res.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
    if (!res.ok || !body?.url) {
      setError(body?.error?.message ?? "Could not start the run.");
      setPending(false);
      return;
    }
    router.push(body.url);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-label="Start a simulation">
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700">Scenario</span>
          <select value={scenario} onChange={(e) => { setScenario(e.target.value); sync({ scenario: e.target.value }); }} className="block w-full rounded-md border border-slate-300 px-3 py-2">
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        </label>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-slate-700">Scale</legend>
          <div className="flex gap-2">
            {scales.map((s) => (
              <label key={s.id} className={`cursor-pointer rounded-md border px-3 py-2 ${scale === s.id ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300"}`}>
                <input type="radio" name="scale" value={s.id} checked={scale === s.id} onChange={() => { setScale(s.id); sync({ scale: s.id }); }} className="sr-only" />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700">Seed</span>
          <input type="number" min={0} value={seed} onChange={(e) => { setSeed(e.target.value); sync({ seed: e.target.value }); }} className="block w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
      </div>
      {selected ? <p className="text-sm text-slate-600">{selected.description}</p> : null}
      <p className="text-xs text-slate-500">{scales.find((s) => s.id === scale)?.sample}</p>
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
      <Button type="submit" disabled={isPending}>{isPending ? "Queueing…" : "Start run"}</Button>
    </form>
  );
}
