// A NestJS app: @nestjs/terminus health (ok/error with info/error/details),
// a response-wrapping interceptor, DTOs in camelCase with TypeScript enum
// severities, metrics as sample arrays with tags, and every optional
// extension implemented to the letter.
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
import { epochMillis } from './reshape.js';
import type { Dialect } from './types.js';

const SERVICE_NAMES: Record<string, string> = { stripe: 'payments', brevo: 'email', cache: 'redis' };
const WORD: Record<HealthStatus, string> = { healthy: 'up', degraded: 'degraded', unhealthy: 'down' };
const OVERALL: Record<HealthStatus, string> = { healthy: 'ok', degraded: 'ok', unhealthy: 'error' };

function health(ref: HealthReport) {
  const details: Record<string, { status: string; responseTime: number; message?: string }> = {};
  for (const [name, s] of Object.entries(ref.services)) {
    details[SERVICE_NAMES[name] ?? name] = {
      status: WORD[s.status],
      responseTime: s.responseTime,
      ...(s.error ? { message: s.error } : {}),
    };
  }
  const info = Object.fromEntries(Object.entries(details).filter(([, d]) => d.status !== 'down'));
  const error = Object.fromEntries(Object.entries(details).filter(([, d]) => d.status === 'down'));
  return { status: OVERALL[ref.status], info, error, details };
}

function wrap(data: unknown) {
  return { statusCode: 200, message: 'OK', data };
}

function uptime(ref: UptimeReport) {
  return wrap({
    uptime: { seconds: ref.uptime.seconds, human: ref.uptime.formatted, percentage: ref.uptime.percentage },
    sla: {
      target: ref.sla.target,
      met: ref.sla.compliance.overall,
      uptimeMet: ref.sla.compliance.uptime,
      errorRateMet: ref.sla.compliance.errorRate,
    },
    checkedAt: ref.timestamp,
  });
}

function metrics(ref: MetricsReport) {
  return wrap({
    collectedAt: ref.timestamp,
    category: ref.category,
    metrics: ref.metrics.map((m) => ({
      name: m.name,
      value: m.value,
      unit: m.unit,
      category: m.category,
      tags: m.labels ?? {},
    })),
  });
}

function alert(a: Alert) {
  return {
    id: a.id,
    ruleName: a.rule,
    title: a.name,
    severity: a.severity.toUpperCase(),
    status: a.status.toUpperCase(),
    message: a.description,
    metric: a.metric,
    currentValue: a.value,
    threshold: a.threshold,
    triggeredAt: epochMillis(a.started_at),
    acknowledged: a.status === 'acknowledged',
    tags: a.labels,
  };
}

function alerts(ref: { alerts: Alert[] }) {
  return wrap({ items: ref.alerts.map(alert), total: ref.alerts.length });
}

function configuration(ref: AlertConfiguration) {
  return wrap({
    rules: ref.rules.map((r) => ({
      name: r.name,
      title: r.title,
      severity: r.severity.toUpperCase(),
      metric: r.metric,
      operator: r.operator,
      threshold: r.threshold,
      unit: r.unit,
      durationSeconds: r.for_seconds,
    })),
    channels: ref.channels,
  });
}

function dashboard(ref: DashboardReport) {
  const s = ref.summary;
  return wrap({
    generatedAt: ref.timestamp,
    status: ref.status,
    healthScore: ref.health_score,
    uptimePercentage: ref.uptime_percentage,
    summary: {
      requestsPerMinute: s.requests_per_minute,
      errorRate: s.error_rate,
      responseTimeP95: s.response_time_p95,
      activeAlerts: s.active_alerts,
      paymentsSuccessRate: s.payments_success_rate,
      revenueToday: s.revenue_today,
      activeUsers: s.active_users,
    },
    services: Object.entries(ref.services).map(([name, s]) => ({
      name: SERVICE_NAMES[name] ?? name,
      status: WORD[s.status],
      responseTime: s.responseTime,
    })),
  });
}

export const nestjs: Dialect = {
  name: 'nestjs',
  summary: 'NestJS with @nestjs/terminus health checks and a response-wrapping interceptor',
  varies: [
    'health in the terminus shape: {"status":"ok","info":{...},"error":{...},"details":{"database":{"status":"up"}}}, no health score',
    'services renamed: stripe → `payments`, brevo → `email`, cache → `redis`; status words up, degraded, down',
    'every other body wrapped in {"statusCode":200,"message":"OK","data":{...}}, camelCase fields',
    'metrics as an array of samples with `tags`; format=prometheus answers Prometheus text, format=datadog answers 400 (class-validator message)',
    'alerts under `data.items` with `triggeredAt` in epoch milliseconds and upper-case severities (CRITICAL, HIGH, MEDIUM, LOW, INFO)',
    'dashboard figures under `data.summary`',
    'implements every optional extension (capabilities, metrics history, alert history, incidents) as described',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: reshape(metrics),
    'metrics.prometheus': passthrough,
    'metrics.datadog': async () =>
      json(400, {
        statusCode: 400,
        message: ['format must be one of the following values: json, prometheus'],
        error: 'Bad Request',
      }),
    'alerts.active': reshape(alerts),
    'alerts.configuration': reshape(configuration),
    'alerts.history': passthrough,
    'alerts.write': passthrough,
    dashboard: reshape(dashboard),
    'dashboard.html': passthrough,
    'dashboard.grafana': passthrough,
    capabilities: passthrough,
    'metrics.history': passthrough,
    incidents: passthrough,
  },
  notFound: (path) => json(404, { statusCode: 404, message: `Cannot GET ${path}`, error: 'Not Found' }),
};
