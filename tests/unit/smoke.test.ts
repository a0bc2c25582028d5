import { describe, expect, it } from "vitest";
describe("toolchain", () => {
  it("runs TypeScript tests with the @ alias", async () => {
    const { ERROR_STATUS } = await import("@/lib/errors");
    expect(ERROR_STATUS.NOT_FOUND).toBe(404);
  });
});
