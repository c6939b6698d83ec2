import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from '../../src/contract/rate-limit.js';

describe('token bucket rate limiter', () => {
  it('allows a burst of the per-minute limit, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) assert.equal(limiter.take('k').allowed, true);
    const denied = limiter.take('k');
    assert.deepEqual([denied.allowed, denied.retryAfterSeconds], [false, 10]);
    now += 10_000; // one token per 10 s
    assert.equal(limiter.take('k').allowed, true);
    assert.equal(limiter.take('k').allowed, false);
    assert.equal(limiter.take('other').allowed, true, 'buckets are per key');
  });

  it('never refills above the limit', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    now += 3_600_000;
    assert.equal(limiter.take('k').remaining, 1);
  });

  it('rejects a nonsensical limit', () => {
    assert.throws(() => new RateLimiter(0), /positive whole number/);
  });
});
