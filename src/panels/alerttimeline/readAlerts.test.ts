import { createDataFrame, FieldType } from '@grafana/data';

import { alertHistoryFrame, annotationFrame, maintenanceFrame } from '../../test/fixtures/alerts';
import { onCallEscalationFrame } from '../../test/fixtures/oncall';
import { parseLabels } from './labels';
import { readAlerts, safeUrl } from './readAlerts';

const HOUR = 3_600_000;

describe('readAlerts', () => {
  it('reads the Go backend frame and the contract frame alike', () => {
    const backend = readAlerts([
      alertHistoryFrame({ count: 50, from: 0, to: HOUR * 24, randomSeed: 1, shape: 'backend' }),
    ]);
    const contract = readAlerts([
      alertHistoryFrame({ count: 50, from: 0, to: HOUR * 24, randomSeed: 1, shape: 'contract' }),
    ]);
    expect(backend.alerts).toHaveLength(50);
    expect(contract.alerts).toEqual(backend.alerts);
    const first = backend.alerts[0];
    expect(first).toMatchObject({
      rule: expect.any(String),
      service: expect.any(String),
      runbookUrl: expect.stringMatching(/^https:\/\//),
    });
    expect(first.labels).toEqual(expect.arrayContaining([['env', 'prod']]));
    expect(backend.alerts.map((a) => a.start)).toEqual([...backend.alerts.map((a) => a.start)].sort((a, b) => a - b));
  });

  it('derives the state from the end and acknowledgement when there is no status field', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'started_at', type: FieldType.time, values: [1, 2, 3] },
        { name: 'resolved_at', type: FieldType.time, values: [10, null, null] },
        { name: 'acknowledged_at', type: FieldType.time, values: [null, 5, null] },
        { name: 'name', type: FieldType.string, values: ['a', 'b', 'c'] },
      ],
    });
    expect(readAlerts([frame]).alerts.map((a) => a.state)).toEqual(['resolved', 'acknowledged', 'firing']);
  });

  it('reads Grafana annotation frames: text as the name, severity and labels from tags', () => {
    const frame = annotationFrame([
      { time: 1000, timeEnd: 5000, text: 'Deploy broke checkout', tags: ['critical', 'service:checkout'] },
      { time: 2000, text: 'Disk filling', tags: ['severity=low'] },
    ]);
    const { alerts } = readAlerts([frame]);
    expect(alerts.map((a) => [a.title, a.severity, a.service, a.state])).toEqual([
      ['Deploy broke checkout', 'critical', 'checkout', 'resolved'],
      ['Disk filling', 'low', undefined, 'firing'],
    ]);
  });

  it('turns maintenance frames and maintenance-tagged annotations into windows, not alerts', () => {
    const annotations = [
      annotationFrame([{ time: 100, timeEnd: 200, text: 'Kernel patching', tags: ['maintenance'] }]),
    ];
    const { alerts, maintenance } = readAlerts([maintenanceFrame(1000, 2000)], { annotations });
    expect(alerts).toEqual([]);
    expect(maintenance).toEqual([
      { start: 100, end: 200, title: 'Kernel patching' },
      { start: 1000, end: 2000, title: 'Database upgrade' },
    ]);
  });

  it('draws other dashboard annotations as alerts only when asked', () => {
    const annotations = [annotationFrame([{ time: 100, timeEnd: 200, text: 'Deploy', tags: ['deploy'] }])];
    expect(readAlerts([], { annotations }).alerts).toHaveLength(0);
    expect(readAlerts([], { annotations, annotationsAsAlerts: true }).alerts[0].title).toBe('Deploy');
  });

  it('joins the escalation step and who is notified from oncall_escalation frames', () => {
    const alerts = createDataFrame({
      fields: [
        { name: 'id', type: FieldType.string, values: ['a-102'] },
        { name: 'time', type: FieldType.time, values: [1] },
        { name: 'title', type: FieldType.string, values: ['Error rate above 5%'] },
        { name: 'escalation_level', type: FieldType.number, values: [0] },
      ],
    });
    const [alert] = readAlerts([alerts, onCallEscalationFrame()]).alerts;
    expect(alert.escalationLevel).toBe(1);
    expect(alert.notifying).toBe('Ben Ko');
  });

  it('says which field is missing, and uses the picked field names', () => {
    const frame = createDataFrame({
      name: 'incidents',
      fields: [
        { name: 'opened', type: FieldType.time, values: [5] },
        { name: 'closed', type: FieldType.time, values: [9] },
        { name: 'headline', type: FieldType.string, values: ['Checkout down'] },
        { name: 'prio', type: FieldType.string, values: ['critical'] },
      ],
    });
    expect(readAlerts([frame]).issues[0].message).toBe(
      'incidents has no start time field (started_at or time). Pick it under Fields → Start.'
    );
    const { alerts } = readAlerts([frame], {
      fields: { start: 'opened', end: 'closed', title: 'headline', severity: 'prio' },
    });
    expect(alerts[0]).toMatchObject({
      title: 'Checkout down',
      severity: 'critical',
      start: 5,
      end: 9,
      state: 'resolved',
    });
  });

  it('does not take a plain time series for alerts', () => {
    const series = createDataFrame({
      name: 'cpu',
      fields: [
        { name: 'time', type: FieldType.time, values: [1, 2] },
        { name: 'value', type: FieldType.number, values: [3, 4] },
      ],
    });
    const result = readAlerts([series]);
    expect(result.alerts).toEqual([]);
    expect(result.issues[0].message).toMatch(/^cpu has a time but no alert fields/);
  });
});

describe('parseLabels', () => {
  it('reads JSON objects, tag arrays, JSON arrays and comma lists', () => {
    expect(parseLabels('{"service":"api","team":"core"}')).toEqual([
      ['service', 'api'],
      ['team', 'core'],
    ]);
    expect(parseLabels(['maintenance', 'env=prod'])).toEqual([
      ['maintenance', ''],
      ['env', 'prod'],
    ]);
    expect(parseLabels('["a","b:c"]')).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
    expect(parseLabels('x, y=z')).toEqual([
      ['x', ''],
      ['y', 'z'],
    ]);
    expect(parseLabels('{broken')).toEqual([['{broken', '']]);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) and relative links, drops script and data URLs', () => {
    expect(safeUrl('https://runbooks.example.com/a')).toBe('https://runbooks.example.com/a');
    expect(safeUrl('/d/abc')).toBe('/d/abc');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeUndefined();
  });
});
