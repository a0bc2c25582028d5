import { describe, expect, it } from "vitest";
import { startRunSchema, toPipelineConfig } from "@/lib/simulations/schema";
import { nextRunStatus, runFailureMessage } from "@/lib/simulations/status";

describe("nextRunStatus", () => {
  it("follows queued → running → succeeded", () => {
    expect(nextRunStatus("queued", "start")).toBe("running");
    expect(nextRunStatus("running", "succeed")).toBe("succeeded");
  });
  it("lets a retry send a running run back to the queue", () => {
    expect(nextRunStatus("running", "retry")).toBe("queued");
  });
  it("never leaves a final state", () => {
    for (const final of ["succeeded", "failed", "cancelled"] as const) {
      for (const event of ["start", "succeed", "fail", "retry", "cancel"] as const) expect(nextRunStatus(final, event)).toBeNull();
    }
  });
});

describe("startRunSchema", () => {
  const fields = (input: unknown) => {
    const r = startRunSchema.safeParse(input);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join(".")))];
  };
  it("accepts every scenario at every scale", () => {
    expect(fields({ scenario: "stale-features", scale: "1B", seed: 7 })).toEqual([]);
  });
  it.each([
    [{ scenario: "nope", scale: "1M", seed: 1 }, "scenario"],
    [{ scenario: "baseline", scale: "10B", seed: 1 }, "scale"],
    [{ scenario: "baseline", scale: "1M", seed: -1 }, "seed"],
    [{ scenario: "baseline", scale: "1M", seed: Number.NaN }, "seed"],
    [{ scenario: "baseline", scale: "1M", seed: 1e12 }, "seed"],
    [{ scenario: "baseline", scale: "1M", seed: "7" }, "seed"],
  ])("refuses %j naming %s", (input, field) => {
    expect(fields(input)).toEqual([field]);
  });
  it("maps a preset to a sampled engine config carrying the seed", () => {
    const config = toPipelineConfig({ scenario: "null-spike", scale: "100M", seed: 9 });
    expect(config).toMatchObject({ scenario: "null-spike", seed: 9, data: { users: 5_000, events: 300_000 } });
  });
});

describe("runStageNames", () => {
  it("matches the engine's own stage list", async () => {
    const { runStageNames } = await import("@/lib/simulations/stages");
    const { pipelineStages, parsePipelineConfig } = await import("@/lib/pipeline");
    for (const kinds of [["logistic", "mlp"], ["logistic"]] as const) {
      const config = parsePipelineConfig({ model: { kinds: [...kinds] } });
      expect(runStageNames(kinds)).toEqual(pipelineStages(config).map((s) => s.name));
    }
  });
});

describe("runFailureMessage", () => {
  it("says a retry follows while tries remain, and gives a generic final message on the last", () => {
    expect(runFailureMessage({ tryNumber: 1, tries: 3 })).toBe("Try 1 of 3 failed; retrying.");
    expect(runFailureMessage({ tryNumber: 3, tries: 3 })).toBe("The run failed on all 3 tries. It has been set aside for review; you can start it again.");
    expect(runFailureMessage({ tryNumber: 1, tries: 1 })).toBe("The run failed on its only try. It has been set aside for review; you can start it again.");
  });
});
