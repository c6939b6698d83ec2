// Every metric the workload exposes: name, unit, category, description and
// how to compute it from the rolling windows. The same table feeds the
// current snapshot, the Prometheus/Datadog exports and the history.
import type { MetricDescriptor } from '../contract/source.js';
import { C, DB_HISTOGRAM, endpointErrors, endpointRequests, OVERALL_HISTOGRAM } from './counters.js';
import { quantiles } from './latency-histogram.js';
import type { ProcessSample } from './process-metrics.js';
import { DB_MAX_CONNECTIONS, ENDPOINTS } from './traffic-profile.js';
import type { TrafficSimulator } from './traffic-simulator.js';

const QUANTILES = [0.5, 0.95, 0.99] as const;

/** Read-only view of the workload at one tick; memoises quantile scans. */
export class WorkloadView {
  private readonly quantileCache = new Map<number, number[]>();

  constructor(
    readonly sim: TrafficSimulator,
    /** Undefined for ticks replayed before the server started. */
    readonly process: ProcessSample | undefined,
    readonly revenueToday: number,
    readonly uptimePercent: number
  ) {}

  quantile(histogram: number, which: 0 | 1 | 2): number {
    let values = this.quantileCache.get(histogram);
    if (!values) {
      values = quantiles(this.sim.latency.sums, this.sim.latency.offsetOf(histogram), QUANTILES);
      this.quantileCache.set(histogram, values);
    }
    return values[which]!;
  }

  perMinute(counter: number): number {
    return this.sim.minute.sum(counter);
  }

  ratioPercent(part: number, whole: number, empty: number): number {
    return whole > 0 ? (100 * part) / whole : empty;
  }
}

export interface MetricDefinition extends MetricDescriptor {
  /** Also reported once per endpoint, with an "endpoint" label. */
  perEndpoint: boolean;
  /** Real process figure (not replayable from the seed). */
  real: boolean;
  decimals: number;
  /** NaN means "no data" (the sample is left out). */
  value(view: WorkloadView, endpoint?: number): number;
}

type Definition = Omit<MetricDefinition, 'perEndpoint' | 'real'> &
  Partial<Pick<MetricDefinition, 'perEndpoint' | 'real'>>;

function requestsPerSecond(view: WorkloadView, endpoint?: number): number {
  return view.perMinute(endpoint === undefined ? C.requests : endpointRequests(endpoint)) / 60;
}

function errorRatePercent(view: WorkloadView, endpoint?: number): number {
  const requests = view.perMinute(endpoint === undefined ? C.requests : endpointRequests(endpoint));
  const errors = view.perMinute(endpoint === undefined ? C.errors : endpointErrors(endpoint));
  return view.ratioPercent(errors, requests, 0);
}

function latency(which: 0 | 1 | 2) {
  return (view: WorkloadView, endpoint?: number) => view.quantile(endpoint ?? OVERALL_HISTOGRAM, which);
}

function paymentSuccessPercent(view: WorkloadView): number {
  const attempts = view.sim.fiveMinutes.sum(C.paymentAttempts);
  return view.ratioPercent(attempts - view.sim.fiveMinutes.sum(C.paymentFailures), attempts, 100);
}

