// A hand-written Express app that follows the endpoint description's
// examples closely and stops there: nested metric objects, a bare alert
// array, no optional extensions, and format=prometheus/datadog ignored.
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type { Alert, AlertConfiguration, HealthReport, MetricsReport, UptimeReport } from '../contract/types.js';
import { json, reshape, text } from './replies.js';
import { epochMillis, nestByName, SEVERITY_LEVEL, unlabeled } from './reshape.js';
import type { Dialect } from './types.js';

const RENAMED: Record<string, string> = { cache: 'redis' };

function health(ref: HealthReport) {
  const services = Object.fromEntries(
    Object.entries(ref.services).map(([name, s]) => [RENAMED[name] ?? name, { ...s }])
  );
  return { status: ref.status, health_score: ref.health_score, services, timestamp: ref.timestamp };
}

function uptime(ref: UptimeReport) {
  return {
    status: ref.status,
    uptime: { formatted: ref.uptime.formatted, percentage: ref.uptime.percentage },
    sla: { compliance: ref.sla.compliance },
  };
}

// Only the overall figures: this team never broke metrics down by endpoint.
function metrics(ref: MetricsReport) {
  return { timestamp: epochMillis(ref.timestamp), ...nestByName(unlabeled(ref.metrics)) };
}

function alerts(ref: { alerts: Alert[] }) {
  return ref.alerts.map((a) => ({
    id: a.id,
    type: a.rule,
    severity: SEVERITY_LEVEL[a.severity],
    message: a.description,
    timestamp: a.started_at,
    acknowledged: a.status === 'acknowledged',
  }));
}

function configuration(ref: AlertConfiguration) {
  return {
    thresholds: ref.thresholds,
    channels: Object.fromEntries(ref.channels.map((c) => [c.name, c.enabled])),
  };
}

function dashboard(ref: DashboardReport) {
  const s = ref.summary;
  return {
    status: ref.status,
    healthScore: ref.health_score,
    uptime: ref.uptime_percentage,
    requestsPerMinute: s.requests_per_minute,
    errorRate: s.error_rate,
    p95: s.response_time_p95,
    activeAlerts: s.active_alerts,
    paymentSuccessRate: s.payments_success_rate,
    revenueToday: s.revenue_today,
    activeUsers: s.active_users,
    lastUpdated: ref.timestamp,
  };
}

const metricsJson = reshape(metrics, { format: null });

export const express: Dialect = {
  name: 'express',
  summary: 'Node.js and Express, written from the endpoint description’s examples',
  varies: [
    'metrics as nested objects ({"api":{"response_time":{"p95":265.2}}}), overall figures only, timestamp in epoch milliseconds',
    'format=prometheus and format=datadog are ignored: metrics always answer JSON',
    'alerts as a bare array with `type`, `message`, `timestamp`, `acknowledged` and log-level severities (critical, error, warning, notice, info)',
    'dashboard figures at the top level in camelCase (`requestsPerMinute`, `p95`)',
    'the cache service is called `redis`; uptime has no seconds or SLA target',
    'no optional extensions: capabilities, history and incidents answer Express’s 404 page; action=history answers 400',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: metricsJson,
    'metrics.prometheus': metricsJson,
    'metrics.datadog': metricsJson,
    'alerts.active': reshape(alerts),
    'alerts.configuration': reshape(configuration),
    'alerts.history': async () => json(400, { error: 'Invalid action' }),
    'alerts.write': (req) => req.reference(),
    dashboard: reshape(dashboard),
    'dashboard.html': (req) => req.reference(),
    'dashboard.grafana': (req) => req.reference(),
  },
  notFound: (path) =>
    text(
      404,
      'text/html; charset=utf-8',
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET ${path}</pre>\n</body>\n</html>\n`
    ),
};
