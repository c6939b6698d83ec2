// The endpoint layer mounted inside another node:http app, with a source
// the app provides and its own routes served through next().
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createMonitoringHandler, type MonitoringSource } from '../../src/contract/index.js';

const NOW = Date.parse('2025-03-03T12:00:00Z');

/** The smallest source an application could write: core contract only. */
const coreOnly: MonitoringSource = {
  now: () => NOW,
  health: () => ({
    status: 'healthy',
    health_score: 100,
    services: { database: { status: 'healthy', responseTime: 3 } },
  }),
  uptime: () => ({
    status: 'healthy',
    uptime: { formatted: '1d 0h 0m 0s', percentage: 100, seconds: 86_400 },
    sla: { target: 99.9, compliance: { overall: true, uptime: true, errorRate: true } },
  }),
  metrics: () => [{ name: 'api.error_rate', value: 0.5, unit: '%', category: 'api', description: 'Failed requests' }],
  alerts: {
    active: () => [],
    configuration: () => ({ rules: [], channels: [], thresholds: {} }),
    trigger: () => {
      throw new Error('not used');
    },
    acknowledge: () => ({ ok: false, reason: 'not_found' }),
    resolve: () => ({ ok: false, reason: 'not_found' }),
    testChannel: async () => undefined,
  },
};

describe('mounting the endpoint layer in an existing app', () => {
  let server: Server;
  let base: string;

  before(async () => {
    const monitoring = createMonitoringHandler({
      source: coreOnly,
      keys: { readKey: 'r', adminKey: 'a' },
      rateLimitPerMinute: 100,
    });
    server = createServer((req, res) => {
      monitoring(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('the host app');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the contract paths and leaves the others to the host', async () => {
    const health = await fetch(`${base}/api/health/check`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { timestamp: string }).timestamp, '2025-03-03T12:00:00.000Z');
    const metrics = await fetch(`${base}/api/monitoring/metrics?format=prometheus`, { headers: { 'X-API-Key': 'r' } });
    assert.match(await metrics.text(), /^api_error_rate 0\.5$/m);
    const host = await fetch(`${base}/index.html`);
    assert.equal(await host.text(), 'the host app');
  });

  it('reports missing extensions: capabilities lists none, extension paths answer 404', async () => {
    const caps = (await (
      await fetch(`${base}/api/monitoring/capabilities`, { headers: { 'X-API-Key': 'r' } })
    ).json()) as { extensions: string[] };
    assert.deepEqual(caps.extensions, []);
    const history = await fetch(`${base}/api/monitoring/metrics/history?name=api.error_rate`, {
      headers: { 'X-API-Key': 'r' },
    });
    assert.equal(history.status, 404);
    assert.match(
      ((await history.json()) as { error: { message: string } }).error.message,
      /"metrics.history" extension/
    );
  });

  it('turns a failing source into a 500 without leaking details', async () => {
    const failing = createMonitoringHandler({
      source: {
        ...coreOnly,
        metrics: () => {
          throw new Error('db password=hunter2');
        },
      },
      keys: { readKey: 'r', adminKey: 'a' },
      rateLimitPerMinute: 100,
      logger: { info: () => undefined, error: () => undefined },
    });
    const s = createServer((req, res) => failing(req, res));
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/api/monitoring/metrics`, {
        headers: { 'X-API-Key': 'r' },
      });
      assert.equal(res.status, 500);
      const body = await res.text();
      assert.match(body, /"code":"internal"/);
      assert.ok(!body.includes('hunter2'));
    } finally {
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });
});
