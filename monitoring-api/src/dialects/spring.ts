// A Spring Boot service: actuator-style health ({"status":"UP",
// "components":{...}}), Jackson camelCase, times with a +00:00 offset,
// metrics as a name -> number map, Prometheus text from the registry.
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type {
  Alert,
  AlertConfiguration,
  HealthReport,
  HealthStatus,
  MetricsReport,
  UptimeReport,
} from '../contract/types.js';
import { json, passthrough, reshape } from './replies.js';
import { byEndpoint, forDuration, isoDuration, isoOffset, nullable, valueMap } from './reshape.js';
import type { Dialect } from './types.js';

const STATUS: Record<HealthStatus, string> = { healthy: 'UP', degraded: 'DEGRADED', unhealthy: 'DOWN' };
const COMPONENT: Record<string, string> = { database: 'db', brevo: 'mail', cache: 'redis' };

function health(ref: HealthReport) {
  const components: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(ref.services)) {
    const details: Record<string, unknown> = { responseTime: s.responseTime };
    if (name === 'database') details.database = 'PostgreSQL';
    if (s.error) details.error = s.error;
    components[COMPONENT[name] ?? name] = { status: STATUS[s.status], details };
  }
  components.ping = { status: 'UP' };
  return { status: STATUS[ref.status], components };
}

function uptime(ref: UptimeReport) {
  const startedAt = new Date(Date.parse(ref.timestamp) - ref.uptime.seconds * 1000).toISOString();
  return {
    status: STATUS[ref.status],
    uptime: {
      formatted: ref.uptime.formatted,
      percentage: ref.uptime.percentage,
      duration: isoDuration(ref.uptime.seconds),
    },
    sla: { target: ref.sla.target, compliance: ref.sla.compliance },
    startedAt: isoOffset(startedAt),
    timestamp: isoOffset(ref.timestamp),
  };
}

function metrics(ref: MetricsReport) {
  return {
    timestamp: isoOffset(ref.timestamp),
    metrics: valueMap(ref.metrics),
    byEndpoint: byEndpoint(ref.metrics),
  };
}

function alert(a: Alert) {
  return {
    id: a.id,
    ruleName: a.rule,
    name: a.name,
    severity: a.severity.toUpperCase(),
    status: a.status.toUpperCase(),
    message: a.description,
    metric: a.metric,
    value: a.value,
    threshold: a.threshold,
    triggeredAt: isoOffset(a.started_at),
    acknowledged: a.status === 'acknowledged',
    acknowledgedAt: nullable(a.acknowledged_at, isoOffset),
    labels: a.labels,
  };
}

function alerts(ref: { alerts: Alert[] }) {
  return { count: ref.alerts.length, active: ref.alerts.map(alert) };
}

function configuration(ref: AlertConfiguration) {
  return {
    rules: ref.rules.map((r) => ({
      name: r.name,
      severity: r.severity.toUpperCase(),
      metric: r.metric,
      operator: r.operator,
      threshold: r.threshold,
      unit: r.unit,
      forDuration: forDuration(r),
    })),
  };
}

function dashboard(ref: DashboardReport) {
  const s = ref.summary;
  return {
    status: STATUS[ref.status],
    healthScore: ref.health_score,
    uptimePercentage: ref.uptime_percentage,
    metrics: {
      requestsPerMinute: s.requests_per_minute,
      errorRate: s.error_rate,
      responseTimeP95: s.response_time_p95,
      activeAlerts: s.active_alerts,
      paymentSuccessRate: s.payments_success_rate,
      revenueToday: s.revenue_today,
      activeUsers: s.active_users,
    },
    generatedAt: isoOffset(ref.timestamp),
  };
}

const metricsJson = reshape(metrics, { format: null });

export const spring: Dialect = {
  name: 'spring',
  summary: 'Spring Boot with actuator-style health and Jackson defaults',
  varies: [
    'health as {"status":"UP","components":{"db":{"status":"UP","details":{...}}}} with UP, DEGRADED, DOWN; database → `db`, brevo → `mail`, cache → `redis`, an extra `ping` component',
    'camelCase everywhere; times with a +00:00 offset; uptime adds an ISO 8601 duration (`PT24H0M3S`)',
    'metrics as a name → number map plus `byEndpoint`; format=prometheus answers Prometheus text, format=datadog is ignored (JSON)',
    'alerts under `active` with `triggeredAt`, `ruleName` and upper-case severities',
    'dashboard figures under `metrics`',
    'no optional extensions: capabilities, history and incidents answer the Whitelabel 404 body',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: metricsJson,
    'metrics.prometheus': passthrough,
    'metrics.datadog': metricsJson,
    'alerts.active': reshape(alerts),
    'alerts.configuration': reshape(configuration),
    'alerts.history': async (req) =>
      json(400, { timestamp: isoOffset(new Date().toISOString()), status: 400, error: 'Bad Request', path: req.path }),
    'alerts.write': passthrough,
    dashboard: reshape(dashboard),
  },
  notFound: (path) =>
    json(404, { timestamp: isoOffset(new Date().toISOString()), status: 404, error: 'Not Found', path }),
};
