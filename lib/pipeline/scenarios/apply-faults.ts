/**
 * Changes to the world that scenarios inject into the raw event log from `faultAt` on, before
 * verification sees it: device nulls (null-spike), device retyped to integer codes
 * (schema-change), preferences swapped between users of similar activity (concept-drift: what
 * users look like stays the same, what they like changes). Feedback loops and serving faults act
 * later (they need a model).
 */
import { NULL_CODE } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import type { ScenarioKnobs } from "../config/schema";
import type { Rng } from "../ports";

export type FaultReport = { faultAt: number; nulledDevices: number; retypedDevices: number; swappedUsers: number; affectedRows: number };

export function applyFaults(t: EventTable, knobs: ScenarioKnobs, faultAt: number, rng: Rng): FaultReport {
  const report: FaultReport = { faultAt, nulledDevices: 0, retypedDevices: 0, swappedUsers: 0, affectedRows: 0 };
  let swap: Map<number, number> | null = null;
  if (knobs.conceptDrift) {
    const activity = new Map<number, number>();
    for (let i = 0; i < t.n; i++) activity.set(t.userId[i]!, (activity.get(t.userId[i]!) ?? 0) + 1);
    const users = [...activity.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([u]) => u);
    swap = new Map();
    for (let k = 0; k + 1 < users.length; k += 2) {
      swap.set(users[k]!, users[k + 1]!);
      swap.set(users[k + 1]!, users[k]!);
    }
    report.swappedUsers = swap.size;
  }
  const codes = new Map<number, number>();
  if (knobs.schemaChange) {
    for (let d = 0; d < 3; d++) {
      codes.set(d, t.deviceVocab.length);
      t.deviceVocab.push(String(d + 1));
    }
  }
  for (let i = 0; i < t.n; i++) {
    if (t.ts[i]! < faultAt) continue;
    let isAffected = false;
    if (knobs.nullSpikeRate > 0 && t.device[i]! >= 0 && rng() < knobs.nullSpikeRate) {
      t.device[i] = NULL_CODE;
      report.nulledDevices++;
      isAffected = true;
    }
    if (knobs.schemaChange && t.device[i]! >= 0) {
      const c = codes.get(t.device[i]!);
      if (c !== undefined) {
        t.device[i] = c;
        report.retypedDevices++;
        isAffected = true;
      }
    }
    if (swap) {
      const other = swap.get(t.userId[i]!);
      if (other !== undefined) {
        t.userId[i] = other;
        isAffected = true;
      }
    }
    if (isAffected) report.affectedRows++;
  }
  return report;
}
