// Health of the application's dependencies as its health check would see
// them, and the overall status and score derived from them.
import type { HealthReport, HealthStatus, ServiceHealth } from '../contract/types.js';
import type { Thresholds } from './alerts/rules.js';
import type { Gauges } from './traffic-simulator.js';

/** How much each dependency weighs in the health score. */
const WEIGHTS: Record<string, number> = { database: 4, stripe: 2, brevo: 1, cache: 1 };
const STATUS_CREDIT: Record<HealthStatus, number> = { healthy: 1, degraded: 0.5, unhealthy: 0 };
/** Dependencies without which the application cannot serve. */
const CRITICAL = new Set(['database']);
const EXTERNAL_API_DEGRADED_MS = 1_000;
const CACHE_DEGRADED_HIT_PERCENT = 80;

export interface HealthInputs {
  gauges: Gauges;
  /** Database query p95 over the last minute, ms (NaN without queries). */
  dbQueryP95Ms: number;
  /** Cache hit rate over the last minute, % (NaN without lookups). */
  cacheHitPercent: number;
  thresholds: Thresholds;
}

function service(status: HealthStatus, responseTime: number, error?: string): ServiceHealth {
  return { status, responseTime: Math.round(responseTime), ...(error ? { error } : {}) };
}

function database(inputs: HealthInputs): ServiceHealth {
  const { gauges, dbQueryP95Ms, thresholds } = inputs;
  if (!gauges.databaseAvailable) {
    return service('unhealthy', gauges.dbPingMs, 'Connection refused (ECONNREFUSED); circuit breaker open.');
  }
  const slowest = Math.max(gauges.dbPingMs, Number.isNaN(dbQueryP95Ms) ? 0 : dbQueryP95Ms);
  if (slowest > thresholds.DB_RESPONSE_THRESHOLD) {
    return service(
      'degraded',
      gauges.dbPingMs,
      `Query p95 ${Math.round(slowest)} ms is above ${thresholds.DB_RESPONSE_THRESHOLD} ms.`
    );
  }
  return service('healthy', gauges.dbPingMs);
}

function externalApi(ms: number, failing: boolean, failure: string): ServiceHealth {
  if (failing) return service('degraded', ms, failure);
  if (ms > EXTERNAL_API_DEGRADED_MS) return service('degraded', ms, `Responses take ${Math.round(ms)} ms.`);
  return service('healthy', ms);
}

function cache(inputs: HealthInputs): ServiceHealth {
  const hit = inputs.cacheHitPercent;
  if (!Number.isNaN(hit) && hit < CACHE_DEGRADED_HIT_PERCENT) {
    return service(
      'degraded',
      inputs.gauges.cachePingMs,
      `Hit rate ${hit.toFixed(1)}% (evictions under memory pressure).`
    );
  }
  return service('healthy', inputs.gauges.cachePingMs);
}

export function assessHealth(inputs: HealthInputs): Omit<HealthReport, 'timestamp'> {
  const services: Record<string, ServiceHealth> = {
    database: database(inputs),
    stripe: externalApi(
      inputs.gauges.stripeMs,
      inputs.gauges.effects.paymentFailureRate > 0,
      'The payment processor is failing charges.'
    ),
    brevo: externalApi(inputs.gauges.brevoMs, false, ''),
    cache: cache(inputs),
  };
  let weighted = 0;
  let total = 0;
  let status: HealthStatus = 'healthy';
  for (const [name, svc] of Object.entries(services)) {
    const weight = WEIGHTS[name] ?? 1;
    weighted += weight * STATUS_CREDIT[svc.status];
    total += weight;
    if (svc.status === 'unhealthy' && CRITICAL.has(name)) status = 'unhealthy';
    else if (svc.status !== 'healthy' && status === 'healthy') status = 'degraded';
  }
  return { status, health_score: Math.round((100 * weighted) / total), services };
}
