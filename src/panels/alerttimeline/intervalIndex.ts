/**
 * Hit-test index for one lane of spans: starts sorted ascending, with a running maximum
 * of ends so a lookup walks back from the last span starting before the pointer and
 * stops as soon as no earlier span can still reach it. Lanes without overlaps answer
 * in one binary search; overflow lanes with overlaps stay correct, just walk further.
 */
export class LaneIndex {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly maxEnd: Float64Array;
  private readonly ids: Int32Array;

  /** `spans` must be sorted by start. */
  constructor(spans: Array<{ id: number; start: number; end: number }>) {
    const n = spans.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.maxEnd = new Float64Array(n);
    this.ids = new Int32Array(n);
    let runningMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const s = spans[i];
      this.starts[i] = s.start;
      this.ends[i] = s.end;
      this.ids[i] = s.id;
      runningMax = Math.max(runningMax, s.end);
      this.maxEnd[i] = runningMax;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** The id of the latest-starting span that overlaps [from, to], or -1. */
  query(from: number, to: number): number {
    let i = upperBound(this.starts, to) - 1;
    while (i >= 0 && this.maxEnd[i] >= from) {
      if (this.ends[i] >= from) {
        return this.ids[i];
      }
      i--;
    }
    return -1;
  }
}

/** Index of the first element greater than `value` in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
