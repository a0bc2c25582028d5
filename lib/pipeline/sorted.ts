/** Index of the first element ≥ `value` in an ascending array's first `n` entries (binary search). */
export function lowerBound(sorted: ArrayLike<number>, value: number, n: number = sorted.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
