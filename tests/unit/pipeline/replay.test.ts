import { describe, expect, it } from "vitest";
import { runPipeline } from "@/lib/pipeline";
import { tf } from "@/lib/pipeline/model/tf";
import { fixedPorts } from "./helpers";

describe("replay and resources", () => {
  it("the same config and seed replay identical metrics, alerts and curves; another seed does not", async () => {
    const cfg = { seed: 11, data: { users: 1500, events: 15_000 } };
    const a = await runPipeline(cfg, fixedPorts());
    const b = await runPipeline(cfg, fixedPorts());
    const c = await runPipeline({ ...cfg, seed: 12 }, fixedPorts());
    expect(a.status).toBe("succeeded");
    expect(b.metrics).toEqual(a.metrics);
    expect(b.evaluation).toEqual(a.evaluation);
    expect(b.monitoring?.ticks.map((t) => t.liveAuc)).toEqual(a.monitoring?.ticks.map((t) => t.liveAuc));
    expect(b.alerts).toEqual(a.alerts);
    expect(b.models.mlp?.history).toEqual(a.models.mlp?.history);
    expect(c.metrics.mlp?.auc).not.toEqual(a.metrics.mlp?.auc);
  });

  it("leaves no tensors behind and returns JSON-serialisable data", async () => {
    const before = tf.memory().numTensors;
    const r = await runPipeline({ seed: 3, data: { users: 800, events: 8_000 } }, fixedPorts());
    expect(tf.memory().numTensors).toBe(before);
    expect(r.tensors.after).toBe(r.tensors.before);
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.stages.map((s) => s.name)).toContain("train-mlp");
    expect(json.evaluation.mlp?.roc.length).toBeGreaterThan(10);
    expect(json.resources.capacity.map((c) => c.dailyActiveUsers)).toEqual([1e6, 1e8, 1e9]);
  });

  it("reports stage progress from 0 to 1 in order", async () => {
    const events: { stage: string; status: string; fraction: number }[] = [];
    await runPipeline({ seed: 3, data: { users: 500, events: 5_000 }, model: { kinds: ["logistic"] } }, fixedPorts(), { onProgress: (p) => events.push(p) });
    expect(events[0]).toMatchObject({ stage: "collect", status: "started", fraction: 0 });
    expect(events.at(-1)).toMatchObject({ status: "finished", fraction: 1 });
    const fractions = events.map((e) => e.fraction);
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
  });

  it("a bad input file is a failed run with the error, not a crash", async () => {
    async function* chunks() { yield new TextEncoder().encode("user_id,post_id\n1,2\n"); }
    const r = await runPipeline({ data: { source: "file" } }, { ...fixedPorts(), openEvents: () => chunks() });
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(/missing action, timestamp/);
    expect(r.stages.find((s) => s.name === "verify")?.status).toBe("skipped");
  });
});
