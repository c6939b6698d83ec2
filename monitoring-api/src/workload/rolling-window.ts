// Fixed-size rolling windows over the last N ticks. Each add goes to the
// current slot and to a running sum; starting a tick subtracts the slot that
// falls out. Reads are O(1) and memory never grows.
import { BUCKET_COUNT, bucketIndex } from './latency-histogram.js';

export class RollingCounters {
  private readonly slots: Float64Array;
  private readonly sums: Float64Array;
  private cursor = 0;

  constructor(
    readonly slotCount: number,
    readonly width: number
  ) {
    this.slots = new Float64Array(slotCount * width);
    this.sums = new Float64Array(width);
  }

  /** Starts a new tick: the oldest tick leaves the window. */
  begin(): void {
    this.cursor = (this.cursor + 1) % this.slotCount;
    const base = this.cursor * this.width;
    for (let i = 0; i < this.width; i++) {
      this.sums[i]! -= this.slots[base + i]!;
      this.slots[base + i] = 0;
    }
  }

  add(index: number, amount: number): void {
    this.slots[this.cursor * this.width + index]! += amount;
    this.sums[index]! += amount;
  }

  sum(index: number): number {
    return this.sums[index]!;
  }

  /** Value added in the current tick only. */
  current(index: number): number {
    return this.slots[this.cursor * this.width + index]!;
  }
}

export class RollingHistograms {
  private readonly slots: Uint32Array;
  readonly sums: Uint32Array;
  /** Per slot, the offsets that hold a count, so starting a tick touches only those. */
  private readonly touched: Int32Array;
  private readonly touchedCount: Int32Array;
  private cursor = 0;
  private readonly stride: number;

  constructor(
    readonly slotCount: number,
    readonly histogramCount: number
  ) {
    this.stride = histogramCount * BUCKET_COUNT;
    this.slots = new Uint32Array(slotCount * this.stride);
    this.sums = new Uint32Array(this.stride);
    this.touched = new Int32Array(slotCount * this.stride);
    this.touchedCount = new Int32Array(slotCount);
  }

  begin(): void {
    this.cursor = (this.cursor + 1) % this.slotCount;
    const base = this.cursor * this.stride;
    const count = this.touchedCount[this.cursor]!;
    for (let i = 0; i < count; i++) {
      const offset = this.touched[base + i]!;
      this.sums[offset]! -= this.slots[base + offset]!;
      this.slots[base + offset] = 0;
    }
    this.touchedCount[this.cursor] = 0;
  }

  /** Counts one value of the given bucket (see bucketIndex) in a histogram. */
  addBucket(histogram: number, bucket: number): void {
    const offset = histogram * BUCKET_COUNT + bucket;
    const base = this.cursor * this.stride;
    if (this.slots[base + offset]!++ === 0) {
      const used = this.touchedCount[this.cursor]!;
      this.touched[base + used] = offset;
      this.touchedCount[this.cursor] = used + 1;
    }
    this.sums[offset]!++;
  }

  add(histogram: number, ms: number): void {
    this.addBucket(histogram, bucketIndex(ms));
  }

  /** Offset of a histogram inside `sums`, for quantiles(). */
  offsetOf(histogram: number): number {
    return histogram * BUCKET_COUNT;
  }
}
