// Each workload scenario fires its seed rule after the rule's "for" window
// and resolves after "normal". The simulated clock is jumped forward through
// the admin API (ENABLE_CLOCK_CONTROL=true), so ten minutes pass in
// milliseconds; one case checks CLOCK_SPEED instead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN, ContractClient, READ } from '../helpers/contract-client.js';
import { startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

interface Alert {
  id: string;
  rule: string;
  status: string;
  value: number | null;
  threshold: number | null;
  escalation_level: number;
  resolved_at: string | null;
}

interface Case {
  scenario: string;
  rule: string;
  /** Seconds after which the rule must not have fired yet (undefined: fires at once). */
  notBefore?: number;
  /** Seconds after which it must have fired. */
  firedBy: number;
  /** What else a client sees while the scenario lasts. */
  symptoms: (api: ContractClient) => Promise<void>;
}

async function metric(api: ContractClient, name: string): Promise<number> {
  const body = (await api.get('/api/monitoring/metrics', { headers: READ })).json();
  const sample = body.metrics.find((m: { name: string; labels?: object }) => m.name === name && !m.labels);
  assert.ok(sample, `metric ${name} is reported`);
  return sample.value;
}

const CASES: Case[] = [
  {
    scenario: 'error_spike',
    rule: 'high_error_rate',
    notBefore: 120,
    firedBy: 420,
    symptoms: async (api) => assert.ok((await metric(api, 'api.error_rate')) > 5),
  },
  {
    scenario: 'payment_failures',
    rule: 'payment_failures',
    firedBy: 10,
    symptoms: async (api) => {
      assert.ok((await metric(api, 'payments.failure_rate')) > 1);
      const health = (await api.get('/api/health/check')).json();
      assert.equal(health.services.stripe.status, 'degraded');
    },
  },
  {
    scenario: 'slow_database',
    rule: 'slow_api_response',
    notBefore: 60,
    firedBy: 300,
    symptoms: async (api) => {
      assert.ok((await metric(api, 'database.query_time.p95')) > 1000);
      const health = (await api.get('/api/health/check')).json();
      assert.equal(health.services.database.status, 'degraded');
      assert.equal(health.status, 'degraded');
    },
  },
  {
    scenario: 'memory_pressure',
    rule: 'high_memory_usage',
    notBefore: 300,
    firedBy: 660,
    symptoms: async (api) => assert.ok((await metric(api, 'system.memory.usage')) > 80),
  },
  {
    scenario: 'database_down',
    rule: 'database_unavailable',
    firedBy: 10,
    symptoms: async (api) => {
      assert.equal(await metric(api, 'database.available'), 0);
      const health = await api.get('/api/health/check');
      assert.equal(health.status, 503);
      assert.equal(health.json().status, 'unhealthy');
      assert.equal(health.json().services.database.status, 'unhealthy');
    },
  },
];

describe('alert-triggering scenarios (clock control)', () => {
  let server: RunningServer;
  let api: ContractClient;

  before(async () => {
    server = await startServer({ HISTORY_DAYS: '1', ENABLE_CLOCK_CONTROL: 'true' });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  after(() => server?.stop());

  const advance = async (seconds: number) => {
    const res = await api.post('/api/monitoring/admin/clock', { advance_seconds: seconds }, { headers: ADMIN });
    assert.equal(res.status, 200, res.text);
  };
  const setScenario = async (scenario: string, duration?: number) => {
    const body = duration === undefined ? { scenario } : { scenario, duration_seconds: duration };
    const res = await api.post('/api/monitoring/admin/scenario', body, { headers: ADMIN });
    assert.equal(res.status, 200, res.text);
    return res.json().scenario;
  };
  const active = async (): Promise<Alert[]> =>
    (await api.get('/api/monitoring/alerts', { headers: READ })).json().alerts;
  const firing = async (rule: string) => (await active()).find((a) => a.rule === rule);

  for (const c of CASES) {
    it(`${c.scenario} fires ${c.rule} after its window and resolves after normal`, async () => {
      assert.equal(await firing(c.rule), undefined, 'calm before the scenario');
      const state = await setScenario(c.scenario);
      assert.equal(state.name, c.scenario);
      let elapsed = 0;
      if (c.notBefore !== undefined) {
        await advance(c.notBefore);
        elapsed = c.notBefore;
        assert.equal(await firing(c.rule), undefined, `${c.rule} must wait for its window`);
      }
      await advance(c.firedBy - elapsed);
      const alert = await firing(c.rule);
      assert.ok(alert, `${c.rule} fires`);
      assert.equal(alert.status, 'firing');
      await c.symptoms(api);

      await setScenario('normal');
      await advance(360);
      assert.equal(await firing(c.rule), undefined, `${c.rule} resolves`);
      const history = (await api.get('/api/monitoring/alerts?action=history', { headers: READ })).json();
      const resolved = history.alerts.find((a: Alert) => a.id === alert.id);
      assert.equal(resolved.status, 'resolved');
      assert.ok(resolved.resolved_at);
      const incidents = (await api.get('/api/monitoring/incidents', { headers: READ })).json();
      const incident = incidents.incidents.find((i: { alert_ids: string[] }) => i.alert_ids.includes(alert.id));
      assert.ok(incident, 'the alert joined an incident');
      assert.ok(incident.resolved_at, 'the incident resolved with its alerts');
    });
  }

  it('escalates an unacknowledged alert and freezes the level on acknowledgement', async () => {
    const triggered = await api.post(
      '/api/monitoring/alerts',
      { action: 'trigger', severity: 'critical', description: 'Checkout returns 500' },
      { headers: ADMIN }
    );
    const alert = triggered.json().alert;
    assert.equal(alert.escalation_level, 1, 'critical escalates immediately');
    await advance(16 * 60);
    const later = (await active()).find((a) => a.id === alert.id)!;
    assert.equal(later.escalation_level, 2);
    await api.post('/api/monitoring/alerts', { action: 'acknowledge', id: alert.id }, { headers: ADMIN });
    await advance(60 * 60);
    const acked = (await active()).find((a) => a.id === alert.id)!;
    assert.deepEqual([acked.status, acked.escalation_level], ['acknowledged', 2]);
    await api.post('/api/monitoring/alerts', { action: 'resolve', id: alert.id }, { headers: ADMIN });
  });

  it('a scenario with a duration ends by itself', async () => {
    const state = await setScenario('error_spike', 60);
    assert.ok(state.ends_at);
    await advance(120);
    const now = (await api.get('/api/monitoring/admin/scenario', { headers: ADMIN })).json().scenario;
    assert.deepEqual(now, { name: 'normal', started_at: null, ends_at: null });
  });

  it('rejects unknown scenarios and bad clock jumps', async () => {
    const bad = await api.post('/api/monitoring/admin/scenario', { scenario: 'meteor' }, { headers: ADMIN });
    assert.equal(bad.status, 400);
    assert.match(bad.json().error.message, /"scenario"/);
    for (const body of [{}, { advance_seconds: 0 }, { advance_seconds: 90_000 }, { advance_seconds: 1.5 }]) {
      const res = await api.post('/api/monitoring/admin/clock', body, { headers: ADMIN });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.json().error.message, /"advance_seconds"/);
    }
  });
});

describe('alert-triggering scenarios (CLOCK_SPEED)', () => {
  let server: RunningServer;
  let api: ContractClient;

  before(async () => {
    // 600 simulated seconds per real second: the 10-minute memory window takes about a second.
    server = await startServer({ HISTORY_DAYS: '1', CLOCK_SPEED: '600' });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  after(() => server?.stop());

  it('memory_pressure fires high_memory_usage in real time at 600x', async () => {
    await api.post('/api/monitoring/admin/scenario', { scenario: 'memory_pressure' }, { headers: ADMIN });
    const deadline = Date.now() + 10_000;
    let fired = false;
    while (!fired && Date.now() < deadline) {
      await sleep(250);
      const alerts = (await api.get('/api/monitoring/alerts', { headers: READ })).json().alerts;
      fired = alerts.some((a: Alert) => a.rule === 'high_memory_usage');
    }
    assert.ok(fired, 'high_memory_usage fired within 10 s of real time');
    const clock = (await api.get('/api/monitoring/admin/clock', { headers: ADMIN })).json().clock;
    assert.equal(clock.speed, 600);
  });
});
