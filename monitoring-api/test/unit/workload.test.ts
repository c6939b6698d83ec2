// The demo workload on a fake clock: determinism, backfill content, and each
// scenario firing its rule exactly when its window has passed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/workload/clock.js';
import { SCENARIOS } from '../../src/workload/scenarios.js';
import { Workload } from '../../src/workload/workload.js';

const START = Date.parse('2025-03-03T12:00:00Z');
const MIN = 60_000;

function workload(seed = 'unit', days = 1) {
  const clock = new ManualClock(START);
  return { clock, w: new Workload({ seed, clock, historyDays: days }) };
}

function value(w: Workload, name: string): number {
  return w.metrics().find((m) => m.name === name && !m.labels)!.value;
}

function activeRules(w: Workload): string[] {
  return w.alerts.active().map((a) => a.rule);
}

/** Minutes until `rule` fires under `scenario`, stepping the fake clock by 10 s. */
function minutesUntilFiring(scenario: (typeof SCENARIOS)[number], rule: string): number {
  const { clock, w } = workload();
  w.setScenario(scenario);
  for (let s = 10; s <= 20 * 60; s += 10) {
    clock.advance(10_000);
    if (activeRules(w).includes(rule)) return s / 60;
  }
  return Infinity;
}

describe('demo workload', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = workload('same');
    const b = workload('same');
    const c = workload('other');
    const range = { from: START - 86_400_000, to: START };
    const series = (w: Workload) => w.metricsHistory.query({ category: 'business', ...range, stepSeconds: 600 });
    assert.deepEqual(series(a.w), series(b.w));
    assert.notDeepEqual(series(a.w), series(c.w));
    assert.deepEqual(a.w.alertHistory.history(range), b.w.alertHistory.history(range));
    a.clock.advance(30 * MIN);
    b.clock.advance(30 * MIN);
    assert.deepEqual(a.w.metrics(), b.w.metrics());
  });

  it('backfills history, alerts and incidents for the whole retention', () => {
    const { w } = workload('backfill', 7);
    const range = { from: START - 7 * 86_400_000, to: START };
    const [p95] = w.metricsHistory.query({ name: 'api.response_time.p95', ...range, stepSeconds: 3600 });
    assert.equal(p95!.points.length, 7 * 24);
    assert.ok(p95!.points.every(([, v]) => v > 10 && v < 10_000));
    const episodes = w.episodesPlayed;
    assert.equal(episodes.length, 3);
    const alerts = w.alertHistory.history(range);
    const rulesFired = new Set(alerts.map((a) => a.rule));
    for (const episode of episodes) {
      const expected = {
        error_spike: 'high_error_rate',
        payment_failures: 'payment_failures',
        slow_database: 'slow_api_response',
        memory_pressure: 'high_memory_usage',
        database_down: 'database_unavailable',
      }[episode.scenario];
      assert.ok(rulesFired.has(expected), `${episode.scenario} in the backfill fired ${expected}`);
    }
    assert.ok(
      alerts.some((a) => a.rule === 'maintenance' && a.severity === 'info'),
      'the Sunday maintenance window'
    );
    assert.ok(w.incidents.incidents(range).incidents.length >= episodes.length);
    assert.deepEqual(w.alerts.active(), [], 'a fresh server starts calm');
  });

  it('keeps normal traffic inside every rule for a simulated day', () => {
    const { clock, w } = workload('calm');
    for (let i = 0; i < 24 * 6; i++) {
      clock.advance(10 * MIN);
      const rules = activeRules(w).filter((r) => r !== 'payment_failures' && r !== 'maintenance');
      assert.deepEqual(rules, [], `at ${new Date(clock.now()).toISOString()}`);
    }
    assert.ok(value(w, 'api.error_rate') < 2);
    assert.ok(value(w, 'api.response_time.p95') < 1500);
    assert.ok(value(w, 'system.memory.usage') < 70);
  });

  it('fires each rule when its window has passed, not before', () => {
    assert.equal(minutesUntilFiring('payment_failures', 'payment_failures'), 10 / 60);
    assert.equal(minutesUntilFiring('database_down', 'database_unavailable'), 10 / 60);
    const errorSpike = minutesUntilFiring('error_spike', 'high_error_rate');
    assert.ok(errorSpike >= 5 && errorSpike <= 6, `error spike fired after ${errorSpike} min`);
    const slow = minutesUntilFiring('slow_database', 'slow_api_response');
    assert.ok(slow >= 3 && slow <= 4, `slow database fired after ${slow} min`);
    const memory = minutesUntilFiring('memory_pressure', 'high_memory_usage');
    assert.ok(memory >= 10 && memory <= 10.5, `memory pressure fired after ${memory} min`);
  });

  it('keeps memory above 85 % under memory pressure, GC dips and drift included', () => {
    // The memory-high alert rule (above 85 % for 5 minutes) must fire in this scenario.
    for (const seed of ['unit', 'a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      const { clock, w } = workload(seed);
      w.setScenario('memory_pressure');
      let lowest = Infinity;
      for (let s = 0; s < 3 * 60 * 60; s += 10) {
        clock.advance(10_000);
        lowest = Math.min(lowest, value(w, 'system.memory.usage'));
      }
      assert.ok(lowest > 85, `seed ${seed}: memory fell to ${lowest} % under pressure`);
    }
  });

  it('resolves alerts and recovers health after normal', () => {
    const { clock, w } = workload();
    w.setScenario('database_down');
    clock.advance(6 * MIN);
    assert.equal(w.health().status, 'unhealthy');
    assert.deepEqual(activeRules(w).sort(), ['database_unavailable', 'high_error_rate']);
    assert.ok(w.uptime().uptime.percentage < 100);
    w.setScenario('normal');
    clock.advance(2 * MIN);
    assert.deepEqual(activeRules(w), []);
    assert.equal(w.health().status, 'healthy');
  });

  it('resets revenue at midnight UTC', () => {
    const { clock, w } = workload();
    assert.ok(value(w, 'payments.revenue.total') > 0);
    clock.advance(12 * 60 * MIN + 10_000); // just past midnight
    assert.ok(value(w, 'payments.revenue.total') < 1_000);
  });
});
