import { describe, expect, it } from "vitest";
import { findNumbers, sameScale, withinTolerance } from "@/lib/grading/numbers";

describe("findNumbers", () => {
  it("parses magnitudes and units", () => {
    const found = findNumbers("1B users -> 100k QPS, 10 TB/day, 1.2 x 10^5 req/s, 100,000 requests per second, 6e7 feature lookups per second, 200 bytes");
    expect(found.map((n) => [n.value, n.quantity])).toEqual([
      [1e9, "users"],
      [1e5, "qps"],
      [1e13, "bytes"],
      [1.2e5, "qps"],
      [1e5, "qps"],
      [6e7, "lookups"],
      [200, "bytes"],
    ]);
  });

  it("ties each number to the user scale stated before it", () => {
    const found = findNumbers("## 1M DAU\n~100 QPS\nAt 100M: 10k QPS, 2 TB per day\n**1B:** 115k qps");
    const qps = found.filter((n) => n.quantity === "qps").map((n) => [n.value, n.atUsers]);
    expect(qps).toEqual([
      [100, 1e6],
      [1e4, 1e8],
      [115e3, 1e9],
    ]);
  });

  it("reads numbers written in words, keeping offsets", () => {
    const text = "At a hundred million users that is about ten thousand requests a second.";
    const found = findNumbers(text);
    expect(found.map((n) => [n.value, n.quantity])).toEqual([
      [1e8, "users"],
      [1e4, "qps"],
    ]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toContain("requests a second");
  });

  it("reads a table whose header names the user scales", () => {
    const found = findNumbers("|  | 1M | 100M | 1B |\n|---|---|---|---|\n| avg QPS | ~100 | ~10k | ~100k |\n| storage/day | 20GB | 2TB | 20TB |");
    const qps = found.filter((n) => n.quantity === "qps").map((n) => [n.value, n.atUsers]);
    expect(qps).toEqual([
      [100, 1e6],
      [1e4, 1e8],
      [1e5, 1e9],
    ]);
    expect(found.filter((n) => n.quantity === "bytes").map((n) => n.atUsers)).toEqual([1e6, 1e8, 1e9]);
  });

  it("does not take a bare count for the user scale", () => {
    const found = findNumbers("At 1M users we serve 10M feed loads a day, about 100 requests per second.");
    expect(found.find((n) => n.quantity === "qps")!.atUsers).toBe(1e6);
  });

  it("keeps character spans into the text", () => {
    const text = "We expect 100k QPS.";
    const [n] = findNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe("100k QPS");
  });
});

describe("tolerance", () => {
  it("accepts within the factor and rejects beyond", () => {
    expect(withinTolerance(120_000, 116_000, 4)).toBe(true);
    expect(withinTolerance(30_000, 116_000, 4)).toBe(true);
    expect(withinTolerance(1e9, 116_000, 4)).toBe(false);
    expect(sameScale(1e9, 1.2e9)).toBe(true);
    expect(sameScale(1e8, 1e9)).toBe(false);
  });
});
