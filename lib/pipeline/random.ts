/**
 * Seeded pseudo-random numbers. mulberry32 for uniforms (fast, 32-bit state, good enough for
 * simulation), Box–Muller for normals. Every random draw in the engine comes from here, derived
 * from config.seed, so the same config replays identically.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */
import type { Rng } from "./ports";

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derive an independent stream for a named purpose, so adding draws in one stage does not shift another. */
export function deriveRng(seed: number, purpose: string): Rng {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 16777619);
  return createRng(h >>> 0);
}

export function normal(rng: Rng, mean = 0, std = 1): number {
  const u = 1 - rng();
  const v = rng();
  return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Index drawn from cumulative weights (binary search). */
export function pickCumulative(cumulative: Float64Array, rng: Rng): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const x = rng() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Fisher–Yates shuffle of an index array in place. */
export function shuffleInPlace(a: Int32Array | Uint32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] ?? 0;
    a[i] = a[j] ?? 0;
    a[j] = t;
  }
}
