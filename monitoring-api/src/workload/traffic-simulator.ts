// One tick (10 simulated seconds) of the application: a stream of requests
// per endpoint with log-normal latencies, database queries, errors, cache
// lookups, payments and orders, plus the slow-moving gauges (memory, disk,
// replication lag, dependency probes). All randomness comes from one seeded
// stream consumed in a fixed order, so a seed replays exactly.
import {
  C,
  COUNTER_WIDTH,
  DB_HISTOGRAM,
  endpointErrors,
  endpointRequests,
  HISTOGRAM_COUNT,
  OVERALL_HISTOGRAM,
} from './counters.js';
import { bucketIndex } from './latency-histogram.js';
import type { Random } from './prng.js';
import { RollingCounters, RollingHistograms } from './rolling-window.js';
import type { ScenarioEffects } from './scenarios.js';
import {
  CHECKOUT_ENDPOINT,
  DB_MAX_CONNECTIONS,
  DB_QUERY_MEDIAN_MS,
  DB_QUERY_SIGMA,
  ENDPOINTS,
  HEALTH_ENDPOINT,
  SLOW_QUERY_MS,
  TICKET_PRICES,
  trafficFactor,
} from './traffic-profile.js';

export const TICK_MS = 10_000;
const TICK_SECONDS = TICK_MS / 1000;
const TICKS_PER_MINUTE = 6;
const TICKS_PER_FIVE_MINUTES = 30;
const WEEK_MS = 7 * 86_400_000;
/** Processor-side failures in normal operation (card declines are not failures). */
const NORMAL_PAYMENT_FAILURE_RATE = 0.00003;
const NORMAL_CACHE_HIT_RATIO = 0.93;

export interface Gauges {
  databaseAvailable: boolean;
  memoryPercent: number;
  diskPercent: number;
  replicationLagSeconds: number;
  dbConnectionsUsed: number;
  dbPingMs: number;
  /** Share of reads served from the database's buffer cache, %. */
  dbCacheHitPercent: number;
  stripeMs: number;
  brevoMs: number;
  cachePingMs: number;
  effects: ScenarioEffects;
}

export class TrafficSimulator {
  /** Counters over the last minute (6 ticks). */
  readonly minute = new RollingCounters(TICKS_PER_MINUTE, COUNTER_WIDTH);
  /** Counters over the last five minutes (payment ratios, active users). */
  readonly fiveMinutes = new RollingCounters(TICKS_PER_FIVE_MINUTES, COUNTER_WIDTH);
  /** Latency histograms over the last minute. */
  readonly latency = new RollingHistograms(TICKS_PER_MINUTE, HISTOGRAM_COUNT);
  gauges: Gauges;

  private trafficWalk = 0;
  private memoryDrift = 0;
  private replicationLag = 0.25;

  constructor(private readonly rng: Random) {
    this.gauges = {
      databaseAvailable: true,
      memoryPercent: 52,
      diskPercent: 40,
      replicationLagSeconds: this.replicationLag,
      dbConnectionsUsed: 3,
      dbPingMs: 4,
      dbCacheHitPercent: 99.3,
      stripeMs: 230,
      brevoMs: 180,
      cachePingMs: 1.5,
      effects: {
        extraErrorRate: 0,
        latencyFactor: 1,
        dbSlowFactor: 1,
        databaseDown: false,
        paymentFailureRate: 0,
        extraMemoryPercent: 0,
      },
    };
  }

  private count(index: number, amount: number): void {
    this.minute.add(index, amount);
    this.fiveMinutes.add(index, amount);
  }

