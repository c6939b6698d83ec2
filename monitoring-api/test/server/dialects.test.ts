// The real server in each dialect (--dialect or DIALECT): it answers in
// that dialect's shapes, still checks keys, and answers 404 for the
// optional extensions the dialect lacks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECT_NAMES } from '../../src/dialects/index.js';
import { ADMIN_KEY, READ_KEY, startServer } from '../helpers/server-process.js';

type Body = any;

/** One mark of each dialect's shape per core endpoint. */
const SHAPES: Record<string, Record<'health' | 'metrics' | 'alerts' | 'dashboard', (b: Body) => boolean>> = {
  express: {
    health: (b) => b.services.redis.status === 'healthy',
    metrics: (b) => typeof b.api.response_time.p95 === 'number',
    alerts: (b) => Array.isArray(b),
    dashboard: (b) => typeof b.requestsPerMinute === 'number',
  },
  nestjs: {
    health: (b) => b.status === 'ok' && b.details.payments.status === 'up',
    metrics: (b) => b.data.metrics.some((s: Body) => s.name === 'api.response_time.p95'),
    alerts: (b) => Array.isArray(b.data.items),
    dashboard: (b) => typeof b.data.summary.responseTimeP95 === 'number',
  },
  spring: {
    health: (b) => b.status === 'UP' && b.components.db.status === 'UP',
    metrics: (b) => typeof b.metrics['api.response_time.p95'] === 'number',
    alerts: (b) => Array.isArray(b.active),
    dashboard: (b) => typeof b.metrics.responseTimeP95 === 'number',
  },
  django: {
    health: (b) => b.status === 'ok' && b.services.some((s: Body) => s.name === 's3'),
    metrics: (b) => b.count === b.results.length && b.results.length > 30,
    alerts: (b) => Array.isArray(b.results),
    dashboard: (b) => typeof b.summary.response_time_p95 === 'number',
  },
  fastapi: {
    health: (b) => b.status === 'pass' && b.checks['database:responseTime'][0].status === 'pass',
    metrics: (b) => typeof b.metrics.api_response_time_p95 === 'number',
    alerts: (b) => Array.isArray(b),
    dashboard: (b) => typeof b.p95_ms === 'number',
  },
  go: {
    health: (b) => b.data.status === 'up' && b.data.checks.some((c: Body) => c.name === 'search'),
    metrics: (b) => typeof b.data.http.latency_ms.p95 === 'number',
    alerts: (b) => Array.isArray(b.data.alerts),
    dashboard: (b) => typeof b.data.summary.response_time_p95 === 'number',
  },
  rails: {
    health: (b) => b.services.database === 'ok' && b.services.sidekiq === 'ok',
    metrics: (b) => b.data.every((m: Body) => m.type === 'metric' && Array.isArray(m.attributes.tags)),
    alerts: (b) => Array.isArray(b.data) && typeof b.meta.total === 'number',
    dashboard: (b) => b.data.type === 'dashboard',
  },
  laravel: {
    health: (b) => b.status === 'ok' && b.checkResults[0].name === 'Database',
    metrics: (b) => b.data.every((m: Body) => typeof m.value === 'string') && b.links.next === null,
    alerts: (b) => Array.isArray(b.data) && b.meta.current_page === 1,
    dashboard: (b) => b.status === 'ok' && typeof b.data.summary.response_time_p95 === 'number',
  },
};

const EXTENSIONS = [
  '/api/monitoring/capabilities',
  '/api/monitoring/metrics/history?name=api.response_time.p95',
  '/api/monitoring/incidents',
];
/** Dialects that implement the optional extensions. */
const WITH_EXTENSIONS = new Set(['nestjs']);

async function get(baseUrl: string, path: string, key?: string, header = 'X-API-Key') {
  const res = await fetch(baseUrl + path, { headers: key ? { [header]: key } : {} });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(text) : undefined;
  return { status: res.status, json, text };
}

describe('the server in each dialect', { concurrency: 4 }, () => {
  it('has a shape check for every dialect', () => {
    assert.deepEqual(Object.keys(SHAPES).sort(), [...DIALECT_NAMES].sort());
  });

  DIALECT_NAMES.forEach((name, i) => {
    it(`${name}: answers in its shapes and 404s the extensions it lacks`, async () => {
      // Half the dialects through the command line, half through the environment.
      const server =
        i % 2 === 0
          ? await startServer({ HISTORY_DAYS: '1' }, ['--dialect', name])
          : await startServer({ HISTORY_DAYS: '1', DIALECT: name });
      try {
        assert.match(server.output(), new RegExp(`answering in the ${name} dialect`));
        const shape = SHAPES[name]!;
        const health = await get(server.baseUrl, '/api/health/check');
        assert.equal(health.status, 200);
        assert.ok(shape.health(health.json), `health: ${health.text}`);
        for (const [what, path] of [
          ['metrics', '/api/monitoring/metrics'],
          ['alerts', '/api/monitoring/alerts?action=active'],
          ['dashboard', '/api/monitoring/dashboard'],
        ] as const) {
          const res = await get(server.baseUrl, path, READ_KEY);
          assert.equal(res.status, 200, `${path}: ${res.text}`);
          assert.ok(shape[what](res.json), `${what}: ${res.text.slice(0, 500)}`);
        }
        assert.equal(
          (await get(server.baseUrl, '/api/monitoring/metrics')).status,
          401,
          'the read key is still required'
        );
        // The admin key sees the figures behind the dialect in the contract's shapes.
        const reference = await get(server.baseUrl, '/api/monitoring/dashboard', ADMIN_KEY, 'X-Admin-Key');
        assert.equal(typeof reference.json.summary.response_time_p95, 'number', reference.text);
        for (const path of EXTENSIONS) {
          const res = await get(server.baseUrl, path, READ_KEY);
          assert.equal(res.status, WITH_EXTENSIONS.has(name) ? 200 : 404, `${path}: ${res.text.slice(0, 200)}`);
        }
      } finally {
        await server.stop();
      }
    });
  });

  it('refuses an unknown dialect, naming the known ones', async () => {
    await assert.rejects(
      startServer({}, ['--dialect', 'cobol']),
      /exited with code 2[\s\S]*DIALECT must be one of express, nestjs, spring/
    );
    await assert.rejects(startServer({}, ['--dialect']), /--dialect needs a name/);
  });
});
