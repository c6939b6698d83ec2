// Log-bucketed latency histogram (as HDR or Prometheus native histograms do):
// O(1) inserts, ~5% relative error on quantiles, fixed memory whatever the
// traffic. Buckets grow by 10% from 0.5 ms to past 2 minutes.

const MIN_MS = 0.5;
const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);
export const BUCKET_COUNT = Math.ceil(Math.log(150_000 / MIN_MS) / LOG_GROWTH) + 1;

export function bucketIndex(ms: number): number {
  if (ms <= MIN_MS) return 0;
  const index = Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1;
  return index < BUCKET_COUNT ? index : BUCKET_COUNT - 1;
}

/** Upper bound of each bucket (bucket 0 holds everything up to MIN_MS). */
const UPPER = Float64Array.from({ length: BUCKET_COUNT }, (_, i) => MIN_MS * GROWTH ** i);

function bucketLower(index: number): number {
  return index === 0 ? 0 : UPPER[index - 1]!;
}

function bucketUpper(index: number): number {
  return UPPER[index]!;
}

/**
 * Quantiles (each in (0, 1], ascending) of the histogram stored in
 * counts[offset .. offset + BUCKET_COUNT). Interpolates inside a bucket.
 * Returns NaN for an empty histogram.
 */
export function quantiles(counts: ArrayLike<number>, offset: number, qs: readonly number[]): number[] {
  let total = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) total += counts[offset + i]!;
  if (total === 0) return qs.map(() => NaN);
  const results: number[] = [];
  let q = 0;
  let seen = 0;
  for (let i = 0; i < BUCKET_COUNT && q < qs.length; i++) {
    const inBucket = counts[offset + i]!;
    if (inBucket === 0) continue;
    while (q < qs.length && seen + inBucket >= qs[q]! * total) {
      const fraction = (qs[q]! * total - seen) / inBucket;
      const lower = bucketLower(i);
      results.push(lower + (bucketUpper(i) - lower) * Math.min(1, Math.max(0, fraction)));
      q++;
    }
    seen += inBucket;
  }
  while (results.length < qs.length) results.push(bucketUpper(BUCKET_COUNT - 1));
  return results;
}
