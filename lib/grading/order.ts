/**
 * Order checks for drills about sequence (the 7 framework steps): how many of the steps that the
 * answer mentions appear in the expected order, as the longest run that keeps that order.
 */
export type OrderResult = {
  /** Steps found in the answer. */
  found: number;
  /** Steps in the longest subsequence that keeps the expected order. */
  inOrder: number;
  /** Step ids that break the order (found, but outside that subsequence). */
  outOfOrder: string[];
};

/**
 * `positions[i]` is where step i is first mentioned (a character offset), or null if absent.
 * Returns the size of the longest increasing subsequence of the present positions.
 */
export function checkOrder(steps: readonly string[], positions: readonly (number | null)[]): OrderResult {
  const present = steps.flatMap((id, i) => {
    const pos = positions[i];
    return pos === null || pos === undefined ? [] : [{ id, pos }];
  });
  // O(n²) LIS: n ≤ a dozen steps.
  const best = present.map(() => 1);
  const prev = present.map(() => -1);
  for (let i = 0; i < present.length; i++)
    for (let j = 0; j < i; j++)
      if (present[j]!.pos < present[i]!.pos && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
  let end = -1;
  best.forEach((len, i) => {
    if (end === -1 || len > best[end]!) end = i;
  });
  const keep = new Set<number>();
  for (let k = end; k !== -1; k = prev[k]!) keep.add(k);
  return {
    found: present.length,
    inOrder: keep.size,
    outOfOrder: present.filter((_, i) => !keep.has(i)).map((p) => p.id),
  };
}
