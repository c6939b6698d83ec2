// Per-key rate limiting with 429 and Retry-After (limit set tiny via env).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, ContractClient, READ } from '../helpers/contract-client.js';
import { startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

const LIMIT = 3;

describe('rate limiting', () => {
  let server: RunningServer;
  let api: ContractClient;

  before(async () => {
    server = await startServer({ HISTORY_DAYS: '1', RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  after(() => server?.stop());

  it('allows the limit per key, then answers 429 with Retry-After', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await api.get('/api/monitoring/metrics?category=cache', { headers: READ });
      assert.equal(res.status, 200);
      assert.equal(res.headers['x-ratelimit-limit'], String(LIMIT));
      assert.equal(res.headers['x-ratelimit-remaining'], String(LIMIT - 1 - i));
    }
    const limited = await api.get('/api/monitoring/metrics?category=cache', { headers: READ });
    assert.equal(limited.status, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    // One token per 60/LIMIT = 20 s comes back.
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 20, `Retry-After ${retryAfter}`);
    assert.match(limited.json().error.message, /retry after \d+ s/);
  });

  it('counts each key separately', async () => {
    const admin = await api.get('/api/monitoring/metrics?category=cache', { headers: ADMIN });
    assert.equal(admin.status, 200);
  });

  it('limits callers without a key by address, and wrong keys count there too', async () => {
    for (let i = 0; i < LIMIT; i++) {
      assert.equal((await api.get('/api/health/check')).status, 200);
    }
    assert.equal((await api.get('/api/health/check')).status, 429);
    // Key guessing from the same address is throttled rather than answered 401.
    const guess = await api.get('/api/monitoring/metrics', { headers: { 'X-API-Key': 'guess' } });
    assert.equal(guess.status, 429);
    assert.ok(Number(guess.headers['retry-after']) >= 1);
  });
});
