import { describe, expect, it } from "vitest";
import { DEFAULT_RUN_RETRY_LIMIT, getRunRetryLimit } from "@/lib/jobs/pipeline-run-job";

describe("getRunRetryLimit", () => {
  it("defaults to 2 retries when RUN_RETRY_LIMIT is unset or empty", () => {
    expect(DEFAULT_RUN_RETRY_LIMIT).toBe(2);
    expect(getRunRetryLimit(undefined)).toBe(2);
    expect(getRunRetryLimit("")).toBe(2);
  });

  it.each(["0", "1", "5", "10"])("accepts %s", (value) => {
    expect(getRunRetryLimit(value)).toBe(Number(value));
  });

  it.each(["-1", "11", "1.5", "two", " 2", "1e1", "99", "07"])("refuses %j, naming the variable", (value) => {
    expect(() => getRunRetryLimit(value)).toThrow(`Expected RUN_RETRY_LIMIT to be an integer from 0 to 10, got ${JSON.stringify(value)}`);
  });
});
