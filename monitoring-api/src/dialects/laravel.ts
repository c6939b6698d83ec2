// A Laravel app: spatie/laravel-health check results, API resource
// collections ({"data":[...],"links":{...},"meta":{...}}), decimals from
// the database serialized as strings, Carbon times, 422 validation errors.
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type {
  Alert,
  AlertConfiguration,
  HealthReport,
  HealthStatus,
  MetricsReport,
  UptimeReport,
} from '../contract/types.js';
import { alwaysOk, json, reshape } from './replies.js';
import { epochSeconds, microsZ, nullable } from './reshape.js';
import type { Dialect, DialectRequest } from './types.js';

const WORD: Record<HealthStatus, string> = { healthy: 'ok', degraded: 'warning', unhealthy: 'failed' };
const LABEL: Record<string, string> = { database: 'Database', stripe: 'Stripe', brevo: 'Brevo', cache: 'Redis' };

function health(ref: HealthReport) {
  const checkResults: Record<string, unknown>[] = Object.entries(ref.services).map(([name, s]) => ({
    name: LABEL[name] ?? name,
    label: LABEL[name] ?? name,
    notificationMessage: s.error ?? '',
    shortSummary: `${s.responseTime} ms`,
    status: WORD[s.status],
    meta: { response_time: s.responseTime },
  }));
  checkResults.push({
    name: 'UsedDiskSpace',
    label: 'Used Disk Space',
    notificationMessage: '',
    shortSummary: 'ok',
    status: 'ok',
    meta: {},
  });
  return { finishedAt: Math.floor(epochSeconds(ref.timestamp)), status: WORD[ref.status], checkResults };
}

function uptime(ref: UptimeReport) {
  return {
    status: WORD[ref.status],
    data: {
      uptime: { formatted: ref.uptime.formatted, percentage: ref.uptime.percentage },
      sla: { compliance: ref.sla.compliance },
    },
  };
}

function collection<T>(req: DialectRequest, items: T[]) {
  const url = `http://localhost${req.path}`;
  return {
    data: items,
    links: { first: `${url}?page=1`, last: `${url}?page=1`, prev: null, next: null },
    meta: {
      current_page: 1,
      from: items.length ? 1 : null,
      last_page: 1,
      path: url,
      per_page: 200,
      to: items.length || null,
      total: items.length,
    },
  };
}

// Values come out of a DECIMAL column, so PHP hands them over as strings.
function metrics(ref: MetricsReport, req: DialectRequest) {
  return collection(
    req,
    ref.metrics.map((m) => ({
      key: m.name,
      value: String(m.value),
      unit: m.unit,
      category: m.category,
      tags: m.labels ?? {},
      recorded_at: microsZ(ref.timestamp),
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
    value: a.value,
    threshold: a.threshold,
    acknowledged: a.status === 'acknowledged',
    created_at: microsZ(a.started_at),
    updated_at: microsZ(a.acknowledged_at ?? a.started_at),
    acknowledged_at: nullable(a.acknowledged_at, microsZ),
  };
}

function configuration(ref: AlertConfiguration) {
  return {
    data: {
      rules: ref.rules.map((r) => ({
        name: r.name,
        severity: r.severity,
        metric: r.metric,
        threshold: r.threshold,
        window: r.for_seconds,
      })),
    },
  };
}

function dashboard(ref: DashboardReport) {
  return {
    status: WORD[ref.status],
    data: {
      health_score: ref.health_score,
      uptime_percentage: ref.uptime_percentage,
      summary: ref.summary,
      updated_at: microsZ(ref.timestamp),
    },
  };
}

function invalid(field: string) {
  return async () =>
    json(422, {
      message: `The selected ${field} is invalid.`,
      errors: { [field]: [`The selected ${field} is invalid.`] },
    });
}

export const laravel: Dialect = {
  name: 'laravel',
  summary: 'Laravel with spatie/laravel-health and API resource collections',
  varies: [
    'health answers 200 even when a check fails, as spatie/laravel-health check results {"finishedAt":…,"checkResults":[{"name":"Database","status":"ok","shortSummary":"4 ms"}]} with ok, warning, failed; capitalised names, an extra `UsedDiskSpace` check; no health score',
    'uptime and dashboard nested under `data` beside "status":"ok"',
    'metrics as a resource collection with `links` and `meta`, names under `key` and values as strings (`"265.2"`)',
    'alerts as a resource collection with `created_at` in Carbon format (`2025-03-03T12:00:10.000000Z`)',
    'format=prometheus and format=datadog answer 422 validation errors',
    'no optional extensions: 404 {"message":"Not Found."}; action=history answers 422',
  ],
  endpoints: {
    health: alwaysOk(reshape(health)),
    uptime: reshape(uptime),
    metrics: reshape(metrics),
    'metrics.prometheus': invalid('format'),
    'metrics.datadog': invalid('format'),
    'alerts.active': reshape((ref: { alerts: Alert[] }, req) => collection(req, ref.alerts.map(alert))),
    'alerts.configuration': reshape(configuration),
    'alerts.history': invalid('action'),
    'alerts.write': (req) => req.reference(),
    dashboard: reshape(dashboard),
  },
  notFound: () => json(404, { message: 'Not Found.' }),
};
