import { describe, expect, it } from "vitest";
import { runPipeline, SCENARIOS } from "@/lib/pipeline";
import type { PipelineResult } from "@/lib/pipeline";
import { fixedPorts } from "./helpers";

const runScenario = (id: string): Promise<PipelineResult> =>
  runPipeline({ scenario: id as never, seed: 7, data: { users: 5000, events: 60_000 }, model: { kinds: ["logistic"] } }, fixedPorts());

describe("scenarios", () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))("%s fires what it must and leaves its green monitors green", async (_id, scenario) => {
    const r = await runScenario(scenario.id);
    expect(r.status).toBe("succeeded");
    const fired = r.monitoring!.alerts.filter((a) => a.hasFired).map((a) => a.kind);
    for (const kind of scenario.expectFiring) expect(fired, `${kind} should fire`).toContain(kind);
    for (const kind of scenario.expectGreen) expect(fired, `${kind} should stay green`).not.toContain(kind);
  });

  it("concept drift leaves every input monitor green while performance degrades", async () => {
    const r = await runScenario("concept-drift");
    const states = Object.fromEntries(r.monitoring!.alerts.map((a) => [a.kind, a.hasFired]));
    expect(states).toMatchObject({ "feature-drift": false, "null-rate": false, "schema-anomaly": false, "prediction-drift": false, "model-performance": true });
  });

  it("stale features: freshness fires, serving stays up on training defaults", async () => {
    const r = await runScenario("stale-features");
    expect(r.featureStore.freshness[0]!.isStale).toBe(true);
    expect(r.serving.requests).toBeGreaterThan(0);
    expect(r.serving.fallbacks.defaults).toBe(r.serving.requests);
    expect(Number.isFinite(r.serving.p99Ms)).toBe(true);
  });

  it("serving latency: failed lookups fall back to the last good snapshot", async () => {
    const r = await runScenario("serving-latency");
    expect(r.serving.fallbacks["last-good-snapshot"]! + r.serving.fallbacks.popularity!).toBeGreaterThan(0);
    expect(r.serving.p99Ms).toBeGreaterThan(10);
  });

  it("label leakage inflates offline AUC far above the honest pipeline's", async () => {
    const [leaky, honest] = await Promise.all([runScenario("label-leakage"), runScenario("baseline")]);
    expect(leaky.metrics.logistic!.auc).toBeGreaterThan(honest.metrics.logistic!.auc + 0.1);
    expect(leaky.features.isPointInTime).toBe(false);
    expect(honest.features.isPointInTime).toBe(true);
  });

  it("alerts go pending before firing (for: ticks)", async () => {
    const r = await runScenario("null-spike");
    const alert = r.monitoring!.alerts.find((a) => a.kind === "null-rate")!;
    expect(alert.transitions.map((t) => t.to).slice(0, 2)).toEqual(["pending", "firing"]);
  });
});
