// Time-range parameters of the extensions: valid ranges, alignment,
// inverted and too long ranges, too many points, and determinism of the
// backfilled history for a given seed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContractClient, READ } from '../helpers/contract-client.js';
import { CLOCK_START, startServer, type RunningServer } from '../helpers/server-process.js';
import { specValidator } from '../helpers/spec-validator.js';

const NOW = Date.parse(CLOCK_START);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('history ranges', () => {
  let server: RunningServer;
  let twin: RunningServer;
  let api: ContractClient;

  before(async () => {
    // Two processes with the same seed and start must replay the same history.
    // Eight days: long enough that a 60 s step over the whole retention passes 11,000 points.
    // One after the other, so a failed start never leaves the other process running.
    server = await startServer({ HISTORY_DAYS: '8' });
    twin = await startServer({ HISTORY_DAYS: '8' });
    api = new ContractClient(server.baseUrl, await specValidator());
  });
  after(async () => {
    await Promise.all([server?.stop(), twin?.stop()]);
  });

  const history = (query: string) => api.get(`/api/monitoring/metrics/history?${query}`, { headers: READ });

  it('returns step-aligned points inside the range, one series per label set', async () => {
    const from = NOW - 6 * HOUR;
    const res = await history(`name=api.response_time.p95&from=${iso(from)}&to=${iso(NOW)}&step=300`);
    assert.equal(res.status, 200);
    const body = res.json();
    assert.equal(body.step, 300);
    assert.equal(body.series.length, 7, 'overall plus six endpoints');
    const overall = body.series.find((s: { labels: object }) => Object.keys(s.labels).length === 0);
    assert.equal(overall.unit, 'ms');
    assert.equal(overall.points.length, 72);
    for (const [t, value] of overall.points) {
      assert.ok(t >= from && t < NOW, 'inside [from, to)');
      assert.equal(t % 300_000, 0, 'aligned to the step');
      assert.ok(value > 0);
    }
  });

  it('accepts unix milliseconds and a category; rounds the step up to the resolution', async () => {
    const body = (await history(`category=database&from=${NOW - HOUR}&to=${NOW}&step=90`)).json();
    assert.equal(body.step, 120);
    assert.ok(body.series.every((s: { category: string }) => s.category === 'database'));
    assert.ok(body.series.some((s: { name: string }) => s.name === 'database.replication_lag'));
  });

  it('picks a default step of at most 1000 points', async () => {
    const body = (await history(`name=system.memory.usage&from=${iso(NOW - 2 * 24 * HOUR)}&to=${iso(NOW)}`)).json();
    assert.equal(body.step, 180);
    assert.ok(body.series[0].points.length <= 1000);
  });

  it('leaves gaps where there is no data (real process figures before start)', async () => {
    // The last replayed minute ends where the server started (NOW).
    const body = (await history(`name=system.memory.heap_used&from=${iso(NOW - HOUR)}&to=${iso(NOW - 60_000)}`)).json();
    assert.deepEqual(body.series[0].points, []);
    const simulated = (
      await history(`name=system.memory.usage&from=${iso(NOW - HOUR)}&to=${iso(NOW - 60_000)}`)
    ).json();
    assert.equal(simulated.series[0].points.length, 59);
  });

  it('rejects inverted, empty, too long and too dense ranges', async () => {
    const cases: [string, string, RegExp][] = [
      [`name=api.error_rate&from=${iso(NOW)}&to=${iso(NOW - HOUR)}`, 'from', /before "to"/],
      [`name=api.error_rate&from=${iso(NOW)}&to=${iso(NOW)}`, 'from', /before "to"/],
      [`name=api.error_rate&from=${iso(NOW - 9 * 24 * HOUR)}&to=${iso(NOW)}`, 'from', /keeps 8 days/],
      [
        `name=api.error_rate&from=${iso(NOW - 8 * 24 * HOUR)}&to=${iso(NOW)}&step=10`,
        'step',
        /11520 points.*11000.*at least 120 s/,
      ],
      [`name=api.error_rate&from=1741003200`, 'from', /unix seconds/],
      [`name=api.error_rate&from=yesterday`, 'from', /RFC 3339/],
      [`name=api.error_rate&step=-5`, 'step', /whole number/],
      [`name=no.such_metric`, 'name', /unknown metric/],
      [`name=api.error_rate&category=business`, 'category', /in category "api"/],
      [`from=${iso(NOW - HOUR)}`, 'name', /name, a category, or both/],
    ];
    for (const [query, parameter, message] of cases) {
      const res = await history(query);
      assert.equal(res.status, 400, query);
      assert.match(res.json().error.message, new RegExp(`"${parameter}"`), query);
      assert.match(res.json().error.message, message, query);
    }
  });

  it('alert history and incidents validate their ranges too', async () => {
    const inverted = await api.get(`/api/monitoring/alerts?action=history&from=${iso(NOW)}&to=${iso(NOW - HOUR)}`, {
      headers: READ,
    });
    assert.equal(inverted.status, 400);
    const tooLong = await api.get(`/api/monitoring/alerts?action=history&from=${iso(NOW - 91 * 24 * HOUR)}`, {
      headers: READ,
    });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.json().error.message, /keeps 90 days of alerts/);
    const incidentsTooLong = await api.get(`/api/monitoring/incidents?from=${iso(NOW - 400 * 24 * HOUR)}`, {
      headers: READ,
    });
    assert.equal(incidentsTooLong.status, 400);
    const old = (
      await api.get(`/api/monitoring/incidents?from=${iso(NOW - 300 * 24 * HOUR)}&to=${iso(NOW - 200 * 24 * HOUR)}`, {
        headers: READ,
      })
    ).json();
    assert.deepEqual(old, { incidents: [], mtbf_seconds: null, mttr_seconds: null });
  });

  it('alert history holds resolved alerts overlapping the range, with their lifecycle', async () => {
    const body = (
      await api.get(`/api/monitoring/alerts?action=history&from=${iso(NOW - 2 * 24 * HOUR)}&to=${iso(NOW)}`, {
        headers: READ,
      })
    ).json();
    assert.ok(body.count > 0);
    for (const alert of body.alerts) {
      if (alert.status === 'resolved') assert.ok(Date.parse(alert.resolved_at) >= Date.parse(alert.started_at));
      if (alert.acknowledged_at) assert.ok(Date.parse(alert.acknowledged_at) >= Date.parse(alert.started_at));
      assert.ok(alert.escalation_level >= 0 && alert.escalation_level <= 3);
    }
  });

  it('replays the same simulated history for the same seed and start', async () => {
    const query = `/api/monitoring/metrics/history?category=business&from=${iso(NOW - 2 * 24 * HOUR)}&to=${iso(NOW - HOUR)}&step=600`;
    const twinApi = new ContractClient(twin.baseUrl, await specValidator());
    const [a, b] = await Promise.all([api.get(query, { headers: READ }), twinApi.get(query, { headers: READ })]);
    assert.ok(a.json().series.some((s: { points: unknown[] }) => s.points.length > 0));
    assert.deepEqual(a.json(), b.json());
    const alertsQuery = `/api/monitoring/alerts?action=history&from=${iso(NOW - 2 * 24 * HOUR)}&to=${iso(NOW - HOUR)}`;
    const [x, y] = await Promise.all([
      api.get(alertsQuery, { headers: READ }),
      twinApi.get(alertsQuery, { headers: READ }),
    ]);
    assert.deepEqual(x.json(), y.json());
  });
});