  /** Simulates the interval (t - 10 s, t]. */
  tick(t: number, effects: ScenarioEffects): void {
    this.minute.begin();
    this.fiveMinutes.begin();
    this.latency.begin();
    const rng = this.rng;

    // Slow random walk around the daily pattern, pulled back towards it.
    this.trafficWalk = this.trafficWalk * 0.995 + rng.normal() * 0.01;
    const load = trafficFactor(t) * Math.exp(this.trafficWalk);
    const dbDown = effects.databaseDown;
    const dbMedian = DB_QUERY_MEDIAN_MS * effects.dbSlowFactor;
    let dbBusyMs = 0;

    for (let e = 0; e < ENDPOINTS.length; e++) {
      const profile = ENDPOINTS[e]!;
      const requests = rng.poisson(profile.baseRps * TICK_SECONDS * load);
      const errorRate = profile.baseErrorRate + (e === HEALTH_ENDPOINT ? 0 : effects.extraErrorRate);
      let errors = 0;
      for (let r = 0; r < requests; r++) {
        let latency: number;
        let failed: boolean;
        if (dbDown && profile.dbQueries > 0) {
          // Connection refused comes back fast, as a 503.
          latency = rng.logNormal(25, 0.3);
          failed = true;
        } else {
          // One sampled query stands for the request's queries: it feeds the
          // query histogram, and the request waits for all of them.
          let dbMs = 0;
          if (profile.dbQueries > 0) {
            const queryMs = rng.logNormal(dbMedian, DB_QUERY_SIGMA);
            this.latency.add(DB_HISTOGRAM, queryMs);
            if (queryMs > SLOW_QUERY_MS) this.count(C.slowQueries, 1);
            dbMs = queryMs * profile.dbQueries;
            this.count(C.dbQueries, profile.dbQueries);
            dbBusyMs += dbMs;
          }
          latency = rng.logNormal(profile.appMedianMs * effects.latencyFactor, profile.appSigma) + dbMs;
          failed = rng.next() < errorRate;
          if (failed && profile.dbQueries > 0) this.count(C.rollbacks, 1);
        }
        const bucket = bucketIndex(latency);
        this.latency.addBucket(e, bucket);
        this.latency.addBucket(OVERALL_HISTOGRAM, bucket);
        if (failed) errors++;
        else if (e === CHECKOUT_ENDPOINT) this.charge(effects);
      }
      this.count(endpointRequests(e), requests);
      this.count(endpointErrors(e), errors);
      this.count(C.requests, requests);
      this.count(C.errors, errors);
      this.count(C.rxBytes, requests * profile.requestBytes);
      this.count(C.txBytes, (requests - errors) * profile.responseBytes + errors * 300);
      if (profile.cacheLookups > 0) {
        const lookups = requests * profile.cacheLookups;
        this.count(C.cacheLookups, lookups);
        this.count(C.cacheHits, rng.binomial(lookups, effects.cacheHitRatio ?? NORMAL_CACHE_HIT_RATIO));
      }
    }

    if (effects.paymentFailureRate > 0 && this.minute.current(C.paymentFailures) === 0) {
      // The processor is failing and customers retry: at least one failed charge per tick.
      this.count(C.paymentAttempts, 1);
      this.count(C.paymentFailures, 1);
    }
    this.count(C.authFailures, rng.poisson(0.1 + (effects.extraAuthFailures ?? 0)));
    this.count(C.signups, rng.poisson(0.04 * load));
    if (!dbDown) {
      this.count(C.deadlocks, rng.poisson(0.002 * (effects.dbSlowFactor > 1 ? 10 : 1) + (effects.extraDeadlocks ?? 0)));
      this.count(C.rollbacks, rng.poisson(0.03));
    }
    this.updateGauges(t, effects, dbBusyMs);
  }

  /** One checkout: a charge at the processor and, when it succeeds, an order. */
  private charge(effects: ScenarioEffects): void {
    const rng = this.rng;
    this.count(C.paymentAttempts, 1);
    const failureRate = effects.paymentFailureRate > 0 ? effects.paymentFailureRate : NORMAL_PAYMENT_FAILURE_RATE;
    if (rng.next() < failureRate) {
      this.count(C.paymentFailures, 1);
      return;
    }
    const tickets = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    this.count(C.orders, 1);
    this.count(C.tickets, tickets);
    this.count(C.revenue, tickets * rng.pick(TICKET_PRICES));
  }

  private updateGauges(t: number, effects: ScenarioEffects, dbBusyMs: number): void {
    const rng = this.rng;
    const dbDown = effects.databaseDown;
    // Memory: a GC sawtooth every 7 minutes on a slowly drifting baseline.
    this.memoryDrift = Math.min(6, Math.max(-3, this.memoryDrift * 0.999 + rng.normal() * 0.05));
    const sawtooth = (t % 420_000) / 420_000;
    const memory = 52 + 5 * sawtooth + this.memoryDrift + effects.extraMemoryPercent + rng.normal() * 0.3;
    // Disk: log files grow over the week, then the weekly rotation frees them.
    const disk = Math.min(
      99,
      36 + 12 * ((t % WEEK_MS) / WEEK_MS) + (effects.extraDiskPercent ?? 0) + rng.normal() * 0.05
    );
    if (!dbDown) {
      this.replicationLag = rng.logNormal(0.25 * (effects.dbSlowFactor > 1 ? 20 : 1), 0.4);
    }
    this.gauges = {
      databaseAvailable: !dbDown,
      memoryPercent: Math.min(99.5, Math.max(1, memory)),
      diskPercent: disk,
      replicationLagSeconds: this.replicationLag,
      // Little's law: average busy connections = busy time / interval, plus idle pool.
      dbConnectionsUsed: dbDown
        ? 0
        : Math.min(
            DB_MAX_CONNECTIONS,
            Math.round(2 + dbBusyMs / TICK_MS + rng.next() * 2) + (effects.extraDbConnections ?? 0)
          ),
      dbPingMs: dbDown ? 2_000 : rng.logNormal(4 * effects.dbSlowFactor, 0.25),
      dbCacheHitPercent: Math.min(
        99.9,
        (effects.dbCacheHitPercent ?? (effects.dbSlowFactor > 1 ? 95.5 : 99.3)) + rng.normal() * 0.15
      ),
      stripeMs: effects.paymentFailureRate > 0 ? rng.logNormal(900, 0.4) : rng.logNormal(230, 0.25),
      brevoMs: rng.logNormal(180, 0.3),
      cachePingMs: rng.logNormal(1.5, 0.4),
      effects,
    };
  }
}
