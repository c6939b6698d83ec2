// Token bucket per caller: a full bucket holds one minute's allowance and
// refills continuously, so short bursts pass and sustained overuse gets 429.
// It runs on real (monotonic) time, never on the simulated clock.
import { performance } from 'node:perf_hooks';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until one more request is allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Idle full buckets carry no information; forget them to bound memory. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly limitPerMinute: number,
    private readonly nowMs: () => number = () => performance.now()
  ) {
    if (!Number.isInteger(limitPerMinute) || limitPerMinute < 1) {
      throw new Error(`Rate limit must be a positive whole number of requests per minute, got ${limitPerMinute}`);
    }
    this.refillPerMs = limitPerMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.nowMs();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, limit: this.limitPerMinute, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return {
      allowed: false,
      limit: this.limitPerMinute,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) {
        this.evictFullBuckets(now);
      }
      bucket = { tokens: this.limitPerMinute, updatedAt: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.limitPerMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  private evictFullBuckets(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.limitPerMinute) {
        this.buckets.delete(key);
      }
    }
    // Every bucket is busy: drop the oldest rather than grow without bound.
    if (this.buckets.size >= MAX_BUCKETS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) {
        this.buckets.delete(oldest);
      }
    }
  }
}
