// The scenarios Grafana's provisioned rules need beyond the server's own
// defaults: each pushes its metric past the rule's threshold, and neither
// is replayed in the history backfill.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/workload/clock.js';
import { BACKFILL_DURATION_MINUTES } from '../../src/workload/scenarios.js';
import { DB_MAX_CONNECTIONS } from '../../src/workload/traffic-profile.js';
import { Workload } from '../../src/workload/workload.js';

const START = Date.parse('2025-03-03T12:00:00Z');
const MIN = 60_000;

function run(scenario: 'normal' | 'resource_exhaustion' | 'auth_attack') {
  const clock = new ManualClock(START);
  const w = new Workload({ seed: 'unit', clock, historyDays: 1 });
  w.setScenario(scenario);
  clock.advance(6 * MIN);
  const value = (name: string) => w.metrics().find((m) => m.name === name && !m.labels)?.value ?? NaN;
  return { value };
}

describe('resource_exhaustion and auth_attack scenarios', () => {
  it('push each watched metric past its rule threshold, where normal stays inside', () => {
    const normal = run('normal');
    const exhausted = run('resource_exhaustion');
    const checks: Array<[string, (v: number) => boolean]> = [
      ['system.memory.usage', (v) => v > 95],
      ['system.disk.usage', (v) => v > 90],
      ['cache.hit_rate', (v) => v < 70],
      ['database.cache_hit_ratio', (v) => v < 90],
      ['database.connections.used', (v) => DB_MAX_CONNECTIONS - v < 10],
    ];
    for (const [name, past] of checks) {
      assert.ok(past(exhausted.value(name)), `${name} under resource_exhaustion: ${exhausted.value(name)}`);
      assert.ok(!past(normal.value(name)), `${name} normally: ${normal.value(name)}`);
    }
    assert.ok(run('auth_attack').value('auth.failures.rate') > 50);
    assert.ok(normal.value('auth.failures.rate') < 50);
  });

  it('are never replayed in the history backfill', () => {
    assert.deepEqual(Object.keys(BACKFILL_DURATION_MINUTES).sort(), [
      'database_down',
      'error_spike',
      'memory_pressure',
      'payment_failures',
      'slow_database',
    ]);
  });
});
