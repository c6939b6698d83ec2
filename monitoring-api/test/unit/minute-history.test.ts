import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AvailabilityWindow } from '../../src/history/availability-window.js';
import { MINUTE_MS, MinuteHistory } from '../../src/history/minute-history.js';

const T0 = Date.parse('2025-03-03T00:00:00Z');
const minute = (n: number) => T0 + n * MINUTE_MS;

describe('minute history ring', () => {
  it('costs series x minutes x 8 bytes, fixed', () => {
    assert.equal(new MinuteHistory(66, 43_200).bytes, 66 * 43_200 * 8);
  });

  it('aggregates step buckets aligned to the step, with mean, last and min', () => {
    const h = new MinuteHistory(1, 60);
    for (let m = 0; m < 10; m++) h.write(minute(m), [m]);
    assert.deepEqual(h.query(0, minute(0), minute(10), 5 * MINUTE_MS, 'mean'), [
      [minute(0), 2],
      [minute(5), 7],
    ]);
    assert.deepEqual(h.query(0, minute(0), minute(10), 5 * MINUTE_MS, 'last'), [
      [minute(0), 4],
      [minute(5), 9],
    ]);
    assert.deepEqual(h.query(0, minute(0), minute(10), 5 * MINUTE_MS, 'min'), [
      [minute(0), 0],
      [minute(5), 5],
    ]);
    // from inside a bucket: the first point is the next aligned bucket.
    assert.deepEqual(h.query(0, minute(2), minute(10), 5 * MINUTE_MS, 'mean'), [[minute(5), 7]]);
  });

  it('forgets minutes older than its capacity and leaves gaps for missing data', () => {
    const h = new MinuteHistory(2, 5);
    for (let m = 0; m < 8; m++) h.write(minute(m), [m, m % 2 === 0 ? NaN : m]);
    assert.ok(Number.isNaN(h.valueAt(0, minute(2).valueOf() / MINUTE_MS)), 'minute 2 fell out of a 5-minute ring');
    assert.equal(h.valueAt(0, minute(3) / MINUTE_MS), 3);
    assert.deepEqual(h.query(1, minute(0), minute(8), MINUTE_MS, 'mean'), [
      [minute(3), 3],
      [minute(5), 5],
      [minute(7), 7],
    ]);
  });

  it('turns skipped minutes into gaps and refuses to go back in time', () => {
    const h = new MinuteHistory(1, 10);
    h.write(minute(0), [1]);
    h.write(minute(3), [4]);
    assert.deepEqual(h.query(0, minute(0), minute(4), MINUTE_MS, 'mean'), [
      [minute(0), 1],
      [minute(3), 4],
    ]);
    assert.throws(() => h.write(minute(3), [5]), /append-only/);
    assert.throws(() => h.write(minute(4), [1, 2]), /Expected 1 values/);
  });
});

describe('availability window', () => {
  it('keeps running availability and error ratio over its capacity', () => {
    const w = new AvailabilityWindow(4);
    assert.equal(w.availabilityPercent(), 100);
    w.record(true, 100, 1);
    w.record(false, 100, 50);
    assert.equal(w.availabilityPercent(), 50);
    assert.equal(w.errorRatio(), 51 / 200);
    for (let i = 0; i < 4; i++) w.record(true, 100, 0); // the bad minute falls out
    assert.equal(w.availabilityPercent(), 100);
    assert.equal(w.errorRatio(), 0);
  });
});
