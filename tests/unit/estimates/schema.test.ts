import { describe, expect, it } from "vitest";
import { estimatesInputSchema, MAX_ESTIMATE_VALUE, parseEstimateText } from "@/lib/estimates";

describe("estimatesInputSchema", () => {
  it("fills missing scales and leaves blank cells undefined", () => {
    expect(estimatesInputSchema.parse({ "1M": { qps: 350 } })).toEqual({ "1M": { qps: 350 }, "100M": {}, "1B": {} });
  });

  it.each([0, -1, Number.POSITIVE_INFINITY, Number.NaN, MAX_ESTIMATE_VALUE * 10])("rejects %d", (value) => {
    const result = estimatesInputSchema.safeParse({ "1B": { onlineStoreGb: value } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["1B", "onlineStoreGb"]);
  });

  it("rejects strings: the form parses text first", () => {
    expect(estimatesInputSchema.safeParse({ "1M": { qps: "350" } }).success).toBe(false);
  });
});

describe("parseEstimateText", () => {
  it.each([
    ["694k", 694_000], ["1.2M", 1_200_000], ["3B", 3e9], ["1e5", 1e5], ["10^5", 1e5], ["1.2 x 10^5", 1.2e5],
    ["100,000", 100_000], [" 350 ", 350], ["0.56", 0.56],
  ])("parses %j", (text, value) => {
    expect(parseEstimateText(text)).toBeCloseTo(value, 6);
  });

  it.each(["", "abc", "12 GB", "1..2", "-5k"])("returns null for %j", (text) => {
    expect(parseEstimateText(text)).toBeNull();
  });
});
