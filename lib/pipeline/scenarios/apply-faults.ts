/**
 * Changes to the world that scenarios inject into the raw event log from `faultAt` on, before
 * verification sees it: device nulls (null-spike), device retyped to integer codes
 * (schema-change), preferences swapped between users of similar activity and opposite taste
 * (concept-drift: what users look like stays the same, what they like changes). Feedback loops and serving faults act
 * later (they need a model).
 */
import { ACTION_LIKE, NULL_CODE } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import type { ScenarioKnobs } from "../config/schema";
import type { Rng } from "../ports";

export type FaultReport = { faultAt: number; nulledDevices: number; retypedDevices: number; swappedUsers: number; affectedRows: number };

const SWAP_GROUP = 50;

/**
 * Pairs users of similar activity but opposite taste: users sorted by event count are cut into
 * groups of SWAP_GROUP; inside a group the most liking user swaps with the least liking one, and
 * so on. Marginal distributions of activity and like rate stay put; who likes what flips.
 */
function oppositeTasteSwap(t: EventTable): Map<number, number> {
  const events = new Map<number, number>();
  const likes = new Map<number, number>();
  for (let i = 0; i < t.n; i++) {
    const u = t.userId[i]!;
    events.set(u, (events.get(u) ?? 0) + 1);
    if (t.action[i] === ACTION_LIKE) likes.set(u, (likes.get(u) ?? 0) + 1);
  }
  const byActivity = [...events.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([u]) => u);
  const swap = new Map<number, number>();
  for (let g = 0; g < byActivity.length; g += SWAP_GROUP) {
    const group = byActivity.slice(g, g + SWAP_GROUP);
    const rate = (u: number) => (likes.get(u) ?? 0) / (events.get(u) ?? 1);
    group.sort((a, b) => rate(a) - rate(b) || a - b);
    for (let k = 0; k < Math.floor(group.length / 2); k++) {
      const lo = group[k]!;
      const hi = group[group.length - 1 - k]!;
      swap.set(lo, hi);
      swap.set(hi, lo);
    }
  }
  return swap;
}

export function applyFaults(t: EventTable, knobs: ScenarioKnobs, faultAt: number, rng: Rng): FaultReport {
  const report: FaultReport = { faultAt, nulledDevices: 0, retypedDevices: 0, swappedUsers: 0, affectedRows: 0 };
  const swap = knobs.conceptDrift ? oppositeTasteSwap(t) : null;
  report.swappedUsers = swap?.size ?? 0;
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
    const other = swap?.get(t.userId[i]!);
    if (other !== undefined) {
      t.userId[i] = other;
      isAffected = true;
    }
    if (isAffected) report.affectedRows++;
  }
  return report;
}
