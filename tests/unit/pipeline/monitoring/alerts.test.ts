import { describe, expect, it } from "vitest";
import { createAlertRecords, stepAlert } from "@/lib/pipeline/monitoring/alerts";
import type { AlertRule } from "@/lib/pipeline/monitoring/alerts";
import { ksTest, psi } from "@/lib/pipeline/monitoring/drift";
import { createRng, normal } from "@/lib/pipeline/random";

const rule: AlertRule = { component: "c", kind: "k", severity: "page", forTicks: 2, threshold: 1, summary: "" };

function run(conditions: (boolean | null)[], r = rule) {
  const [rec] = createAlertRecords([r]);
  let held = 0;
  const states = conditions.map((c, i) => {
    held = stepAlert(rec!, r, { isActive: c, value: c ? 2 : 0 }, i, `t${i}`, held);
    return rec!.state;
  });
  return { states, rec: rec! };
}

describe("alert life cycle", () => {
  it("fires only after the condition held for `for` ticks, then resolves", () => {
    expect(run([true, true, true, true, false]).states).toEqual(["pending", "pending", "firing", "firing", "resolved"]);
  });
  it("a blip shorter than `for` never fires", () => {
    const { states, rec } = run([true, true, false, true, false]);
    expect(states).toEqual(["pending", "pending", "inactive", "pending", "inactive"]);
    expect(rec.hasFired).toBe(false);
  });
  it("ticks without data keep the state", () => {
    expect(run([true, null, true, true]).states).toEqual(["pending", "pending", "pending", "firing"]);
  });
  it("for: 0 fires at once", () => {
    expect(run([true], { ...rule, forTicks: 0 }).states).toEqual(["firing"]);
  });
});

describe("drift statistics", () => {
  const rng = createRng(5);
  const a = Float64Array.from({ length: 5000 }, () => normal(rng));
  const b = Float64Array.from({ length: 5000 }, () => normal(rng));
  const shifted = Float64Array.from({ length: 5000 }, () => normal(rng, 0.5));
  it("PSI is small for the same distribution and large for a shift", () => {
    expect(psi(a, b)).toBeLessThan(0.02);
    expect(psi(a, shifted)).toBeGreaterThan(0.2);
  });
  it("PSI treats a point mass that moves by a hair as stable", () => {
    const ref = Float64Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0.05 : i / 1000));
    const cur = Float64Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0.0501 : i / 1000));
    expect(psi(ref, cur)).toBeLessThan(0.01);
  });
  it("KS rejects a shift and accepts the same distribution", () => {
    expect(ksTest(a, b).pValue).toBeGreaterThan(0.01);
    expect(ksTest(a, shifted).pValue).toBeLessThan(1e-6);
  });
});
