/**
 * Seeded generator of feed events with learnable structure, the same model as the anchor's
 * gen_data.py (user taste/bias/activity, post topic/quality/popularity/creation time, device and
 * freshness effects, null actions and devices, adjacent duplicates), sorted by time like a log.
 * It is not byte-identical to the Python generator (different PRNG) but has the same statistics.
 * Output: EventTable + facts (including the oracle AUC of the hidden logit, via `hiddenLogit`).
 * @see ../../../../shared/anchors/seed-pipeline/gen_data.py
 */
import type { Rng } from "../ports";
import { normal, pickCumulative } from "../random";
import { ACTION_DISLIKE, ACTION_LIKE, ACTION_SHARE, ACTION_VIEW, NULL_CODE, createEventTable } from "./event-table";
import type { EventTable } from "./event-table";

export type SimulateEventsOptions = {
  users: number;
  events: number;
  posts?: number;
  days: number;
  startAtSeconds: number;
  nullActionRate: number;
  nullDeviceRate: number;
  duplicateRate: number;
  rng: Rng;
};

export type SimulatedEvents = { table: EventTable; hiddenLogit: Float32Array };

const D = 8;
const DAY = 86_400;
const BASE = -2.7;
const DEVICE_EFFECT = [0.15, 0, -0.25];
/** 2^26: room for 67M positions; time offsets < 2^27 s keep keys below 2^53. */
const KEY_SCALE = 67_108_864;

export function simulateEvents(opts: SimulateEventsOptions): SimulatedEvents {
  const { users, events, rng } = opts;
  const nPosts = opts.posts && opts.posts > 0 ? opts.posts : Math.min(Math.max(10, Math.floor(events / 2)), 100_000);
  const window = opts.days * DAY;
  const taste = new Float32Array(users * D);
  const userBias = new Float32Array(users);
  const userAct = new Float64Array(users);
  for (let i = 0; i < users * D; i++) taste[i] = normal(rng);
  let acc = 0;
  for (let u = 0; u < users; u++) {
    userBias[u] = normal(rng, 0, 0.8);
    acc += Math.exp(normal(rng));
    userAct[u] = acc;
  }
  const topic = new Float32Array(nPosts * D);
  const quality = new Float32Array(nPosts);
  const postPop = new Float64Array(nPosts);
  const created = new Float64Array(nPosts);
  for (let i = 0; i < nPosts * D; i++) topic[i] = normal(rng);
  acc = 0;
  for (let p = 0; p < nPosts; p++) {
    quality[p] = normal(rng, 0, 0.8);
    acc += Math.exp(normal(rng) + 0.5 * (quality[p] ?? 0));
    postPop[p] = acc;
    created[p] = -3 * DAY + rng() * (window + 3 * DAY);
  }

  const nDup = Math.round(opts.duplicateRate * events);
  const m = events - nDup;
  const raw = createEventTable(m);
  const logit = new Float32Array(m);
  const sqrtD = Math.sqrt(D);
  for (let i = 0; i < m; i++) {
    const u = pickCumulative(userAct, rng);
    const p = pickCumulative(postPop, rng);
    const r = rng();
    const q = (r - opts.nullDeviceRate) / (1 - opts.nullDeviceRate);
    const dev = r < opts.nullDeviceRate ? NULL_CODE : q < 0.4 / 0.95 ? 0 : q < 0.75 / 0.95 ? 1 : 2;
    const c = created[p] ?? 0;
    let t = c - 2 * DAY * Math.log(1 - rng());
    if (t < 0 || t >= window) {
      const lo = Math.max(c, 0);
      t = lo + rng() * (window - lo);
    }
    t = Math.min(Math.floor(t), window - 1);
    const ageDays = Math.max(t - c, 0) / DAY;
    let aff = 0;
    for (let k = 0; k < D; k++) aff += (taste[u * D + k] ?? 0) * (topic[p * D + k] ?? 0);
    const sMean = BASE + (userBias[u] ?? 0) + (quality[p] ?? 0) + aff / sqrtD + (dev >= 0 ? DEVICE_EFFECT[dev] ?? 0 : 0) + 0.5 * Math.exp(-ageDays / 1.5);
    const s = sMean + normal(rng, 0, 0.5);
    let action: number;
    if (rng() < 1 / (1 + Math.exp(-s))) action = ACTION_LIKE;
    else {
      const share = Math.exp(0.6 * s - 1.3);
      const dislike = Math.exp(-0.8 * s - 5);
      const z = 1 + share + dislike;
      const x = rng() * z;
      action = x < 1 ? ACTION_VIEW : x < 1 + share ? ACTION_SHARE : ACTION_DISLIKE;
    }
    if (rng() < opts.nullActionRate) action = NULL_CODE;
    raw.userId[i] = u + 1;
    raw.postId[i] = p + 1;
    raw.action[i] = action;
    raw.ts[i] = opts.startAtSeconds + t;
    raw.device[i] = dev;
    logit[i] = sMean;
  }
  raw.n = m;
  return finish(raw, logit, nDup, rng);
}

/** Adds adjacent duplicates and sorts by time (stable) via packed numeric keys. */
function finish(raw: EventTable, logit: Float32Array, nDup: number, rng: Rng): SimulatedEvents {
  const m = raw.n;
  const total = m + nDup;
  const src = new Int32Array(total);
  for (let i = 0; i < m; i++) src[i] = i;
  for (let k = 0; k < nDup; k++) src[m + k] = Math.floor(rng() * m);
  // key = time offset * 2^26 + position: unique, so a plain numeric sort is stable
  const t0 = raw.ts[0] ?? 0;
  let minT = t0;
  for (let i = 0; i < m; i++) minT = Math.min(minT, raw.ts[i] ?? 0);
  const keys = new Float64Array(total);
  for (let k = 0; k < total; k++) keys[k] = ((raw.ts[src[k] ?? 0] ?? 0) - minT) * KEY_SCALE + k;
  keys.sort();
  const table = createEventTable(total);
  const hidden = new Float32Array(total);
  for (let k = 0; k < total; k++) {
    const key = keys[k] ?? 0;
    const pos = key % KEY_SCALE;
    const i = src[pos] ?? 0;
    table.userId[k] = raw.userId[i] ?? 0;
    table.postId[k] = raw.postId[i] ?? 0;
    table.action[k] = raw.action[i] ?? NULL_CODE;
    table.ts[k] = raw.ts[i] ?? 0;
    table.device[k] = raw.device[i] ?? NULL_CODE;
    hidden[k] = logit[i] ?? 0;
  }
  table.n = total;
  return { table, hiddenLogit: hidden };
}
