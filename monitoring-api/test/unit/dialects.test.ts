// Every dialect keeps the reference figures: each one is fed the same
// reference bodies, and the figures are read back from where that dialect
// puts them. Missing parts answer the framework's own error statuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  jsonResponse,
  PROMETHEUS_CONTENT_TYPE,
  textResponse,
  type HttpResponse,
} from '../../src/contract/http-response.js';
import { DIALECT_NAMES, DIALECTS, findDialect } from '../../src/dialects/index.js';
import { microsZ, pythonIso, rfc3339Nano } from '../../src/dialects/reshape.js';
import type { DialectRequest, EndpointKey } from '../../src/dialects/types.js';

const NOW = '2025-03-03T12:00:03.560Z';
const STARTED = '2025-03-03T11:58:10.000Z';

const REFERENCE: Record<string, unknown> = {
  health: {
    status: 'degraded',
    health_score: 80,
    timestamp: NOW,
    services: {
      database: { status: 'healthy', responseTime: 4 },
      stripe: { status: 'degraded', responseTime: 588, error: 'The payment processor is failing charges.' },
      brevo: { status: 'healthy', responseTime: 153 },
      cache: { status: 'healthy', responseTime: 1 },
    },
  },
  uptime: {
    status: 'degraded',
    timestamp: NOW,
    uptime: { formatted: '1d 0h 0m 3s', percentage: 99.95, seconds: 86403 },
    sla: { target: 99.9, compliance: { overall: true, uptime: true, errorRate: false } },
  },
  metrics: {
    timestamp: NOW,
    category: 'all',
    metrics: [
      { name: 'api.response_time.p95', value: 265.2, unit: 'ms', category: 'api', description: 'p95' },
      {
        name: 'api.response_time.p95',
        value: 245.2,
        unit: 'ms',
        category: 'api',
        description: 'p95',
        labels: { endpoint: '/api/tickets' },
      },
      { name: 'api.requests.rate', value: 2.183, unit: 'req/s', category: 'api', description: 'rate' },
      { name: 'system.memory.heap_used', value: 9391944, unit: 'bytes', category: 'system', description: 'heap' },
      { name: 'payments.success_rate', value: 66.67, unit: '%', category: 'business', description: 'success' },
    ],
  },
  alerts: {
    timestamp: NOW,
    count: 2,
    alerts: [alert('a-1', 'critical', 'firing', null), alert('a-2', 'low', 'acknowledged', '2025-03-03T11:59:00.000Z')],
  },
  configuration: {
    rules: [
      {
        name: 'slow_api_response',
        title: 'Slow API Response',
        severity: 'medium',
        metric: 'api.response_time.p95',
        operator: '>',
        threshold: 2000,
        unit: 'ms',
        for_seconds: 180,
        description: 'p95 above 2 s',
        escalation: '2h',
      },
    ],
    channels: [{ name: 'webhook', enabled: false }],
    thresholds: { API_RESPONSE_THRESHOLD: 2000 },
  },
  dashboard: {
    timestamp: NOW,
    status: 'degraded',
    health_score: 80,
    uptime_percentage: 99.95,
    summary: {
      requests_per_minute: 131,
      error_rate: 0.4,
      response_time_p95: 265.2,
      active_alerts: 2,
      payments_success_rate: 66.67,
      revenue_today: 110815,
      active_users: 75,
    },
    services: {},
  },
};

function alert(id: string, severity: string, status: string, acknowledgedAt: string | null) {
  return {
    id,
    rule: 'manual',
    name: 'Manual Alert',
    severity,
    status,
    description: `alert ${id}`,
    metric: null,
    value: null,
    threshold: null,
    started_at: STARTED,
    acknowledged_at: acknowledgedAt,
    resolved_at: null,
    escalation_level: 0,
    labels: { service: 'manual' },
    runbook_url: null,
  };
}

/** The reference server's answer for a query, as the route would build it. */
function referenceFor(key: EndpointKey, query: URLSearchParams): HttpResponse {
  if (key.startsWith('metrics')) {
    return query.get('format') === 'prometheus'
      ? textResponse(200, PROMETHEUS_CONTENT_TYPE, 'api_response_time_p95 265.2\n')
      : jsonResponse(200, REFERENCE.metrics);
  }
  if (key.startsWith('alerts')) {
    const action = query.get('action') ?? 'active';
    return jsonResponse(200, action === 'configuration' ? REFERENCE.configuration : REFERENCE.alerts);
  }
  if (key.startsWith('dashboard')) return jsonResponse(200, REFERENCE.dashboard);
  return jsonResponse(200, REFERENCE[key]);
}

