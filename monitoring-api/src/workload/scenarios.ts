// Workload states that should fire the seed's alert rules. Each one moves
// the workload on the next tick; the rule then fires after its "for" window.

export const SCENARIOS = [
  'normal',
  'error_spike',
  'payment_failures',
  'slow_database',
  'memory_pressure',
  'database_down',
  'resource_exhaustion',
  'auth_attack',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioEffects {
  /** Added to every endpoint's error share (health probes excepted). */
  extraErrorRate: number;
  /** Multiplies application time. */
  latencyFactor: number;
  /** Multiplies database query time. */
  dbSlowFactor: number;
  databaseDown: boolean;
  /** Share of payment attempts the processor rejects; at least one per tick. */
  paymentFailureRate: number;
  /** Added to memory utilisation, in percentage points. */
  extraMemoryPercent: number;
  /** Cache hit ratio (0-1) while it applies, undefined for normal. */
  cacheHitRatio?: number;
  /** CPU usage reported instead of the process's own (%), undefined for normal. */
  cpuPercent?: number;
  /** Added to disk utilisation, in percentage points. */
  extraDiskPercent?: number;
  /** Database buffer cache hit ratio (%) while it applies. */
  dbCacheHitPercent?: number;
  /** Extra deadlocks per tick (Poisson mean). */
  extraDeadlocks?: number;
  /** Database connections held on top of the busy ones (a leak, long transactions). */
  extraDbConnections?: number;
  /** Extra rejected logins per tick (Poisson mean). */
  extraAuthFailures?: number;
}

const NORMAL: ScenarioEffects = {
  extraErrorRate: 0,
  latencyFactor: 1,
  dbSlowFactor: 1,
  databaseDown: false,
  paymentFailureRate: 0,
  extraMemoryPercent: 0,
};

export const SCENARIO_EFFECTS: Record<ScenarioName, ScenarioEffects> = {
  normal: NORMAL,
  // About 12% of requests fail: api.error_rate > 5% -> high_error_rate after 5 min.
  error_spike: { ...NORMAL, extraErrorRate: 0.12, latencyFactor: 1.2 },
  // A quarter of charges fail: payments.failure_rate > 1% -> payment_failures at once.
  payment_failures: { ...NORMAL, paymentFailureRate: 0.25 },
  // Queries take ~150x longer: p95 > 2 s -> slow_api_response after 3 min.
  slow_database: { ...NORMAL, dbSlowFactor: 150 },
  // Memory near 90%, above 85% through the GC sawtooth's dips and the baseline's drift:
  // system.memory.usage > 80% -> high_memory_usage after 10 min.
  memory_pressure: { ...NORMAL, extraMemoryPercent: 37, latencyFactor: 1.3, cacheHitRatio: 0.74 },
  // Connections refused: database.available = 0 -> database_unavailable at once.
  database_down: { ...NORMAL, databaseDown: true },
  // The host runs out of everything at once: CPU ~97%, memory ~99%, disk ~99%,
  // cache hit rate ~55%, database cache hit ratio ~85%, a few deadlocks a minute,
  // the connection pool nearly exhausted.
  resource_exhaustion: {
    ...NORMAL,
    extraMemoryPercent: 47,
    cacheHitRatio: 0.55,
    cpuPercent: 97,
    extraDiskPercent: 55,
    dbCacheHitPercent: 85,
    extraDeadlocks: 0.5,
    extraDbConnections: 14,
  },
  // Password guessing: about 120 rejected logins a minute.
  auth_attack: { ...NORMAL, extraAuthFailures: 20 },
};

/** Scenarios the history backfill replays (the others are only set through the admin API). */
export type BackfillScenario = Exclude<ScenarioName, 'normal' | 'resource_exhaustion' | 'auth_attack'>;

/** Typical length of each scenario when the history backfill plays it. */
export const BACKFILL_DURATION_MINUTES: Record<BackfillScenario, [number, number]> = {
  error_spike: [8, 20],
  payment_failures: [4, 15],
  slow_database: [6, 25],
  memory_pressure: [14, 45],
  database_down: [2, 8],
};
