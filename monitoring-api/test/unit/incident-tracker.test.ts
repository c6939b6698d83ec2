import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlertStore, type NewAlert } from '../../src/workload/alerts/alert-store.js';
import { IncidentTracker } from '../../src/workload/alerts/incident-tracker.js';
import type { Severity } from '../../src/contract/types.js';

const T0 = Date.parse('2025-03-01T00:00:00Z');
const MIN = 60_000;

function alert(severity: Severity): NewAlert {
  return {
    rule: 'r',
    name: `A ${severity}`,
    severity,
    description: 'd',
    metric: null,
    value: null,
    threshold: null,
    labels: {},
    runbookUrl: null,
    escalation: 'none',
  };
}

describe('incidents', () => {
  it('groups overlapping alerts, skips low/info, and computes MTTR and MTBF', () => {
    const store = new AlertStore();
    const tracker = new IncidentTracker(T0);
    store.subscribe(tracker);
    const a = store.open(alert('high'), T0 + 10 * MIN);
    const b = store.open(alert('critical'), T0 + 15 * MIN);
    store.open(alert('info'), T0 + 16 * MIN);
    store.resolve(a.id, T0 + 20 * MIN);
    store.resolve(b.id, T0 + 40 * MIN); // incident 1: 10 -> 40 min
    const c = store.open(alert('medium'), T0 + 100 * MIN);
    store.resolve(c.id, T0 + 110 * MIN); // incident 2: 100 -> 110 min

    const report = tracker.report({ from: T0, to: T0 + 200 * MIN }, T0 + 200 * MIN);
    assert.equal(report.incidents.length, 2);
    assert.deepEqual(report.incidents[0]!.alert_ids, [a.id, b.id]);
    assert.equal(report.incidents[0]!.severity, 'critical', 'the most severe alert sets the severity');
    assert.equal(report.incidents[0]!.title, 'A high');
    assert.equal(report.mttr_seconds, ((30 + 10) / 2) * 60);
    assert.equal(report.mtbf_seconds, ((200 - 40) / 2) * 60);
  });

  it('reports an open incident and nulls when nothing can be averaged', () => {
    const store = new AlertStore();
    const tracker = new IncidentTracker(T0);
    store.subscribe(tracker);
    store.open(alert('critical'), T0 + MIN);
    const report = tracker.report({ from: T0, to: T0 + 10 * MIN }, T0 + 10 * MIN);
    assert.equal(report.incidents[0]!.resolved_at, null);
    assert.equal(report.mttr_seconds, null);
    assert.deepEqual(tracker.report({ from: T0 - 100 * MIN, to: T0 - 50 * MIN }, T0), {
      incidents: [],
      mtbf_seconds: null,
      mttr_seconds: null,
    });
  });

  it('does not count time before the data starts in MTBF', () => {
    const store = new AlertStore();
    const tracker = new IncidentTracker(T0);
    store.subscribe(tracker);
    const a = store.open(alert('high'), T0 + 10 * MIN);
    store.resolve(a.id, T0 + 20 * MIN);
    const report = tracker.report({ from: T0 - 1000 * MIN, to: T0 + 60 * MIN }, T0 + 60 * MIN);
    assert.equal(report.mtbf_seconds, 50 * 60);
  });
});
