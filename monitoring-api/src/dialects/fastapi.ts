// A FastAPI service: pydantic models in snake_case, epoch-second floats,
// health in the IETF health-check draft (pass/warn/fail), and pydantic's
// 422 for query values outside its Literal types.
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
import { epochSeconds, labeled, nullable, SEVERITY_LEVEL, snake, valueMap } from './reshape.js';
import type { DialectRequest, Dialect } from './types.js';

const WORD: Record<HealthStatus, string> = { healthy: 'pass', degraded: 'warn', unhealthy: 'fail' };

function health(ref: HealthReport) {
  const checks: Record<string, unknown[]> = {};
  for (const [name, s] of Object.entries(ref.services)) {
    checks[`${name}:responseTime`] = [
      {
        componentId: name,
        componentType: 'component',
        observedValue: s.responseTime,
        observedUnit: 'ms',
        status: WORD[s.status],
        time: ref.timestamp,
        ...(s.error ? { output: s.error } : {}),
      },
    ];
  }
  return { status: WORD[ref.status], version: '1', serviceId: 'monitoring', checks };
}

function uptime(ref: UptimeReport) {
  return {
    status: WORD[ref.status],
    uptime_seconds: ref.uptime.seconds,
    uptime_formatted: ref.uptime.formatted,
    uptime_percentage: ref.uptime.percentage,
    sla_target: ref.sla.target,
    sla_met: ref.sla.compliance.overall,
    timestamp: epochSeconds(ref.timestamp),
  };
}

function metrics(ref: MetricsReport) {
  return {
    timestamp: epochSeconds(ref.timestamp),
    metrics: valueMap(ref.metrics, snake),
    labeled: labeled(ref.metrics).map((m) => ({ name: snake(m.name), labels: m.labels, value: m.value })),
  };
}

function alert(a: Alert) {
  return {
    id: a.id,
    name: a.name,
    rule: a.rule,
    severity: SEVERITY_LEVEL[a.severity],
    message: a.description,
    value: a.value,
    threshold: a.threshold,
    triggered_at: epochSeconds(a.started_at),
    acknowledged: a.status === 'acknowledged',
    acknowledged_at: nullable(a.acknowledged_at, epochSeconds),
  };
}

function configuration(ref: AlertConfiguration) {
  return {
    rules: ref.rules.map((r) => ({
      name: r.name,
      severity: SEVERITY_LEVEL[r.severity],
      metric: r.metric,
      operator: r.operator,
      threshold: r.threshold,
      window_seconds: r.for_seconds,
    })),
  };
}

function dashboard(ref: DashboardReport) {
  const s = ref.summary;
  return {
    status: WORD[ref.status],
    health_score: ref.health_score,
    uptime_percentage: ref.uptime_percentage,
    requests_per_minute: s.requests_per_minute,
    error_rate: s.error_rate,
    p95_ms: s.response_time_p95,
    active_alerts: s.active_alerts,
    payment_success_rate: s.payments_success_rate,
    revenue_today: s.revenue_today,
    active_users: s.active_users,
    generated_at: epochSeconds(ref.timestamp),
  };
}

function literalError(name: string, allowed: string[]) {
  return async (req: DialectRequest) =>
    json(422, {
      detail: [
        {
          type: 'literal_error',
          loc: ['query', name],
          msg: `Input should be ${allowed.map((a) => `'${a}'`).join(' or ')}`,
          input: req.query.get(name),
          ctx: { expected: allowed.map((a) => `'${a}'`).join(' or ') },
        },
      ],
    });
}

export const fastapi: Dialect = {
  name: 'fastapi',
  summary: 'FastAPI with pydantic models',
  varies: [
    'health in the IETF health-check shape: {"status":"pass","checks":{"database:responseTime":[{"observedValue":4,"status":"pass"}]}} with pass, warn, fail; no health score',
    'snake_case; every time in epoch seconds with a fraction (`1741003203.56`)',
    'uptime flattened (`uptime_percentage`, `sla_met`)',
    'metrics as a name → number map with underscored names (`api_response_time_p95`) plus a `labeled` list; format=prometheus or datadog answer 422',
    'alerts as a bare array with `triggered_at` and log-level severities',
    'dashboard figures at the top level (`p95_ms`)',
    'no optional extensions: 404 {"detail":"Not Found"}; action=history answers 422',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: reshape(metrics),
    'metrics.prometheus': literalError('format', ['json']),
    'metrics.datadog': literalError('format', ['json']),
    'alerts.active': reshape((ref: { alerts: Alert[] }) => ref.alerts.map(alert)),
    'alerts.configuration': reshape(configuration),
    'alerts.history': literalError('action', ['active', 'configuration']),
    'alerts.write': (req) => req.reference(),
    dashboard: reshape(dashboard),
    'dashboard.html': literalError('format', ['json']),
  },
  notFound: () => json(404, { detail: 'Not Found' }),
};
