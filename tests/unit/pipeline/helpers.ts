import { simulateEvents } from "@/lib/pipeline/collection/simulate-events";
import { cleanEvents } from "@/lib/pipeline/collection/clean";
import { createRng } from "@/lib/pipeline/random";

export const START = Date.parse("2024-01-01T00:00:00Z") / 1000;

export function smallCleanLog(events = 3000, seed = 1) {
  const sim = simulateEvents({ users: 200, events, days: 30, startAtSeconds: START, nullActionRate: 0.15, nullDeviceRate: 0.05, duplicateRate: 0.01, rng: createRng(seed) });
  return cleanEvents(sim.table).table;
}

export const fixedPorts = () => ({ clock: () => new Date("2024-02-01T00:00:00Z"), timer: () => performance.now() });
