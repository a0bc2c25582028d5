import { describe, expect, it } from "vitest";
import { createTtlCache } from "@/lib/ttl-cache";

describe("ttl cache", () => {
  it("serves a value until it expires, then loads again", async () => {
    let t = 0;
    let loads = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 100, now: () => t });
    const load = async () => ++loads;
    expect(await cache.get("a", load)).toBe(1);
    t = 99;
    expect(await cache.get("a", load)).toBe(1);
    t = 100;
    expect(await cache.get("a", load)).toBe(2);
  });

  it("shares one pending load between concurrent readers", async () => {
    let loads = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 1000 });
    const load = () => new Promise<number>((r) => setTimeout(() => r(++loads), 5));
    expect(await Promise.all([cache.get("a", load), cache.get("a", load), cache.get("a", load)])).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it("does not keep a failed load, and a delete forces a reload", async () => {
    let fail = true;
    const cache = createTtlCache<string, string>({ ttlMs: 1000 });
    const load = async () => {
      if (fail) throw new Error("db down");
      return "ok";
    };
    await expect(cache.get("a", load)).rejects.toThrow("db down");
    fail = false;
    expect(await cache.get("a", load)).toBe("ok");
    cache.delete("a");
    expect(cache.size).toBe(0);
  });

  it("stays within its bound, evicting the oldest entry", async () => {
    const cache = createTtlCache<number, number>({ ttlMs: 1000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) await cache.get(i, async () => i);
    expect(cache.size).toBe(3);
  });

  it("refreshes a hot key in the background before it expires, never serving past the TTL", async () => {
    let t = 0;
    let version = 0;
    const cache = createTtlCache<string, number>({ ttlMs: 100, refreshAfterMs: 50, now: () => t });
    const load = async () => ++version;
    expect(await cache.get("a", load)).toBe(1);
    t = 60;
    expect(await cache.get("a", load)).toBe(1); // served at once, reload started
    await Promise.resolve();
    expect(await cache.get("a", load)).toBe(2);
    t = 60 + 100;
    expect(await cache.get("a", load)).toBe(3); // expired: a fresh load, not a stale value
    cache.delete("a");
    expect(await cache.get("a", load)).toBe(4);
  });

  it("a refresh that finishes after a delete does not bring the old value back", async () => {
    let t = 0;
    let release: (v: string) => void = () => undefined;
    const cache = createTtlCache<string, string>({ ttlMs: 100, refreshAfterMs: 10, now: () => t });
    await cache.get("a", async () => "v1");
    t = 20;
    await cache.get("a", () => new Promise<string>((r) => (release = r)));
    cache.delete("a");
    release("stale");
    await Promise.resolve();
    expect(await cache.get("a", async () => "v2")).toBe("v2");
  });
});
