// Keys: public probes, read endpoints, admin actions; header and query
// parameter; read key versus admin key; secrets never echoed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, ContractClient, READ } from '../helpers/contract-client.js';
import { ADMIN_KEY, READ_KEY, startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

const WRONG_KEY = 'wrong-key-7d3e1b';
const READ_PATHS = [
  '/api/monitoring/metrics',
  '/api/monitoring/dashboard',
  '/api/monitoring/alerts',
  '/api/monitoring/capabilities',
  '/api/monitoring/metrics/history?name=api.error_rate',
  '/api/monitoring/incidents',
];
const ADMIN_CALLS: [string, string, unknown][] = [
  ['POST', '/api/monitoring/alerts', { action: 'test' }],
  ['GET', '/api/monitoring/admin/faults', undefined],
  ['POST', '/api/monitoring/admin/scenario', { scenario: 'normal' }],
];

describe('authentication and authorization', () => {
  let server: RunningServer;
  let api: ContractClient;

  before(async () => {
    server = await startServer({ HISTORY_DAYS: '1' });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  after(() => server?.stop());

  it('health and uptime answer without a key, and with a valid one', async () => {
    for (const path of ['/api/health/check', '/api/monitoring/uptime']) {
      assert.equal((await api.get(path)).status, 200, path);
      assert.equal((await api.get(path, { headers: READ })).status, 200, path);
    }
  });

  it('health and uptime reject a wrong key instead of ignoring it', async () => {
    for (const path of ['/api/health/check', '/api/monitoring/uptime']) {
      const res = await api.get(path, { headers: { 'X-API-Key': WRONG_KEY } });
      assert.equal(res.status, 401, path);
      assert.equal(res.json().error.code, 'unauthorized');
    }
  });

  it('read endpoints need a key: 401 without one, with the reason', async () => {
    for (const path of READ_PATHS) {
      const res = await api.get(path);
      assert.equal(res.status, 401, path);
      assert.match(res.json().error.message, /X-API-Key/);
    }
  });

  it('read endpoints reject a wrong key without echoing it', async () => {
    for (const path of READ_PATHS) {
      const res = await api.get(path, { headers: { 'X-API-Key': WRONG_KEY } });
      assert.equal(res.status, 401, path);
      assert.ok(!res.text.includes(WRONG_KEY), 'the presented key must not be echoed');
      assert.match(res.json().error.message, /METRICS_API_KEY/);
    }
  });

  it('read endpoints accept the key as header or api_key query parameter', async () => {
    for (const path of READ_PATHS) {
      assert.equal((await api.get(path, { headers: READ })).status, 200, path);
      const separator = path.includes('?') ? '&' : '?';
      assert.equal((await api.get(`${path}${separator}api_key=${READ_KEY}`)).status, 200, path);
      assert.equal((await api.get(`${path}${separator}api_key=${WRONG_KEY}`)).status, 401, path);
    }
  });

  it('read endpoints accept the key as Authorization: Bearer, and reject a wrong one', async () => {
    for (const path of READ_PATHS) {
      const ok = await api.get(path, { headers: { Authorization: `Bearer ${READ_KEY}` } });
      assert.equal(ok.status, 200, path);
      const wrong = await api.get(path, { headers: { Authorization: `Bearer ${WRONG_KEY}` } });
      assert.equal(wrong.status, 401, path);
      assert.ok(!wrong.text.includes(WRONG_KEY), 'the presented token must not be echoed');
    }
    const lowerCase = await api.get('/api/monitoring/metrics', { headers: { Authorization: `bearer ${READ_KEY}` } });
    assert.equal(lowerCase.status, 200, 'the scheme name is case-insensitive');
  });

  it('X-API-Key wins over a bearer token, and another Authorization scheme counts as no key', async () => {
    const both = await api.get('/api/monitoring/metrics', {
      headers: { ...READ, Authorization: `Bearer ${WRONG_KEY}` },
    });
    assert.equal(both.status, 200);
    const basic = { Authorization: `Basic ${Buffer.from(`u:${READ_KEY}`).toString('base64')}` };
    const metrics = await api.get('/api/monitoring/metrics', { headers: basic });
    assert.equal(metrics.status, 401);
    assert.match(metrics.json().error.message, /Missing API key.*Bearer/);
    assert.equal((await api.get('/api/health/check', { headers: basic })).status, 200);
  });

  it('the admin key as a bearer token only reads', async () => {
    const bearer = { Authorization: `Bearer ${ADMIN_KEY}` };
    assert.equal((await api.get('/api/monitoring/metrics', { headers: bearer })).status, 200);
    assert.equal((await api.post('/api/monitoring/alerts', { action: 'test' }, { headers: bearer })).status, 403);
  });

  it('the admin key also reads, in X-Admin-Key or X-API-Key', async () => {
    assert.equal((await api.get('/api/monitoring/metrics', { headers: ADMIN })).status, 200);
    assert.equal((await api.get('/api/monitoring/metrics', { headers: { 'X-API-Key': ADMIN_KEY } })).status, 200);
  });

  it('admin actions: 401 without a key, 403 with the read key, 401 with a wrong admin key', async () => {
    for (const [method, path, body] of ADMIN_CALLS) {
      const none = await api.call(method, path, { body });
      assert.equal(none.status, 401, `${method} ${path}`);
      assert.match(none.json().error.message, /X-Admin-Key/);
      const read = await api.call(method, path, { body, headers: READ });
      assert.equal(read.status, 403, `${method} ${path}`);
      assert.equal(read.json().error.code, 'forbidden');
      const wrong = await api.call(method, path, { body, headers: { 'X-Admin-Key': WRONG_KEY } });
      assert.equal(wrong.status, 401, `${method} ${path}`);
      assert.ok(!wrong.text.includes(WRONG_KEY));
    }
  });

  it('the admin key in a URL or in X-API-Key never changes state', async () => {
    const viaQuery = await api.post(`/api/monitoring/alerts?api_key=${ADMIN_KEY}`, { action: 'test' });
    assert.equal(viaQuery.status, 403);
    const viaReadHeader = await api.post(
      '/api/monitoring/alerts',
      { action: 'test' },
      { headers: { 'X-API-Key': ADMIN_KEY } }
    );
    assert.equal(viaReadHeader.status, 403);
  });

  it('admin actions succeed with X-Admin-Key', async () => {
    for (const [method, path, body] of ADMIN_CALLS) {
      const res = await api.call(method, path, { body, headers: ADMIN });
      assert.equal(res.status, 200, `${method} ${path}: ${res.text}`);
    }
  });

  it('keys never appear in the server output', () => {
    for (const secret of [READ_KEY, ADMIN_KEY, WRONG_KEY]) {
      assert.ok(!server.output().includes(secret), 'a key was logged');
    }
  });
});
