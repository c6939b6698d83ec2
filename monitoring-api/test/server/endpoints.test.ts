// Every contract endpoint of the real server in every format, valid and
// invalid parameters, and alert actions. Each response is validated against
// openapi.yaml by the ContractClient.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ADMIN, ContractClient, READ } from '../helpers/contract-client.js';
import { startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

const CATEGORIES = ['system', 'api', 'database', 'cache', 'business'] as const;
const REQUIRED_METRICS = [
  'system.cpu.usage',
  'system.memory.usage',
  'system.memory.heap_used',
  'system.disk.usage',
  'system.network.rx_bytes_rate',
  'system.network.tx_bytes_rate',
  'system.event_loop.lag_p99',
  'api.requests.rate',
  'api.error_rate',
  'errors.rate',
  'api.response_time.p50',
  'api.response_time.p95',
  'api.response_time.p99',
  'auth.failures.rate',
  'database.connections.used',
  'database.connections.max',
  'database.query_time.p95',
  'database.slow_queries.rate',
  'database.cache_hit_ratio',
  'database.replication_lag',
  'database.deadlocks.rate',
  'database.rollbacks.rate',
  'cache.hit_rate',
  'payments.success_rate',
  'payments.failures.rate',
  'payments.revenue.total',
  'payments.revenue.rate',
  'orders.rate',
  'tickets.sold.rate',
  'users.active',
  'users.signups.rate',
  'uptime.percentage',
];

describe('contract endpoints of the real server', () => {
  let server: RunningServer;
  let api: ContractClient;
  let receiver: Server;
  const received: unknown[] = [];

  before(async () => {
    // A local webhook receiver so the "test" action has somewhere real to deliver.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    server = await startServer({ ALERT_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/secret-token` });
    api = new ContractClient(server.baseUrl, await specValidator());
  });

  after(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  it('health check reports status, score and the four services', async () => {
    const res = await api.get('/api/health/check');
    assert.equal(res.status, 200);
    const body = res.json();
    assert.equal(body.status, 'healthy');
    assert.deepEqual(Object.keys(body.services).sort(), ['brevo', 'cache', 'database', 'stripe']);
    assert.equal(body.timestamp, new Date(body.timestamp).toISOString());
  });

  it('uptime reports the seed format and SLA compliance', async () => {
    const body = (await api.get('/api/monitoring/uptime')).json();
    assert.match(body.uptime.formatted, /^2d 0h \d+m \d+s$/);
    assert.equal(body.sla.target, 99.9);
    assert.equal(typeof body.sla.compliance.errorRate, 'boolean');
  });

  it('metrics in JSON: every category, every required name', async () => {
    const all = (await api.get('/api/monitoring/metrics', { headers: READ })).json();
    assert.equal(all.category, 'all');
    const names = new Set(all.metrics.map((m: { name: string }) => m.name));
    for (const name of REQUIRED_METRICS) assert.ok(names.has(name), `missing metric ${name}`);
    const p95 = all.metrics.filter((m: { name: string }) => m.name === 'api.response_time.p95');
    assert.ok(
      p95.some((m: { labels?: Record<string, string> }) => m.labels?.endpoint === '/api/tickets'),
      'p95 per endpoint'
    );
    for (const category of CATEGORIES) {
      const body = (await api.get(`/api/monitoring/metrics?category=${category}`, { headers: READ })).json();
      assert.equal(body.category, category);
      assert.ok(body.metrics.length > 0);
      assert.ok(body.metrics.every((m: { category: string }) => m.category === category));
    }
  });

  it('metrics in Prometheus text format', async () => {
    const res = await api.get('/api/monitoring/metrics?format=prometheus', { headers: READ });
    assert.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.match(res.text, /^# HELP api_response_time_p95 95th percentile response time \(ms\)$/m);
    assert.match(res.text, /^# TYPE api_response_time_p95 gauge$/m);
    assert.match(res.text, /^api_response_time_p95\{endpoint="\/api\/tickets"\} [\d.]+$/m);
    const business = await api.get('/api/monitoring/metrics?format=prometheus&category=business', { headers: READ });
    assert.match(business.text, /^payments_success_rate [\d.]+$/m);
    assert.doesNotMatch(business.text, /^api_/m);
  });

  it('metrics in Datadog series format', async () => {
    const body = (await api.get('/api/monitoring/metrics?format=datadog&category=api', { headers: READ })).json();
    const p95 = body.series.find(
      (s: { metric: string; tags: string[] }) => s.metric === 'api.response_time.p95' && s.tags.length === 1
    );
    assert.deepEqual(p95.tags, ['category:api']);
    assert.equal(p95.type, 'gauge');
    assert.equal(p95.unit, 'ms');
    assert.ok(Number.isInteger(p95.points[0][0]) && p95.points[0][0] < 1e11, 'points are [unix seconds, value]');
  });

  it('dashboard as JSON, HTML and a Grafana model', async () => {
    const json = (await api.get('/api/monitoring/dashboard', { headers: READ })).json();
    assert.equal(typeof json.summary.requests_per_minute, 'number');
    const html = await api.get('/api/monitoring/dashboard?format=html', { headers: READ });
    assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(html.text, /<h1>Monitoring dashboard/);
    const grafana = (await api.get('/api/monitoring/dashboard?platform=grafana', { headers: READ })).json();
    assert.equal(grafana.__inputs[0].pluginId, 'appmon-endpoints-datasource');
    assert.ok(grafana.panels.length >= 6);
  });

  it('alerts: active, configuration with the five seed rules, history', async () => {
    const active = (await api.get('/api/monitoring/alerts', { headers: READ })).json();
    assert.equal(active.count, active.alerts.length);
    const config = (await api.get('/api/monitoring/alerts?action=configuration', { headers: READ })).json();
    assert.deepEqual(
      config.rules.map((r: { name: string; for_seconds: number }) => `${r.name}:${r.for_seconds}`),
      [
        'payment_failures:0',
        'high_error_rate:300',
        'slow_api_response:180',
        'database_unavailable:0',
        'high_memory_usage:600',
      ]
    );
    assert.deepEqual(config.channels, [
      { name: 'webhook', enabled: true },
      { name: 'escalation', enabled: false },
    ]);
    assert.equal(config.thresholds.PAYMENT_FAILURE_THRESHOLD, 0.01);
    const history = (
      await api.get('/api/monitoring/alerts?action=history&from=2025-03-01T00:00:00Z', { headers: READ })
    ).json();
    assert.ok(history.count > 0, 'the backfilled history has alerts');
    const critical = (
      await api.get('/api/monitoring/alerts?action=history&from=2025-03-01T00:00:00Z&severity=critical', {
        headers: READ,
      })
    ).json();
    assert.ok(critical.alerts.every((a: { severity: string }) => a.severity === 'critical'));
  });

  it('capabilities list the three extensions and the retention', async () => {
    const body = (await api.get('/api/monitoring/capabilities', { headers: READ })).json();
    assert.deepEqual(body.extensions, ['metrics.history', 'alerts.history', 'incidents']);
    assert.deepEqual(body.retention, { metrics_days: 2, alerts_days: 90, incidents_days: 365 });
    assert.deepEqual(body.history_resolution_seconds, [60]);
  });

  it('incidents with MTBF and MTTR', async () => {
    const body = (await api.get('/api/monitoring/incidents?from=2025-03-01T00:00:00Z', { headers: READ })).json();
    assert.ok(body.incidents.length > 0, 'the backfilled history has incidents');
    assert.ok(body.mttr_seconds > 0);
  });

  it('POST alerts: test delivers to the webhook without revealing its URL', async () => {
    const res = await api.post('/api/monitoring/alerts', { action: 'test', channel: 'webhook' }, { headers: ADMIN });
    assert.equal(res.json().success, true);
    assert.doesNotMatch(res.text, /secret-token|127\.0\.0\.1/);
    assert.equal((received.at(-1) as { type: string }).type, 'test');
    const disabled = (
      await api.post('/api/monitoring/alerts', { action: 'test', channel: 'escalation' }, { headers: ADMIN })
    ).json();
    assert.equal(disabled.success, false);
    assert.match(disabled.message, /ESCALATION_WEBHOOK_URL/);
    // The seed's own example: no channel (defaults to webhook), sent as curl -d does.
    const seedStyle = await api.post('/api/monitoring/alerts', '{"action": "test"}', {
      headers: { ...ADMIN, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(seedStyle.json().channel, 'webhook');
  });

  it('POST alerts: trigger, acknowledge, resolve', async () => {
    const triggered = await api.post(
      '/api/monitoring/alerts',
      { action: 'trigger', severity: 'info', description: 'Manual test alert' },
      { headers: ADMIN }
    );
    assert.equal(triggered.status, 201);
    const alert = triggered.json().alert;
    assert.equal(alert.status, 'firing');
    assert.equal(alert.rule, 'manual');
    const active = (await api.get('/api/monitoring/alerts', { headers: READ })).json();
    assert.ok(active.alerts.some((a: { id: string }) => a.id === alert.id));
    const acked = (
      await api.post('/api/monitoring/alerts', { action: 'acknowledge', id: alert.id }, { headers: ADMIN })
    ).json().alert;
    assert.equal(acked.status, 'acknowledged');
    assert.ok(acked.acknowledged_at);
    const resolved = (
      await api.post('/api/monitoring/alerts', { action: 'resolve', id: alert.id }, { headers: ADMIN })
    ).json().alert;
    assert.equal(resolved.status, 'resolved');
    const again = await api.post('/api/monitoring/alerts', { action: 'acknowledge', id: alert.id }, { headers: ADMIN });
    assert.equal(again.status, 409);
    const missing = await api.post('/api/monitoring/alerts', { action: 'resolve', id: 'a-999999' }, { headers: ADMIN });
    assert.equal(missing.status, 404);
    assert.equal(missing.json().error.code, 'not_found');
  });

  it('POST alerts: bad bodies get 400 naming the field, huge bodies 413', async () => {
    const cases: [unknown, RegExp][] = [
      ['not json', /not valid JSON/],
      ['', /empty/],
      [[1, 2], /JSON object/],
      [{ action: 'explode' }, /"action"/],
      [{ action: 'trigger', severity: 'urgent', description: 'x' }, /"severity"/],
      [{ action: 'trigger', severity: 'info' }, /"description"/],
      [{ action: 'test', serverity: 'info' }, /"serverity"/],
      [{ action: 'acknowledge' }, /"id"/],
    ];
    for (const [body, message] of cases) {
      const res = await api.post('/api/monitoring/alerts', body, { headers: ADMIN });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.json().error.message, message);
    }
    const huge = await api.post(
      '/api/monitoring/alerts',
      { action: 'test', channel: 'x'.repeat(70_000) },
      { headers: ADMIN }
    );
    assert.equal(huge.status, 413);
    assert.equal(huge.json().error.code, 'payload_too_large');
  });

  it('bad query parameters get 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/monitoring/metrics?format=xml', 'format'],
      ['/api/monitoring/metrics?category=network', 'category'],
      ['/api/monitoring/dashboard?format=pdf', 'format'],
      ['/api/monitoring/dashboard?platform=datadog', 'platform'],
      ['/api/monitoring/alerts?action=everything', 'action'],
      ['/api/monitoring/alerts?action=history&severity=urgent', 'severity'],
    ];
    for (const [path, parameter] of cases) {
      const res = await api.get(path, { headers: READ });
      assert.equal(res.status, 400, path);
      assert.equal(res.json().error.code, 'bad_request');
      assert.match(res.json().error.message, new RegExp(`"${parameter}"`), path);
    }
  });

  it('unknown paths and methods get JSON errors', async () => {
    const missing = await api.get('/api/monitoring/nothing', { headers: READ, expect: 'error-body' });
    assert.equal(missing.status, 404);
    const wrongMethod = await api.call('PUT', '/api/monitoring/metrics', { headers: READ, expect: 'error-body' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.allow, 'GET');
  });

  it('clock control is off unless enabled', async () => {
    const res = await api.post('/api/monitoring/admin/clock', { advance_seconds: 60 }, { headers: ADMIN });
    assert.equal(res.status, 403);
    assert.match(res.json().error.message, /ENABLE_CLOCK_CONTROL/);
    const clock = (await api.get('/api/monitoring/admin/clock', { headers: ADMIN })).json().clock;
    assert.deepEqual([clock.speed, clock.control_enabled], [1, false]);
  });
});
