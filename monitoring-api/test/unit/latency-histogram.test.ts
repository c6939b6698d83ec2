import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUCKET_COUNT, bucketIndex, quantiles } from '../../src/workload/latency-histogram.js';
import { RollingHistograms } from '../../src/workload/rolling-window.js';

describe('latency histogram', () => {
  it('estimates quantiles within the bucket error (10%)', () => {
    const counts = new Uint32Array(BUCKET_COUNT);
    // 1..1000 ms, once each: p50 = 500, p95 = 950, p99 = 990.
    for (let ms = 1; ms <= 1000; ms++) counts[bucketIndex(ms)]!++;
    const [p50, p95, p99] = quantiles(counts, 0, [0.5, 0.95, 0.99]);
    for (const [estimate, exact] of [
      [p50!, 500],
      [p95!, 950],
      [p99!, 990],
    ] as const) {
      assert.ok(Math.abs(estimate - exact) / exact < 0.1, `${estimate} vs ${exact}`);
    }
  });

  it('returns NaN for an empty histogram and clamps huge values into the last bucket', () => {
    assert.ok(quantiles(new Uint32Array(BUCKET_COUNT), 0, [0.5]).every(Number.isNaN));
    assert.equal(bucketIndex(1e9), BUCKET_COUNT - 1);
    assert.equal(bucketIndex(0), 0);
  });

  it('rolls a window of ticks: old ticks leave it', () => {
    const window = new RollingHistograms(2, 1);
    window.begin();
    window.add(0, 10);
    window.begin();
    window.add(0, 1000);
    assert.equal(
      window.sums.reduce((a, b) => a + b, 0),
      2
    );
    window.begin(); // the tick holding 10 ms falls out
    const [median] = quantiles(window.sums, 0, [0.5]);
    assert.ok(median! > 900, `${median}`);
  });
});