const DEFINITIONS: Definition[] = [
  // system
  {
    name: 'system.cpu.usage',
    unit: '%',
    category: 'system',
    description: 'CPU time used by this server process, share of all cores',
    decimals: 2,
    real: true,
    value: (v) => (v.process ? (v.sim.gauges.effects.cpuPercent ?? v.process.cpuPercent) : NaN),
  },
  {
    name: 'system.load.average_1m',
    unit: 'count',
    category: 'system',
    description: 'One-minute load average of the host',
    decimals: 2,
    real: true,
    value: (v) => v.process?.loadAverage1m ?? NaN,
  },
  {
    name: 'system.memory.usage',
    unit: '%',
    category: 'system',
    description: 'Memory utilization of the application instance',
    decimals: 2,
    value: (v) => v.sim.gauges.memoryPercent,
  },
  {
    name: 'system.memory.heap_used',
    unit: 'bytes',
    category: 'system',
    description: 'V8 heap in use by this server process',
    decimals: 0,
    real: true,
    value: (v) => v.process?.heapUsedBytes ?? NaN,
  },
  {
    name: 'system.memory.rss',
    unit: 'bytes',
    category: 'system',
    description: 'Resident memory of this server process',
    decimals: 0,
    real: true,
    value: (v) => v.process?.rssBytes ?? NaN,
  },
  {
    name: 'system.disk.usage',
    unit: '%',
    category: 'system',
    description: 'Disk utilization of the data volume',
    decimals: 2,
    value: (v) => v.sim.gauges.diskPercent,
  },
  {
    name: 'system.network.rx_bytes_rate',
    unit: 'bytes/s',
    category: 'system',
    description: 'Bytes received per second',
    decimals: 0,
    value: (v) => v.perMinute(C.rxBytes) / 60,
  },
  {
    name: 'system.network.tx_bytes_rate',
    unit: 'bytes/s',
    category: 'system',
    description: 'Bytes sent per second',
    decimals: 0,
    value: (v) => v.perMinute(C.txBytes) / 60,
  },
  {
    name: 'system.event_loop.lag_p99',
    unit: 'ms',
    category: 'system',
    description: '99th percentile event loop delay of this server process',
    decimals: 2,
    real: true,
    value: (v) => v.process?.eventLoopLagP99Ms ?? NaN,
  },
  // api
  {
    name: 'api.requests.rate',
    unit: 'req/s',
    category: 'api',
    description: 'Requests per second over the last minute',
    decimals: 3,
    perEndpoint: true,
    value: requestsPerSecond,
  },
  {
    name: 'api.error_rate',
    unit: '%',
    category: 'api',
    description: 'Share of requests that failed over the last minute',
    decimals: 2,
    perEndpoint: true,
    value: errorRatePercent,
  },
  {
    name: 'errors.rate',
    unit: 'count/min',
    category: 'api',
    description: 'Errors per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.errors),
  },
  {
    name: 'api.response_time.p50',
    unit: 'ms',
    category: 'api',
    description: 'Median response time',
    decimals: 1,
    perEndpoint: true,
    value: latency(0),
  },
  {
    name: 'api.response_time.p95',
    unit: 'ms',
    category: 'api',
    description: '95th percentile response time',
    decimals: 1,
    perEndpoint: true,
    value: latency(1),
  },
  {
    name: 'api.response_time.p99',
    unit: 'ms',
    category: 'api',
    description: '99th percentile response time',
    decimals: 1,
    perEndpoint: true,
    value: latency(2),
  },
  {
    name: 'auth.failures.rate',
    unit: 'count/min',
    category: 'api',
    description: 'Rejected logins and API keys per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.authFailures),
  },
  {
    name: 'uptime.percentage',
    unit: '%',
    category: 'api',
    description: 'System availability over the SLA window',
    decimals: 3,
    value: (v) => v.uptimePercent,
  },
  // database
  {
    name: 'database.available',
    unit: 'bool',
    category: 'database',
    description: 'Whether the database accepts connections (1) or not (0)',
    decimals: 0,
    value: (v) => (v.sim.gauges.databaseAvailable ? 1 : 0),
  },
  {
    name: 'database.connections.used',
    unit: 'count',
    category: 'database',
    description: 'Database connections in use',
    decimals: 0,
    value: (v) => v.sim.gauges.dbConnectionsUsed,
  },
  {
    name: 'database.connections.max',
    unit: 'count',
    category: 'database',
    description: 'Size of the database connection pool',
    decimals: 0,
    value: () => DB_MAX_CONNECTIONS,
  },
  {
    name: 'database.query_time.p95',
    unit: 'ms',
    category: 'database',
    description: '95th percentile database query time',
    decimals: 1,
    value: (v) => v.quantile(DB_HISTOGRAM, 1),
  },
  {
    name: 'database.slow_queries.rate',
    unit: 'count/min',
    category: 'database',
    description: 'Queries slower than 1 s per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.slowQueries),
  },
  {
    name: 'database.cache_hit_ratio',
    unit: '%',
    category: 'database',
    description: 'Reads served from the database buffer cache',
    decimals: 2,
    value: (v) => v.sim.gauges.dbCacheHitPercent,
  },
  {
    name: 'database.replication_lag',
    unit: 'seconds',
    category: 'database',
    description: 'Replica lag behind the primary',
    decimals: 3,
    value: (v) => v.sim.gauges.replicationLagSeconds,
  },
  {
    name: 'database.deadlocks.rate',
    unit: 'count/min',
    category: 'database',
    description: 'Deadlocks per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.deadlocks),
  },
  {
    name: 'database.rollbacks.rate',
    unit: 'count/min',
    category: 'database',
    description: 'Rolled back transactions per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.rollbacks),
  },
  // cache
  {
    name: 'cache.hit_rate',
    unit: '%',
    category: 'cache',
    description: 'Share of cache lookups that hit',
    decimals: 2,
    value: (v) => v.ratioPercent(v.perMinute(C.cacheHits), v.perMinute(C.cacheLookups), NaN),
  },
  // business
  {
    name: 'payments.success_rate',
    unit: '%',
    category: 'business',
    description: 'Payment success percentage over the last 5 minutes',
    decimals: 2,
    value: paymentSuccessPercent,
  },
  {
    name: 'payments.failure_rate',
    unit: '%',
    category: 'business',
    description: 'Payments the processor failed over the last 5 minutes',
    decimals: 2,
    value: (v) => 100 - paymentSuccessPercent(v),
  },
  {
    name: 'payments.failures.rate',
    unit: 'count/min',
    category: 'business',
    description: 'Failed payments per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.paymentFailures),
  },
  {
    name: 'payments.revenue.total',
    unit: 'USD',
    category: 'business',
    description: 'Revenue since midnight UTC',
    decimals: 2,
    value: (v) => v.revenueToday,
  },
  {
    name: 'payments.revenue.rate',
    unit: 'USD/min',
    category: 'business',
    description: 'Revenue per minute',
    decimals: 2,
    value: (v) => v.perMinute(C.revenue),
  },
  {
    name: 'orders.rate',
    unit: 'count/min',
    category: 'business',
    description: 'Orders per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.orders),
  },
  {
    name: 'tickets.sold.rate',
    unit: 'count/min',
    category: 'business',
    description: 'Tickets sold per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.tickets),
  },
  {
    name: 'users.active',
    unit: 'count',
    category: 'business',
    description: 'Users active in the last 5 minutes',
    decimals: 0,
    value: (v) => Math.round(v.sim.fiveMinutes.sum(C.requests) * 0.12),
  },
  {
    name: 'users.signups.rate',
    unit: 'count/min',
    category: 'business',
    description: 'New accounts per minute',
    decimals: 0,
    value: (v) => v.perMinute(C.signups),
  },
];

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = DEFINITIONS.map((d) => ({
  perEndpoint: false,
  real: false,
  ...d,
}));

export function definitionByName(name: string): MetricDefinition | undefined {
  return METRIC_DEFINITIONS.find((d) => d.name === name);
}

/** One stored/exported series: a metric, optionally for one endpoint. */
export interface SeriesKey {
  definition: MetricDefinition;
  endpoint?: number;
  labels: Record<string, string>;
}

export const SERIES: readonly SeriesKey[] = METRIC_DEFINITIONS.flatMap((definition) => [
  { definition, labels: {} },
  ...(definition.perEndpoint
    ? ENDPOINTS.map((profile, endpoint) => ({ definition, endpoint, labels: { endpoint: profile.path } }))
    : []),
]);

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
