/** Stage `collect`: simulate or stream-parse the event log, fix the time split, inject faults. */
import { parseEventsCsv } from "../collection/parse-csv";
import { simulateEvents } from "../collection/simulate-events";
import { ACTION_DISLIKE, ACTION_LIKE, ACTION_VIEW, isSortedByTime, selectRows, timeOrder } from "../collection/event-table";
import type { EventTable } from "../collection/event-table";
import { PipelineInputError } from "../errors";
import { rocAuc } from "../evaluation/metrics";
import type { PipelineContext } from "../pipeline-context";
import { deriveRng } from "../random";
import { applyFaults } from "../scenarios/apply-faults";

export async function collectStage(ctx: PipelineContext): Promise<Record<string, unknown>> {
  const { config, result } = ctx;
  const d = config.data;
  if (d.source === "file") {
    if (!ctx.ports.openEvents) throw new PipelineInputError("config.data.source is \"file\" but no openEvents port was given");
    const parsed = await parseEventsCsv(ctx.ports.openEvents(), 1 << 16);
    ctx.raw = parsed.table;
    result.rows.malformed = parsed.malformed;
    result.data.malformedSamples = parsed.malformedSamples;
    result.data.missingColumns = parsed.missingColumns;
    result.data.extraColumns = parsed.extraColumns;
  } else {
    const sim = simulateEvents({
      users: d.users, events: d.events, posts: d.posts, days: d.days, startAtSeconds: Date.parse(d.startAt) / 1000,
      nullActionRate: d.nullActionRate, nullDeviceRate: d.nullDeviceRate, duplicateRate: d.duplicateRate,
      rng: deriveRng(config.seed, "simulate"),
    });
    ctx.raw = sim.table;
    ctx.hiddenLogit = sim.hiddenLogit;
  }
  const raw = ctx.raw;
  if (raw.n === 0) throw new PipelineInputError("Expected at least one valid event row, got none");
  // a log in time order (the usual case) is used as is, not copied
  const order = isSortedByTime(raw) ? null : timeOrder(raw);
  if (ctx.hiddenLogit) result.data.oracleAuc = oracleAuc(raw, ctx.hiddenLogit, order);
  ctx.rawSorted = order ? selectRows(raw, order) : raw;
  const t = ctx.rawSorted;
  ctx.startAt = t.ts[0]!;
  ctx.endAt = t.ts[t.n - 1]!;
  let labeled = 0;
  for (let i = 0; i < t.n; i++) if (isLabeled(t.action[i]!)) labeled++;
  if (labeled < 50) throw new PipelineInputError(`Expected at least 50 labeled events (view/like/dislike), got ${labeled}`);
  // the cutoff is the timestamp of labeled event number ⌊(1 − testFraction)·labeled⌋ in time order
  const cutIndex = Math.floor((1 - config.split.testFraction) * labeled);
  for (let i = 0, k = 0; i < t.n; i++) {
    if (!isLabeled(t.action[i]!)) continue;
    if (k++ === cutIndex) {
      ctx.cutoff = t.ts[i]!;
      break;
    }
  }
  ctx.faultAt = ctx.cutoff + config.knobs.faultAtFraction * (ctx.endAt - ctx.cutoff);
  const faults = applyFaults(t, config.knobs, ctx.faultAt, deriveRng(config.seed, "faults"));
  result.rows.in = raw.n;
  Object.assign(result.data, {
    startAt: new Date(ctx.startAt * 1000).toISOString(), endAt: new Date(ctx.endAt * 1000).toISOString(),
    cutoffAt: new Date(ctx.cutoff * 1000).toISOString(), faultAt: new Date(ctx.faultAt * 1000).toISOString(),
    faults: { nulledDevices: faults.nulledDevices, retypedDevices: faults.retypedDevices, swappedUsers: faults.swappedUsers, affectedRows: faults.affectedRows },
  });
  return { rows: raw.n, malformed: result.rows.malformed, cutoffAt: result.data.cutoffAt };
}

const isLabeled = (a: number) => a === ACTION_VIEW || a === ACTION_LIKE || a === ACTION_DISLIKE;

/** ROC AUC of the simulator's hidden noiseless logit over the labeled events, in time order (before faults). */
function oracleAuc(raw: EventTable, hidden: Float32Array, order: Int32Array | null): number {
  const ys: number[] = [];
  const ps: number[] = [];
  for (let k = 0; k < raw.n; k++) {
    const i = order ? order[k]! : k;
    const a = raw.action[i]!;
    if (isLabeled(a)) {
      ys.push(a === ACTION_LIKE ? 1 : 0);
      ps.push(hidden[i]!);
    }
  }
  return rocAuc(ys, ps);
}
