// A Django REST Framework project: snake_case serializers, paginated
// {"count","next","previous","results"} lists, Python isoformat times, and
// DRF's own answers (unknown ?format= is a 404, bad choices a 400).
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type {
  Alert,
  AlertConfiguration,
  HealthReport,
  HealthStatus,
  MetricsReport,
  UptimeReport,
} from '../contract/types.js';
import { json, reshape } from './replies.js';
import { pythonIso, nullable } from './reshape.js';
import type { Dialect } from './types.js';

const WORD: Record<HealthStatus, string> = { healthy: 'ok', degraded: 'degraded', unhealthy: 'down' };
const PAGE_SIZE = 100;

function page<T>(items: T[]) {
  return { count: items.length, next: null, previous: null, results: items.slice(0, PAGE_SIZE) };
}

function health(ref: HealthReport) {
  const services = Object.entries(ref.services).map(([name, s]) => ({
    name,
    status: WORD[s.status],
    response_time_ms: s.responseTime,
    ...(s.error ? { error: s.error } : {}),
  }));
  // Object storage for uploads: checked by this team, unknown to the others.
  services.push({ name: 's3', status: 'ok', response_time_ms: 38 });
  return { status: WORD[ref.status], health_score: ref.health_score, checked_at: pythonIso(ref.timestamp), services };
}

function uptime(ref: UptimeReport) {
  return {
    status: WORD[ref.status],
    uptime: { formatted: ref.uptime.formatted, percentage: ref.uptime.percentage, seconds: ref.uptime.seconds },
    sla: {
      target: ref.sla.target,
      compliance: {
        overall: ref.sla.compliance.overall,
        uptime: ref.sla.compliance.uptime,
        error_rate: ref.sla.compliance.errorRate,
      },
    },
    checked_at: pythonIso(ref.timestamp),
  };
}

function metrics(ref: MetricsReport) {
  return page(
    ref.metrics.map((m) => ({
      name: m.name,
      value: m.value,
      unit: m.unit,
      category: m.category,
      labels: m.labels ?? {},
      collected_at: pythonIso(ref.timestamp),
    }))
  );
}

function alert(a: Alert) {
  return {
    id: a.id,
    rule: a.rule,
    title: a.name,
    severity: a.severity,
    message: a.description,
    metric: a.metric,
    value: a.value,
    threshold: a.threshold,
    created_at: pythonIso(a.started_at),
    acknowledged: a.status === 'acknowledged',
    acknowledged_at: nullable(a.acknowledged_at, pythonIso),
  };
}

function configuration(ref: AlertConfiguration) {
  return page(
    ref.rules.map((r) => ({
      name: r.name,
      title: r.title,
      severity: r.severity,
      metric: r.metric,
      operator: r.operator,
      threshold: r.threshold,
      window_seconds: r.for_seconds,
    }))
  );
}

function dashboard(ref: DashboardReport) {
  return {
    status: WORD[ref.status],
    health_score: ref.health_score,
    uptime_percentage: ref.uptime_percentage,
    summary: ref.summary,
    generated_at: pythonIso(ref.timestamp),
  };
}

const notFound = () => json(404, { detail: 'Not found.' });

export const django: Dialect = {
  name: 'django',
  summary: 'Django REST Framework with paginated list serializers',
  varies: [
    'snake_case; times in Python isoformat (`2025-03-03T12:00:03.560000+00:00`)',
    'health services as a list of {"name","status","response_time_ms"} with ok, degraded, down, plus an `s3` service',
    'metrics and alerts as paginated {"count","next","previous","results":[...]} lists; alerts carry `created_at` and `acknowledged`',
    'format=prometheus and format=datadog answer 404 {"detail":"Not found."} (DRF reads ?format= as its renderer)',
    'dashboard figures under `summary`; SLA compliance uses `error_rate`',
    'no optional extensions: capabilities, history and incidents answer 404; action=history answers a 400 choice error',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: reshape(metrics),
    'metrics.prometheus': async () => notFound(),
    'metrics.datadog': async () => notFound(),
    'alerts.active': reshape((ref: { alerts: Alert[] }) => page(ref.alerts.map(alert))),
    'alerts.configuration': reshape(configuration),
    'alerts.history': async () => json(400, { action: ['"history" is not a valid choice.'] }),
    'alerts.write': (req) => req.reference(),
    dashboard: reshape(dashboard, { format: null, platform: null }),
    'dashboard.html': reshape(dashboard, { format: null, platform: null }),
    'dashboard.grafana': reshape(dashboard, { format: null, platform: null }),
  },
  notFound,
};
