// Bounded metric history: one Float64Array ring per store, one value per
// series per minute. Memory is fixed at construction:
//   series × retention minutes × 8 bytes
// e.g. 66 series × 30 days (43,200 minutes) × 8 B = 22.8 MB.
// NaN marks "no data" (a gap); gaps are left out of query results.

export const MINUTE_MS = 60_000;

export type Aggregation = 'mean' | 'last' | 'min';

export class MinuteHistory {
  private readonly values: Float64Array;
  private latestMinute = -Infinity;
  private earliestMinute = Infinity;

  constructor(
    readonly seriesCount: number,
    readonly capacityMinutes: number
  ) {
    if (
      !Number.isInteger(seriesCount) ||
      seriesCount < 1 ||
      !Number.isInteger(capacityMinutes) ||
      capacityMinutes < 1
    ) {
      throw new Error(
        `History needs at least one series and one minute (got ${seriesCount} series, ${capacityMinutes} minutes)`
      );
    }
    this.values = new Float64Array(seriesCount * capacityMinutes).fill(NaN);
  }

  get bytes(): number {
    return this.values.byteLength;
  }

  /** Stores the values of every series for the minute starting at minuteStartMs. */
  write(minuteStartMs: number, row: ArrayLike<number>): void {
    const minute = Math.floor(minuteStartMs / MINUTE_MS);
    if (row.length !== this.seriesCount) {
      throw new Error(`Expected ${this.seriesCount} values, got ${row.length}`);
    }
    if (minute <= this.latestMinute) {
      throw new Error(`History is append-only: minute ${minute} is not after ${this.latestMinute}`);
    }
    // Minutes skipped since the last write become gaps (at most one full ring).
    if (Number.isFinite(this.latestMinute)) {
      const gapEnd = Math.min(minute, this.latestMinute + 1 + this.capacityMinutes);
      for (let m = this.latestMinute + 1; m < gapEnd; m++) this.writeRow(m, null);
    } else {
      this.earliestMinute = minute;
    }
    this.writeRow(minute, row);
    this.latestMinute = minute;
  }

  private writeRow(minute: number, row: ArrayLike<number> | null): void {
    const slot = minute % this.capacityMinutes;
    for (let s = 0; s < this.seriesCount; s++) {
      this.values[s * this.capacityMinutes + slot] = row ? row[s]! : NaN;
    }
  }

  /** Value of a series at a minute, NaN when unknown or outside retention. */
  valueAt(series: number, minute: number): number {
    if (
      minute > this.latestMinute ||
      minute < this.earliestMinute ||
      this.latestMinute - minute >= this.capacityMinutes
    ) {
      return NaN;
    }
    return this.values[series * this.capacityMinutes + (minute % this.capacityMinutes)]!;
  }

  /**
   * Points of one series in [from, to): one per step-aligned bucket that has
   * data, stamped with the bucket start, aggregated over the bucket's minutes.
   */
  query(series: number, from: number, to: number, stepMs: number, aggregation: Aggregation): [number, number][] {
    const points: [number, number][] = [];
    const stepMinutes = stepMs / MINUTE_MS;
    for (let bucket = Math.ceil(from / stepMs) * stepMs; bucket < to; bucket += stepMs) {
      const firstMinute = bucket / MINUTE_MS;
      let count = 0;
      let acc = aggregation === 'min' ? Infinity : 0;
      for (let m = firstMinute; m < firstMinute + stepMinutes; m++) {
        const value = this.valueAt(series, m);
        if (Number.isNaN(value)) continue;
        count++;
        if (aggregation === 'mean') acc += value;
        else if (aggregation === 'last') acc = value;
        else acc = Math.min(acc, value);
      }
      if (count > 0) points.push([bucket, aggregation === 'mean' ? acc / count : acc]);
    }
    return points;
  }
}