const QUERIES: Record<EndpointKey, string> = {
  health: '',
  uptime: '',
  metrics: '',
  'metrics.prometheus': 'format=prometheus',
  'metrics.datadog': 'format=datadog',
  'alerts.active': 'action=active',
  'alerts.configuration': 'action=configuration',
  'alerts.history': 'action=history',
  'alerts.write': '',
  dashboard: '',
  'dashboard.html': 'format=html',
  'dashboard.grafana': 'platform=grafana',
  capabilities: '',
  'metrics.history': 'name=api.response_time.p95',
  incidents: '',
};

async function ask(dialect: string, key: EndpointKey): Promise<{ status: number; type: string; body: any }> {
  const d = findDialect(dialect)!;
  const query = new URLSearchParams(QUERIES[key]);
  const handler = d.endpoints[key];
  const req: DialectRequest = {
    path: '/api/x',
    query,
    reference: async (overrides = {}) => {
      const q = new URLSearchParams(query);
      for (const [k, v] of Object.entries(overrides)) v === null ? q.delete(k) : q.set(k, v);
      return referenceFor(key, q);
    },
  };
  const res = handler ? await handler(req) : d.notFound('/api/x');
  const type = res.headers['Content-Type'] ?? '';
  const text = res.body.toString();
  return { status: res.status, type, body: type.startsWith('application/json') ? JSON.parse(text) : text };
}

/** Where each dialect puts the figures the data source needs. */
interface Reading {
  overallP95(metrics: any): unknown;
  alertIds(alerts: any): string[];
  acknowledged(alerts: any): unknown[];
  dashboardP95(dashboard: any): unknown;
  uptimePercentage(uptime: any): unknown;
  serviceCount(health: any): number;
  /** Status of each core endpoint and extension this dialect does not offer. */
  missing: Partial<Record<EndpointKey, number>>;
}

const NO_EXTENSIONS = { capabilities: 404, 'metrics.history': 404, incidents: 404 } as const;

const READINGS: Record<string, Reading> = {
  express: {
    overallP95: (m) => m.api.response_time.p95,
    alertIds: (a) => a.map((x: any) => x.id),
    acknowledged: (a) => a.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.p95,
    uptimePercentage: (u) => u.uptime.percentage,
    serviceCount: (h) => Object.keys(h.services).length,
    missing: { ...NO_EXTENSIONS, 'alerts.history': 400 },
  },
  nestjs: {
    overallP95: (m) => m.data.metrics.find((s: any) => s.name === 'api.response_time.p95' && !s.tags.endpoint).value,
    alertIds: (a) => a.data.items.map((x: any) => x.id),
    acknowledged: (a) => a.data.items.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.data.summary.responseTimeP95,
    uptimePercentage: (u) => u.data.uptime.percentage,
    serviceCount: (h) => Object.keys(h.details).length,
    missing: { 'metrics.datadog': 400 },
  },
  spring: {
    overallP95: (m) => m.metrics['api.response_time.p95'],
    alertIds: (a) => a.active.map((x: any) => x.id),
    acknowledged: (a) => a.active.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.metrics.responseTimeP95,
    uptimePercentage: (u) => u.uptime.percentage,
    serviceCount: (h) => Object.keys(h.components).length - 1,
    missing: { ...NO_EXTENSIONS, 'alerts.history': 400 },
  },
  django: {
    overallP95: (m) => m.results.find((s: any) => s.name === 'api.response_time.p95' && !s.labels.endpoint).value,
    alertIds: (a) => a.results.map((x: any) => x.id),
    acknowledged: (a) => a.results.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.summary.response_time_p95,
    uptimePercentage: (u) => u.uptime.percentage,
    serviceCount: (h) => h.services.length - 1,
    missing: { ...NO_EXTENSIONS, 'metrics.prometheus': 404, 'metrics.datadog': 404, 'alerts.history': 400 },
  },
  fastapi: {
    overallP95: (m) => m.metrics.api_response_time_p95,
    alertIds: (a) => a.map((x: any) => x.id),
    acknowledged: (a) => a.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.p95_ms,
    uptimePercentage: (u) => u.uptime_percentage,
    serviceCount: (h) => Object.keys(h.checks).length,
    missing: { ...NO_EXTENSIONS, 'metrics.prometheus': 422, 'metrics.datadog': 422, 'alerts.history': 422 },
  },
  go: {
    overallP95: (m) => m.data.http.latency_ms.p95,
    alertIds: (a) => a.data.alerts.map((x: any) => x.id),
    acknowledged: (a) => a.data.alerts.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.data.summary.response_time_p95,
    uptimePercentage: (u) => u.data.availability,
    serviceCount: (h) => h.data.checks.length - 1,
    missing: { ...NO_EXTENSIONS, 'metrics.datadog': 400, 'alerts.configuration': 400, 'alerts.history': 400 },
  },
  rails: {
    overallP95: (m) =>
      m.data.find((s: any) => s.attributes.name === 'api.response_time.p95' && s.attributes.tags.length === 0)
        .attributes.value,
    alertIds: (a) => a.data.map((x: any) => x.id),
    acknowledged: (a) => a.data.map((x: any) => x.attributes.acknowledged),
    dashboardP95: (d) => d.data.attributes.response_time_p95,
    uptimePercentage: (u) => u.data.attributes.percentage,
    serviceCount: (h) => Object.keys(h.services).length - 1,
    missing: NO_EXTENSIONS,
  },
  laravel: {
    overallP95: (m) => Number(m.data.find((s: any) => s.key === 'api.response_time.p95' && !s.tags.endpoint).value),
    alertIds: (a) => a.data.map((x: any) => x.id),
    acknowledged: (a) => a.data.map((x: any) => x.acknowledged),
    dashboardP95: (d) => d.data.summary.response_time_p95,
    uptimePercentage: (u) => u.data.uptime.percentage,
    serviceCount: (h) => h.checkResults.length - 1,
    missing: { ...NO_EXTENSIONS, 'metrics.prometheus': 422, 'metrics.datadog': 422, 'alerts.history': 422 },
  },
};

