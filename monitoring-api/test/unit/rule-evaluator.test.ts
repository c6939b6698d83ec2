import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlertStore } from '../../src/workload/alerts/alert-store.js';
import { escalationLevel } from '../../src/workload/alerts/escalation.js';
import { RuleEvaluator } from '../../src/workload/alerts/rule-evaluator.js';
import { buildRules, DEFAULT_THRESHOLDS } from '../../src/workload/alerts/rules.js';

const T0 = Date.parse('2025-03-03T00:00:00Z');
const TICK = 10_000;

/** Evaluates the seed rules every 10 s with the values of `valueAt`. */
function run(valuesAt: (t: number) => Record<string, number>, seconds: number, store = new AlertStore()) {
  const evaluator = new RuleEvaluator(buildRules(DEFAULT_THRESHOLDS), store, 'https://runbooks.example.com');
  for (let t = T0; t <= T0 + seconds * 1000; t += TICK) {
    const values = valuesAt(t);
    evaluator.evaluate(t, (metric) => values[metric] ?? NaN);
  }
  return { store, evaluator };
}

const calm = {
  'payments.failure_rate': 0,
  'api.error_rate': 0.2,
  'api.response_time.p95': 300,
  'database.available': 1,
  'system.memory.usage': 55,
};

describe('rule evaluation', () => {
  it('fires only after the condition held for the whole window', () => {
    const breachFrom = T0 + 60_000;
    const values = (t: number) => ({ ...calm, 'api.error_rate': t >= breachFrom ? 7.5 : 0.2 });
    assert.equal(run(values, 60 + 290).store.active(T0).length, 0, '4 min 50 s is not enough');
    const [alert] = run(values, 60 + 300).store.active(T0);
    assert.equal(alert?.rule, 'high_error_rate');
    assert.equal(alert?.started_at, new Date(breachFrom + 300_000).toISOString());
    assert.equal(alert?.value, 7.5);
    assert.equal(alert?.threshold, 5);
    assert.equal(alert?.runbook_url, 'https://runbooks.example.com/high_error_rate');
  });

  it('restarts the window when the condition lapses once', () => {
    const values = (t: number) => ({ ...calm, 'system.memory.usage': t === T0 + 300_000 ? 70 : 85 });
    // Breaching again from 310 s, so the 10-minute window completes at 910 s.
    assert.equal(run(values, 900).store.active(T0).length, 0);
    assert.equal(run(values, 910).store.active(T0)[0]?.rule, 'high_memory_usage');
  });

  it('fires immediate rules at once and resolves on the first calm evaluation', () => {
    const down = (t: number) => ({ ...calm, 'database.available': t < T0 + 60_000 ? 0 : 1 });
    const { store } = run(down, 120);
    assert.equal(store.active(T0).length, 0);
    const [alert] = store.history({ from: T0, to: T0 + 1e9 }, T0 + 1e9);
    assert.equal(alert?.started_at, new Date(T0).toISOString());
    assert.equal(alert?.resolved_at, new Date(T0 + 60_000).toISOString());
    assert.equal(alert?.severity, 'critical');
  });

  it('fires again after a manual resolve while the condition still holds', () => {
    const store = new AlertStore();
    const evaluator = new RuleEvaluator(buildRules(DEFAULT_THRESHOLDS), store, 'x');
    const failing = { ...calm, 'payments.failure_rate': 5 };
    evaluator.evaluate(T0, (m) => failing[m as keyof typeof failing]);
    const first = store.active(T0)[0]!;
    store.resolve(first.id, T0 + 5_000);
    evaluator.evaluate(T0 + TICK, (m) => failing[m as keyof typeof failing]);
    const second = store.active(T0 + TICK)[0]!;
    assert.notEqual(second.id, first.id);
  });

  it('ignores missing data (NaN) rather than firing or resolving on it', () => {
    assert.equal(run(() => ({}), 3600).store.active(T0).length, 0);
  });
});

describe('escalation level', () => {
  it('climbs at 15, 30 and 60 minutes unacknowledged', () => {
    const at = (minutes: number) => T0 + minutes * 60_000;
    assert.deepEqual(
      [0, 14, 15, 30, 59, 60, 600].map((m) => escalationLevel('30m', T0, at(m))),
      [0, 0, 1, 2, 2, 3, 3]
    );
    assert.deepEqual(
      [0, 15, 30].map((m) => escalationLevel('immediate', T0, at(m))),
      [1, 2, 3]
    );
    assert.equal(escalationLevel('none', T0, at(600)), 0);
  });
});
