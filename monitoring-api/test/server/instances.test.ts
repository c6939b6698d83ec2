// INSTANCES=N: one process, N ports, one workload. Each instance answers the
// contract (key header or bearer token) and has its own faults; a scenario
// set through one instance is what every instance serves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, ContractClient, READ } from '../helpers/contract-client.js';
import { READ_KEY, startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

describe('several instances in one process', () => {
  let server: RunningServer;
  let apis: ContractClient[];

  before(async () => {
    server = await startServer({ HISTORY_DAYS: '1', INSTANCES: '3' });
    const validator = await specValidator();
    apis = server.urls.map((url) => new ContractClient(url, validator));
  });
  after(() => server?.stop());

  it('logs one line per instance and a summary line with every URL', () => {
    assert.equal(server.urls.length, 3);
    assert.equal(new Set(server.urls).size, 3, 'every instance has its own port');
    server.urls.forEach((url, i) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(server.output().includes(`instance ${i + 1} of 3 listening on ${url}\n`), server.output());
    });
    assert.ok(server.output().includes(`listening on 3 instances: ${server.urls.join(' ')}\n`));
  });

  it('every instance answers the contract, with the key as a header or a bearer token', async () => {
    for (const api of apis) {
      assert.equal((await api.get('/api/health/check')).status, 200);
      assert.equal((await api.get('/api/monitoring/metrics', { headers: READ })).status, 200);
      const bearer = await api.get('/api/monitoring/metrics?format=prometheus', {
        headers: { Authorization: `Bearer ${READ_KEY}` },
      });
      assert.equal(bearer.status, 200);
      assert.match(bearer.text, /^# HELP /m);
    }
  });

  it('a fault belongs to the instance it was added on', async () => {
    const added = await apis[1]!.post(
      '/api/monitoring/admin/faults',
      { endpoint: '/api/monitoring/metrics', mode: 'status', status: 503 },
      { headers: ADMIN }
    );
    assert.equal(added.status, 201, added.text);
    try {
      const statuses = [];
      for (const api of apis) {
        statuses.push((await api.get('/api/monitoring/metrics', { headers: READ })).status);
      }
      assert.deepEqual(statuses, [200, 503, 200]);
    } finally {
      await apis[1]!.delete('/api/monitoring/admin/faults', { headers: ADMIN });
    }
  });

  it('all instances share one workload: a scenario set on one is seen on the others', async () => {
    const set = await apis[0]!.post('/api/monitoring/admin/scenario', { scenario: 'error_spike' }, { headers: ADMIN });
    assert.equal(set.status, 200, set.text);
    try {
      for (const api of apis.slice(1)) {
        const seen = await api.get('/api/monitoring/admin/scenario', { headers: ADMIN });
        assert.equal(seen.json().scenario.name, 'error_spike');
      }
    } finally {
      await apis[0]!.post('/api/monitoring/admin/scenario', { scenario: 'normal' }, { headers: ADMIN });
    }
  });
});
