// A Go service on net/http: {"data":...} envelopes, RFC 3339 times with
// Go's trimmed fractions, P1-P5 priorities, a health list of checks, full
// Prometheus text and only an expvar-style JSON digest of a few figures.
import type { DashboardReport } from '../contract/formats/dashboard-summary.js';
import type {
  Alert,
  HealthReport,
  HealthStatus,
  MetricSample,
  MetricsReport,
  UptimeReport,
} from '../contract/types.js';
import { json, passthrough, reshape, text } from './replies.js';
import { goDuration, nullable, rfc3339Nano, SEVERITY_PRIORITY, unlabeled } from './reshape.js';
import type { Dialect } from './types.js';

const WORD: Record<HealthStatus, string> = { healthy: 'up', degraded: 'degraded', unhealthy: 'down' };
const CHECK: Record<string, string> = { database: 'postgres', cache: 'redis' };

function health(ref: HealthReport) {
  const checks = Object.entries(ref.services).map(([name, s]) => ({
    name: CHECK[name] ?? name,
    status: WORD[s.status],
    latency_ms: s.responseTime,
    ...(s.error ? { error: s.error } : {}),
  }));
  checks.push({ name: 'search', status: 'up', latency_ms: 9 });
  return {
    data: { status: WORD[ref.status], score: ref.health_score, checks },
    meta: { generated_at: rfc3339Nano(ref.timestamp) },
  };
}

function uptime(ref: UptimeReport) {
  return {
    data: {
      status: WORD[ref.status],
      uptime: goDuration(ref.uptime.seconds),
      uptime_seconds: ref.uptime.seconds,
      availability: ref.uptime.percentage,
      sla: { target: ref.sla.target, met: ref.sla.compliance.overall },
    },
    meta: { generated_at: rfc3339Nano(ref.timestamp) },
  };
}

// What the team exposed through expvar before it adopted Prometheus.
function metrics(ref: MetricsReport) {
  const overall = unlabeled(ref.metrics);
  const value = (name: string) => overall.find((s: MetricSample) => s.name === name)?.value;
  return {
    data: {
      cmdline: ['/usr/local/bin/festival-api'],
      memstats: { HeapAlloc: value('system.memory.heap_used'), Sys: value('system.memory.rss') },
      http: {
        requests_per_second: value('api.requests.rate'),
        errors_per_minute: value('errors.rate'),
        latency_ms: {
          p50: value('api.response_time.p50'),
          p95: value('api.response_time.p95'),
          p99: value('api.response_time.p99'),
        },
      },
    },
  };
}

function alert(a: Alert) {
  return {
    id: a.id,
    rule: a.rule,
    summary: a.name,
    priority: SEVERITY_PRIORITY[a.severity],
    state: a.status,
    description: a.description,
    value: a.value,
    threshold: a.threshold,
    fired_at: rfc3339Nano(a.started_at),
    acknowledged: a.status === 'acknowledged',
    acknowledged_at: nullable(a.acknowledged_at, rfc3339Nano),
    labels: a.labels,
  };
}

function alerts(ref: { timestamp: string; alerts: Alert[] }) {
  return {
    data: { alerts: ref.alerts.map(alert) },
    meta: { generated_at: rfc3339Nano(ref.timestamp), total: ref.alerts.length },
  };
}

function dashboard(ref: DashboardReport) {
  return {
    data: {
      status: WORD[ref.status],
      score: ref.health_score,
      availability: ref.uptime_percentage,
      summary: ref.summary,
    },
    meta: { generated_at: rfc3339Nano(ref.timestamp) },
  };
}

const badAction = async () => json(400, { error: { message: 'unknown action; supported: active' } });

export const go: Dialect = {
  name: 'go',
  summary: 'Go on net/http with {"data":...,"meta":...} envelopes and a Prometheus registry',
  varies: [
    'every body in {"data":{...},"meta":{"generated_at":...}}; times in RFC 3339 with Go’s trimmed fractions (`12:00:03.56Z`)',
    'health as a list of checks {"name","status","latency_ms"} with up, degraded, down; database → `postgres`, cache → `redis`, an extra `search` check',
    'uptime as a Go duration (`24h0m3s`) and `availability`',
    'metrics: full Prometheus text at format=prometheus; the JSON answer is only an expvar-style digest of a few figures; format=datadog answers 400 in plain text',
    'alerts under `data.alerts` with P1-P5 `priority`, `fired_at` and `acknowledged`',
    'no alert configuration (400) and no optional extensions: `404 page not found` in plain text',
  ],
  endpoints: {
    health: reshape(health),
    uptime: reshape(uptime),
    metrics: reshape(metrics),
    'metrics.prometheus': passthrough,
    'metrics.datadog': async () => text(400, 'text/plain; charset=utf-8', 'unsupported format "datadog"\n'),
    'alerts.active': reshape(alerts),
    'alerts.configuration': badAction,
    'alerts.history': badAction,
    'alerts.write': passthrough,
    dashboard: reshape(dashboard),
  },
  notFound: () => text(404, 'text/plain; charset=utf-8', '404 page not found\n'),
};
