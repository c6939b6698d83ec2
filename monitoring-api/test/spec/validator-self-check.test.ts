// The response validator must reject what the spec forbids; otherwise the
// server tests could pass without checking anything.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { specValidator, type SpecValidator } from '../helpers/spec-validator.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const HEALTH = {
  status: 'healthy',
  health_score: 100,
  timestamp: '2025-03-03T12:00:00.000Z',
  services: { database: { status: 'healthy', responseTime: 4 } },
};

function response(method: string, url: string, status: number, headers: Record<string, string>, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { method, url, status, headers, body: Buffer.from(text) };
}

describe('response validator self-check', () => {
  let spec: SpecValidator;
  before(async () => {
    spec = await specValidator();
  });

  it('accepts a correct health report', () => {
    assert.deepEqual(spec.errors(response('GET', '/api/health/check', 200, JSON_TYPE, HEALTH)), []);
  });

  it('rejects missing fields, unknown fields, bad enums and bad timestamps', () => {
    const { health_score: _omitted, ...missing } = HEALTH;
    for (const body of [
      missing,
      { ...HEALTH, extra: 1 },
      { ...HEALTH, status: 'fine' },
      { ...HEALTH, timestamp: 'yesterday' },
    ]) {
      assert.ok(
        spec.errors(response('GET', '/api/health/check', 200, JSON_TYPE, body)).length > 0,
        JSON.stringify(body)
      );
    }
  });

  it('rejects undocumented content types, statuses and operations', () => {
    assert.ok(
      spec.errors(response('GET', '/api/health/check', 200, { 'content-type': 'text/html' }, '<html>')).length > 0
    );
    assert.ok(spec.errors(response('GET', '/api/monitoring/uptime', 200, JSON_TYPE, 'not json')).length > 0);
    assert.ok(spec.errors(response('PUT', '/api/health/check', 200, JSON_TYPE, HEALTH)).length > 0);
  });

  it('checks Prometheus text line by line', () => {
    const text = { 'content-type': 'text/plain; version=0.0.4' };
    const good = '# HELP up_ratio Up (%)\n# TYPE up_ratio gauge\nup_ratio{endpoint="/a\\"b"} 99.5\nup_ratio 1e3\n\n';
    assert.deepEqual(spec.errors(response('GET', '/api/monitoring/metrics?format=prometheus', 200, text, good)), []);
    for (const bad of [
      'up.ratio 1\n',
      'up_ratio one\n',
      'up_ratio 1',
      '# TYPE up_ratio meter\n',
      'up_ratio{a=b} 1\n',
    ]) {
      assert.ok(
        spec.errors(response('GET', '/api/monitoring/metrics?format=prometheus', 200, text, bad)).length > 0,
        bad
      );
    }
  });

  it('requires Retry-After on 429', () => {
    const body = { error: { status: 429, code: 'rate_limited', message: 'slow down' } };
    assert.ok(spec.errors(response('GET', '/api/monitoring/metrics', 429, JSON_TYPE, body)).length > 0);
    const limits = { 'retry-after': '12', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0' };
    assert.deepEqual(
      spec.errors(response('GET', '/api/monitoring/metrics', 429, { ...JSON_TYPE, ...limits }, body)),
      []
    );
    assert.ok(
      spec.errors(
        response('GET', '/api/monitoring/metrics', 429, { ...JSON_TYPE, ...limits, 'retry-after': 'soon' }, body)
      ).length > 0
    );
  });

  it('rejects error bodies with an unknown code', () => {
    const body = { error: { status: 500, code: 'oops', message: 'broken' } };
    assert.ok(spec.errors(response('GET', '/api/monitoring/metrics', 500, JSON_TYPE, body)).length > 0);
  });
});
