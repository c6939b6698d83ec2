// Each fault mode, as a client sees it. Normal responses must match the
// spec; deliberately broken ones (malformed JSON, HTML error page) must be
// rejected by the spec validator, which is what a strict client does.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ADMIN, ContractClient, rawRequest, READ } from '../helpers/contract-client.js';
import { startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

describe('fault injection', () => {
  let server: RunningServer;
  let api: ContractClient;

  before(async () => {
    server = await startServer({ HISTORY_DAYS: '1' });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  afterEach(async () => {
    await api.delete('/api/monitoring/admin/faults', { headers: ADMIN });
  });
  after(() => server?.stop());

  const inject = async (fault: Record<string, unknown>) => {
    const res = await api.post('/api/monitoring/admin/faults', fault, { headers: ADMIN });
    assert.equal(res.status, 201, res.text);
    return res.json().fault;
  };

  it('latency: the normal response, late', async () => {
    await inject({ endpoint: '/api/health/check', mode: 'latency', latency_ms: 400 });
    const res = await api.get('/api/health/check');
    assert.equal(res.status, 200);
    assert.ok(res.elapsedMs >= 400, `took ${res.elapsedMs} ms`);
  });

  it('status: a JSON error with the chosen status', async () => {
    await inject({ endpoint: '/api/monitoring/metrics', mode: 'status', status: 503 });
    const unavailable = await api.get('/api/monitoring/metrics', { headers: READ });
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.json().error.code, 'unavailable');
    assert.match(unavailable.json().error.message, /Injected fault/);
    await api.delete('/api/monitoring/admin/faults', { headers: ADMIN });
    await inject({ endpoint: '/api/monitoring/metrics', mode: 'status', status: 500 });
    assert.equal((await api.get('/api/monitoring/metrics', { headers: READ })).json().error.code, 'internal');
  });

  it('malformed: 200 with a JSON Content-Type but a body no parser accepts', async () => {
    await inject({ endpoint: '/api/monitoring/dashboard', mode: 'malformed' });
    const res = await api.get('/api/monitoring/dashboard', { headers: READ, expect: 'off-contract' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.throws(() => JSON.parse(res.text), SyntaxError);
  });

  it('html: a proxy error page with a 5xx status', async () => {
    await inject({ endpoint: '/api/monitoring/alerts', mode: 'html' });
    const res = await api.get('/api/monitoring/alerts', { headers: READ, expect: 'off-contract' });
    assert.equal(res.status, 502);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.text, /<title>502 Bad Gateway<\/title>/);
  });

  it('oversized: a valid body padded to the requested size', async () => {
    const size = 3_000_000;
    await inject({ endpoint: '/api/health/check', mode: 'oversized', size_bytes: size });
    const res = await api.get('/api/health/check');
    assert.equal(res.body.length, size);
    assert.equal(res.headers['content-length'], String(size));
    assert.equal(res.json().status, 'healthy');
  });

  it('drop: the connection closes without a response', async () => {
    await inject({ endpoint: '/api/monitoring/uptime', mode: 'drop' });
    await assert.rejects(rawRequest(server.baseUrl, 'GET', '/api/monitoring/uptime'), (err: NodeJS.ErrnoException) => {
      assert.ok(err.code === 'ECONNRESET' || /socket hang up/.test(err.message), `${err.code} ${err.message}`);
      return true;
    });
  });

  it('count limits a fault; "*" hits every contract endpoint but never the admin API', async () => {
    await inject({ endpoint: '/api/monitoring/uptime', mode: 'status', status: 504, count: 1 });
    assert.equal((await api.get('/api/monitoring/uptime')).status, 504);
    assert.equal((await api.get('/api/monitoring/uptime')).status, 200);

    await inject({ endpoint: '*', mode: 'status', status: 503 });
    for (const path of ['/api/health/check', '/api/monitoring/capabilities', '/api/monitoring/incidents']) {
      assert.equal((await api.get(path, { headers: READ })).status, 503, path);
    }
    const list = (await api.get('/api/monitoring/admin/faults', { headers: ADMIN })).json();
    assert.equal(list.faults.length, 1);
    assert.equal(list.faults[0].remaining, null);
    const cleared = (await api.delete('/api/monitoring/admin/faults', { headers: ADMIN })).json();
    assert.equal(cleared.cleared, 1);
    assert.equal((await api.get('/api/health/check')).status, 200);
  });

  it('faults apply after the key check', async () => {
    await inject({ endpoint: '/api/monitoring/metrics', mode: 'status', status: 503 });
    assert.equal((await api.get('/api/monitoring/metrics')).status, 401);
  });

  it('rejects fault requests that make no sense', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ endpoint: '/api/monitoring/metrics', mode: 'explode' }, /"mode"/],
      [{ endpoint: '/api/anything', mode: 'drop' }, /"endpoint"/],
      [{ endpoint: '*', mode: 'latency', status: 500 }, /"status"/],
      [{ endpoint: '*', mode: 'status', size_bytes: 10 }, /"size_bytes"/],
      [{ endpoint: '*', mode: 'latency', latency_ms: 1e9 }, /"latency_ms"/],
      [{ endpoint: '*', mode: 'drop', count: 0 }, /"count"/],
    ];
    for (const [fault, message] of cases) {
      const res = await api.post('/api/monitoring/admin/faults', fault, { headers: ADMIN });
      assert.equal(res.status, 400, JSON.stringify(fault));
      assert.match(res.json().error.message, message);
    }
  });
});
