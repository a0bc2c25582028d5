/** Stage `collect`: simulate or stream-parse the event log, fix the time split, inject faults. */
import { parseEventsCsv } from "../collection/parse-csv";
import { simulateEvents } from "../collection/simulate-events";
import { ACTION_DISLIKE, ACTION_LIKE, ACTION_VIEW, selectRows, timeOrder } from "../collection/event-table";
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
  const order = timeOrder(raw);
  ctx.rawSorted = selectRows(raw, order);
  const t = ctx.rawSorted;
  ctx.startAt = t.ts[0]!;
  ctx.endAt = t.ts[t.n - 1]!;
  const labeledTs: number[] = [];
  for (let i = 0; i < t.n; i++) {
    const a = t.action[i]!;
    if (a === ACTION_VIEW || a === ACTION_LIKE || a === ACTION_DISLIKE) labeledTs.push(t.ts[i]!);
  }
  if (labeledTs.length < 50) throw new PipelineInputError(`Expected at least 50 labeled events (view/like/dislike), got ${labeledTs.length}`);
  ctx.cutoff = labeledTs[Math.floor((1 - config.split.testFraction) * labeledTs.length)]!;
  ctx.faultAt = ctx.cutoff + config.knobs.faultAtFraction * (ctx.endAt - ctx.cutoff);
  const faults = applyFaults(t, config.knobs, ctx.faultAt, deriveRng(config.seed, "faults"));
  if (ctx.hiddenLogit) {
    const hidden = ctx.hiddenLogit;
    const ys: number[] = [];
    const ps: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const a = raw.action[i]!;
      if (a === ACTION_VIEW || a === ACTION_LIKE || a === ACTION_DISLIKE) {
        ys.push(a === ACTION_LIKE ? 1 : 0);
        ps.push(hidden[i]!);
      }
    }
    result.data.oracleAuc = rocAuc(ys, ps);
  }
  result.rows.in = raw.n;
  Object.assign(result.data, {
    startAt: new Date(ctx.startAt * 1000).toISOString(), endAt: new Date(ctx.endAt * 1000).toISOString(),
    cutoffAt: new Date(ctx.cutoff * 1000).toISOString(), faultAt: new Date(ctx.faultAt * 1000).toISOString(),
    faults: { nulledDevices: faults.nulledDevices, retypedDevices: faults.retypedDevices, swappedUsers: faults.swappedUsers, affectedRows: faults.affectedRows },
  });
  return { rows: raw.n, malformed: result.rows.malformed, cutoffAt: result.data.cutoffAt };
}
