// Time sources. Everything in the workload reads time through Clock so tests
// can step a ManualClock, and demos can run the simulated clock faster than
// real time (CLOCK_SPEED) or jump it forward (admin clock control).
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Unix milliseconds. */
  now(): number;
}

export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

export interface SimulationClockOptions {
  /** Simulated unix ms at construction time. */
  start: number;
  /** Simulated seconds per real second (1 = real time). */
  speed: number;
  /** Monotonic real milliseconds; injectable for tests. */
  realNow?: () => number;
}

/** Real time, optionally sped up, plus an offset that only moves forward. */
export class SimulationClock implements Clock {
  private readonly start: number;
  private readonly realStart: number;
  private readonly realNow: () => number;
  private offset = 0;
  readonly speed: number;

  constructor(options: SimulationClockOptions) {
    if (!(options.speed > 0) || !Number.isFinite(options.speed)) {
      throw new Error(`Clock speed must be a positive number, got ${options.speed}`);
    }
    this.realNow = options.realNow ?? (() => performance.now());
    this.start = options.start;
    this.realStart = this.realNow();
    this.speed = options.speed;
  }

  now(): number {
    return Math.floor(this.start + (this.realNow() - this.realStart) * this.speed + this.offset);
  }

  /** Jumps simulated time forward; the workload catches up on its next read. */
  advance(ms: number): void {
    if (!(ms >= 0)) {
      throw new Error(`The clock only moves forward; got ${ms} ms`);
    }
    this.offset += ms;
  }
}
