/**
 * parsePipelineConfig: defaults, then the scenario's knob preset, then the caller's values.
 * Throws PipelineConfigError naming the bad field and value.
 */
import { PipelineConfigError } from "../errors";
import { SCENARIO_IDS, getScenario } from "../scenarios/catalog";
import { pipelineConfigSchema } from "./schema";
import type { PipelineConfig, PipelineConfigInput } from "./schema";

export function parsePipelineConfig(input: PipelineConfigInput = {}): PipelineConfig {
  const scenarioId = input.scenario ?? "baseline";
  if (!(SCENARIO_IDS as readonly string[]).includes(scenarioId)) {
    throw new PipelineConfigError(
      `Expected scenario to be one of ${SCENARIO_IDS.join(", ")}, got ${JSON.stringify(scenarioId)}`,
    );
  }
  const preset = getScenario(scenarioId).knobs;
  const merged = { ...input, knobs: { ...preset, ...(input.knobs ?? {}) } };
  const parsed = pipelineConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "config";
    const got = issue ? valueAt(merged, issue.path) : undefined;
    throw new PipelineConfigError(`Invalid ${path}: ${issue?.message ?? "invalid"} (got ${JSON.stringify(got)})`);
  }
  return parsed.data;
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
