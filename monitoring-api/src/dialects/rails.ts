// A Rails API with jsonapi-serializer: {"data":[{"id","type","attributes"}],
// "meta":{...}} documents, created_at, and a controller that never sees
// ?action= because Rails reserves that parameter for the action name.
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type { Alert, HealthReport, HealthStatus, MetricsReport, UptimeReport } from '../contract/types.js';
import { alwaysOk, json, passthrough, reshape } from './replies.js';
import { tagStrings } from './reshape.js';
import type { Dialect } from './types.js';

const WORD: Record<HealthStatus, string> = { healthy: 'ok', degraded: 'degraded', unhealthy: 'down' };

// Service status as a bare word, response times beside it.
function health(ref: HealthReport) {
  const services: Record<string, string> = {};
  const responseTimes: Record<string, number> = {};
  for (const [name, s] of Object.entries(ref.services)) {
    const key = name === 'cache' ? 'redis' : name;
    services[key] = WORD[s.status];
    responseTimes[key] = s.responseTime;
  }
  services.sidekiq = 'ok';
  return {
    status: WORD[ref.status],
    health_score: ref.health_score,
    services,
    response_times: responseTimes,
    timestamp: ref.timestamp,
  };
}

function uptime(ref: UptimeReport) {
  return {
    data: {
      id: 'current',
      type: 'uptime',
      attributes: {
        formatted: ref.uptime.formatted,
        percentage: ref.uptime.percentage,
        seconds: ref.uptime.seconds,
        sla_target: ref.sla.target,
        sla_compliance: {
          overall: ref.sla.compliance.overall,
          uptime: ref.sla.compliance.uptime,
          error_rate: ref.sla.compliance.errorRate,
        },
      },
    },
    meta: { status: WORD[ref.status], generated_at: ref.timestamp },
  };
}

function metrics(ref: MetricsReport) {
  return {
    data: ref.metrics.map((m, i) => ({
      id: String(i + 1),
      type: 'metric',
      attributes: { name: m.name, value: m.value, unit: m.unit, category: m.category, tags: tagStrings(m.labels) },
    })),
    meta: { count: ref.metrics.length, created_at: ref.timestamp },
  };
}

function alerts(ref: { timestamp: string; alerts: Alert[] }) {
  return {
    data: ref.alerts.map((a) => ({
      id: a.id,
      type: 'alert',
      attributes: {
        rule: a.rule,
        title: a.name,
        severity: a.severity,
        message: a.description,
        value: a.value,
        threshold: a.threshold,
        created_at: a.started_at,
        acknowledged: a.status === 'acknowledged',
        acknowledged_at: a.acknowledged_at,
      },
    })),
    meta: { total: ref.alerts.length },
  };
}

function dashboard(ref: DashboardReport) {
  return {
    data: {
      id: 'current',
      type: 'dashboard',
      attributes: {
        status: WORD[ref.status],
        health_score: ref.health_score,
        uptime_percentage: ref.uptime_percentage,
        ...ref.summary,
      },
    },
    meta: { created_at: ref.timestamp },
  };
}

const metricsJson = reshape(metrics, { format: null });
const activeAlerts = reshape(alerts, { action: null });

export const rails: Dialect = {
  name: 'rails',
  summary: 'Ruby on Rails API with JSON:API documents',
  varies: [
    'JSON:API documents: {"data":[{"id","type","attributes":{...}}],"meta":{...}}; snake_case; `created_at`',
    'health answers 200 even when a service is down; services as bare status words ({"database":"ok"}) with `response_times` beside them; cache → `redis`, an extra `sidekiq` service',
    'metrics with Datadog-style tag strings (`endpoint:/api/tickets`); format=prometheus and format=datadog are ignored (JSON)',
    'action= is ignored (Rails reserves it): action=configuration and action=history both answer the active alerts',
    'dashboard figures in `data.attributes`',
    'no optional extensions: 404 {"status":404,"error":"Not Found"}',
  ],
  endpoints: {
    health: alwaysOk(reshape(health)),
    uptime: reshape(uptime),
    metrics: metricsJson,
    'metrics.prometheus': metricsJson,
    'metrics.datadog': metricsJson,
    'alerts.active': activeAlerts,
    'alerts.configuration': activeAlerts,
    'alerts.history': activeAlerts,
    'alerts.write': passthrough,
    dashboard: reshape(dashboard, { format: null, platform: null }),
    'dashboard.html': reshape(dashboard, { format: null, platform: null }),
    'dashboard.grafana': reshape(dashboard, { format: null, platform: null }),
  },
  notFound: () => json(404, { status: 404, error: 'Not Found' }),
};