describe('dialects', () => {
  it('has eight, each with a reading in this test', () => {
    assert.ok(DIALECTS.length >= 8);
    assert.deepEqual(Object.keys(READINGS).sort(), [...DIALECT_NAMES].sort());
  });

  for (const name of DIALECT_NAMES) {
    describe(name, () => {
      const r = READINGS[name]!;

      it('keeps the overall p95, the alerts, the dashboard figure, uptime and the services', async () => {
        assert.equal(r.overallP95((await ask(name, 'metrics')).body), 265.2);
        const alerts = (await ask(name, 'alerts.active')).body;
        assert.deepEqual(r.alertIds(alerts), ['a-1', 'a-2']);
        assert.deepEqual(r.acknowledged(alerts), [false, true]);
        assert.equal(r.dashboardP95((await ask(name, 'dashboard')).body), 265.2);
        assert.equal(r.uptimePercentage((await ask(name, 'uptime')).body), 99.95);
        assert.equal(r.serviceCount((await ask(name, 'health')).body), 4);
      });

      it('changes the shape of every core body', async () => {
        for (const key of ['health', 'uptime', 'metrics', 'alerts.active', 'dashboard'] as const) {
          const res = await ask(name, key);
          assert.equal(res.status, 200, key);
          const reference = referenceFor(key, new URLSearchParams(QUERIES[key]));
          assert.notDeepEqual(res.body, JSON.parse(reference.body.toString()), `${key} is the reference body`);
        }
      });

      it('answers what it lacks the way its framework does', async () => {
        for (const [key, status] of Object.entries(r.missing)) {
          const res = await ask(name, key as EndpointKey);
          assert.equal(res.status, status, key);
          assert.ok(
            typeof res.body === 'string' || res.body?.error?.code === undefined,
            `${key} answers the reference error body`
          );
        }
      });
    });
  }

  it('keeps 503 for an unhealthy server, except where the health page reports in the body only', async () => {
    const down = { ...(REFERENCE.health as object), status: 'unhealthy' };
    const statuses: Record<string, number> = {};
    for (const d of DIALECTS) {
      const res = await d.endpoints.health!({
        path: '/api/health/check',
        query: new URLSearchParams(),
        reference: async () => jsonResponse(503, down),
      });
      statuses[d.name] = res.status;
    }
    assert.deepEqual(statuses, {
      express: 503,
      nestjs: 503,
      spring: 503,
      django: 503,
      fastapi: 503,
      go: 503,
      rails: 200,
      laravel: 200,
    });
  });

  it('writes times as each framework does', () => {
    assert.equal(pythonIso('2025-03-03T12:00:03.560Z'), '2025-03-03T12:00:03.560000+00:00');
    assert.equal(microsZ('2025-03-03T12:00:03.560Z'), '2025-03-03T12:00:03.560000Z');
    assert.equal(rfc3339Nano('2025-03-03T12:00:03.560Z'), '2025-03-03T12:00:03.56Z');
    assert.equal(rfc3339Nano('2025-03-03T12:00:03.000Z'), '2025-03-03T12:00:03Z');
  });

  it('is chosen with DIALECT and rejects unknown names', () => {
    assert.equal(loadConfig({}).dialect, undefined);
    assert.equal(loadConfig({ DIALECT: 'spring' }).dialect, 'spring');
    assert.throws(
      () => loadConfig({ DIALECT: 'cobol' }),
      (err: unknown) => err instanceof ConfigError && /DIALECT must be one of express, nestjs/.test(err.message)
    );
  });
});
