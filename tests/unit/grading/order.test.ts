import { describe, expect, it } from "vitest";
import { checkOrder, checkOrderAnyMention } from "@/lib/grading/order";

describe("checkOrder", () => {
  it("finds the longest run in the expected order", () => {
    expect(checkOrder(["a", "b", "c", "d"], [0, 10, 20, 30])).toEqual({ found: 4, inOrder: 4, outOfOrder: [] });
    expect(checkOrder(["a", "b", "c", "d"], [0, 20, 10, 30]).inOrder).toBe(3);
    expect(checkOrder(["a", "b", "c"], [0, null, 5])).toEqual({ found: 2, inOrder: 2, outOfOrder: [] });
  });

  it("lets any mention stand for a step when asked", () => {
    // b is named early in passing, then again in its place
    expect(checkOrderAnyMention(["a", "b", "c"], [[5], [0, 10], [20]]).inOrder).toBe(3);
    expect(checkOrderAnyMention(["a", "b", "c"], [[30], [0], [20]]).inOrder).toBe(2);
  });
});
