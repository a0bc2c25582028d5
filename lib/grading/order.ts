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

/**
 * Like checkOrder, but each step may be represented by any of its mentions: the longest chain of
 * mentions, in text order, whose steps strictly follow the expected order. Used for diagrams
 * described in prose, where a box is often named in passing before its own line.
 */
export function checkOrderAnyMention(steps: readonly string[], mentions: readonly (readonly number[])[]): OrderResult {
  const points = mentions
    .flatMap((positions, step) => positions.map((pos) => ({ pos, step })))
    .sort((a, b) => a.pos - b.pos || b.step - a.step);
  const best = points.map(() => 1);
  const prev = points.map(() => -1);
  for (let i = 0; i < points.length; i++)
    for (let j = 0; j < i; j++)
      if (points[j]!.step < points[i]!.step && points[j]!.pos < points[i]!.pos && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
  let end = -1;
  best.forEach((len, i) => {
    if (end === -1 || len > best[end]!) end = i;
  });
  const chain = new Set<number>();
  for (let k = end; k !== -1; k = prev[k]!) chain.add(points[k]!.step);
  const found = steps.filter((_, i) => (mentions[i]?.length ?? 0) > 0);
  return { found: found.length, inOrder: chain.size, outOfOrder: steps.filter((_, i) => (mentions[i]?.length ?? 0) > 0 && !chain.has(i)) };
}
