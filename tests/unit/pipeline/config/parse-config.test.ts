import { describe, expect, it } from "vitest";
import { parsePipelineConfig, SCENARIOS } from "@/lib/pipeline";

describe("parsePipelineConfig", () => {
  it("fills defaults and applies the scenario's knob preset, caller values winning", () => {
    const c = parsePipelineConfig({ scenario: "stale-features", knobs: { faultAtFraction: 0.5 } });
    expect(c.knobs.snapshotLagHours).toBe(72);
    expect(c.knobs.faultAtFraction).toBe(0.5);
    expect(c.seed).toBe(42);
  });
  it("names the bad field and value", () => {
    expect(() => parsePipelineConfig({ data: { users: -1 } })).toThrow(/data.users.*got -1/);
    expect(() => parsePipelineConfig({ scenario: "nope" as never })).toThrow(/scenario to be one of .* got "nope"/);
  });
  it("every scenario has a title, a description and expectations", () => {
    expect(SCENARIOS).toHaveLength(9);
    for (const s of SCENARIOS) expect(s.title.length * s.description.length).toBeGreaterThan(0);
  });
});
