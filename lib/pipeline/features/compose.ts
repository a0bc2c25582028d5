/**
 * Turns entity aggregate rows (user, post, user×post) into one model input vector. The same
 * function serves the offline point-in-time sweep and the online scorer.
 */
import { DAY_SECONDS, firstSeenOffset, uniqueUsersOffset } from "./spec";
import type { FeatureSpec } from "./spec";

export type ComposeOptions = {
  /** Training-serving-skew scenario: the 1-day window fills every window slot, zero defaults. */
  isSkewed?: boolean;
};

const TWO_PI = 2 * Math.PI;
const SIN_OF_SECOND = new Float32Array(DAY_SECONDS);
const COS_OF_SECOND = new Float32Array(DAY_SECONDS);
for (let s = 0; s < DAY_SECONDS; s++) {
  SIN_OF_SECOND[s] = Math.sin((TWO_PI * s) / DAY_SECONDS);
  COS_OF_SECOND[s] = Math.cos((TWO_PI * s) / DAY_SECONDS);
}
const LOG1P_INT = new Float64Array(65_536);
for (let i = 0; i < LOG1P_INT.length; i++) LOG1P_INT[i] = Math.log1p(i);

function writeEntity(
  counts: ArrayLike<number>, off: number, slots: number, m: number, gl: number, gd: number, gs: number,
  isSkewed: boolean, out: Float32Array, o: number,
): number {
  for (let s = 0; s < slots; s++) {
    const src = off + 4 * (isSkewed && s > 1 ? 1 : s);
    const n = counts[src]!;
    const denom = n + m;
    const inv = denom > 0 ? 1 / denom : 0;
    out[o] = n >= 0 && n < 65_536 ? LOG1P_INT[n | 0]! : Math.log1p(n);
    out[o + 1] = (counts[src + 1]! + m * gl) * inv;
    out[o + 2] = (counts[src + 2]! + m * gd) * inv;
    out[o + 3] = (counts[src + 3]! + m * gs) * inv;
    o += 4;
  }
  return o;
}

/** log1p with a table for the small non-negative integers counts usually are. */
function log1p(x: number): number {
  return x >= 0 && x < 65_536 && x === (x | 0) ? (LOG1P_INT[x] ?? 0) : Math.log1p(x);
}

/**
 * Writes spec.dim values at out[outOff..] from feature-store rows (spec.ts layout): `user`/`post`
 * are rows at uOff/pOff (rowLength each); a missing entity is passed as a zero row with
 * firstSeen = -1. The online scorer's entry point; the offline sweep calls composeFromCounts on
 * its compact store, and this is that same function.
 */
export function composeFeatures(
  spec: FeatureSpec,
  user: Float64Array, uOff: number,
  post: Float64Array, pOff: number,
  pairCount: number, pairLiked: number,
  device: number, requestTime: number,
  out: Float32Array, outOff: number,
  isSkewed: boolean,
): void {
  const fs = firstSeenOffset(spec);
  composeFromCounts(
    spec, user, uOff, user[uOff + fs]!, post, pOff, post[pOff + fs]!, post[pOff + uniqueUsersOffset(spec)]!,
    pairCount, pairLiked, device, requestTime, out, outOff, isSkewed,
  );
}

/**
 * The composition itself. `userCounts`/`postCounts` hold 4·(windows + 1) counters at uOff/pOff
 * ([n, likes, dislikes, shares] all time, then per window); first-seen times are -1 for an
 * entity with no events yet.
 */
export function composeFromCounts(
  spec: FeatureSpec,
  userCounts: ArrayLike<number>, uOff: number, uFirst: number,
  postCounts: ArrayLike<number>, pOff: number, pFirst: number, postUniqueUsers: number,
  pairCount: number, pairLiked: number,
  device: number, requestTime: number,
  out: Float32Array, outOff: number,
  isSkewed: boolean,
): void {
  if (spec.kind === "seed") {
    const n = userCounts[uOff] ?? 0;
    out[outOff] = n;
    out[outOff + 1] = n > 0 ? (userCounts[uOff + 1] ?? 0) / n : 0;
    out[outOff + 2] = postUniqueUsers;
    out[outOff + 3] = postCounts[pOff + 1] ?? 0;
    return;
  }
  let o = outOff;
  const dev = device >= 0 && device < 3 ? device : 3;
  out[o] = dev === 0 ? 1 : 0;
  out[o + 1] = dev === 1 ? 1 : 0;
  out[o + 2] = dev === 2 ? 1 : 0;
  out[o + 3] = dev === 3 ? 1 : 0;
  // second of the day; Math.floor division rather than two float modulos
  const second = Math.floor(requestTime - Math.floor(requestTime / DAY_SECONDS) * DAY_SECONDS);
  const isInDay = second >= 0 && second < DAY_SECONDS;
  out[o + 4] = isInDay ? SIN_OF_SECOND[second]! : 0;
  out[o + 5] = isInDay ? COS_OF_SECOND[second]! : 1;
  o += 6;
  const m = isSkewed ? 0 : spec.priorStrength;
  const rates = spec.priorRates;
  const gl = rates[0];
  const gd = rates[1];
  const gs = rates[2];
  const slots = spec.windowsDays.length + 1;
  o = writeEntity(userCounts, uOff, slots, m, gl, gd, gs, isSkewed, out, o);
  o = writeEntity(postCounts, pOff, slots, m, gl, gd, gs, isSkewed, out, o);
  const uAge = requestTime - uFirst;
  const pAge = requestTime - pFirst;
  out[o] = uFirst >= 0 ? Math.log1p((uAge > 0 ? uAge : 0) / 3600) : 0;
  out[o + 1] = pFirst >= 0 ? Math.log1p((pAge > 0 ? pAge : 0) / 3600) : 0;
  out[o + 2] = log1p(postUniqueUsers);
  out[o + 3] = log1p(pairCount);
  out[o + 4] = pairLiked;
  out[o + 5] = userCounts[uOff]! > 0 ? 0 : 1;
  out[o + 6] = postCounts[pOff]! > 0 ? 0 : 1;
}
