import { alertHistoryFrame } from '../../test/fixtures/alerts';
import { computeGeometry, xOfTime } from './geometry';
import { hitTest } from './hitTest';
import { LaneIndex, upperBound } from './intervalIndex';
import { layoutRows, MAX_LANES } from './layoutRows';
import { nextFocus } from './navigation';
import { readAlerts } from './readAlerts';
import { timeTicks } from './timeTicks';
import { AlertSpan } from './types';

const HOUR = 3_600_000;

function alert(id: string, start: number, end: number | undefined, extra: Partial<AlertSpan> = {}): AlertSpan {
  return {
    id,
    title: id,
    severity: 'high',
    state: end === undefined ? 'firing' : 'resolved',
    start,
    end,
    labels: [],
    ...extra,
  };
}

describe('LaneIndex', () => {
  it('finds the span under a time with one binary search', () => {
    const index = new LaneIndex([
      { id: 0, start: 0, end: 10 },
      { id: 1, start: 20, end: 30 },
      { id: 2, start: 40, end: 50 },
    ]);
    expect(index.query(25, 25)).toBe(1);
    expect(index.query(15, 15)).toBe(-1);
    expect(index.query(12, 21)).toBe(1);
    expect(index.query(-5, -1)).toBe(-1);
    expect(index.query(60, 60)).toBe(-1);
  });

  it('stays correct when spans overlap (overflow lanes)', () => {
    const index = new LaneIndex([
      { id: 0, start: 0, end: 100 },
      { id: 1, start: 10, end: 20 },
      { id: 2, start: 30, end: 40 },
    ]);
    expect(index.query(50, 50)).toBe(0);
    expect(index.query(35, 35)).toBe(2);
  });

  it('upperBound returns the first index past a value', () => {
    expect(upperBound([1, 2, 2, 3], 2)).toBe(3);
    expect(upperBound([], 2)).toBe(0);
  });
});

describe('layoutRows', () => {
  const alerts = [
    alert('a', 0, 10, { service: 'api', severity: 'medium' }),
    alert('b', 5, 15, { service: 'api', severity: 'critical' }),
    alert('c', 12, 20, { service: 'db' }),
    alert('d', 16, undefined, { service: 'api' }),
  ];

  it('gives each alert its own row, open alerts running to now', () => {
    const layout = layoutRows(alerts, 'alert', 100);
    expect(layout.rows.map((r) => r.label)).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.spans[3].end).toBe(100);
    expect(layoutRows(alerts, 'alert', 100, true).rows.map((r) => r.label)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('groups by service with overlapping alerts in lanes, most severe group first', () => {
    const layout = layoutRows(alerts, 'service', 100);
    expect(layout.rows.map((r) => [r.label, r.lanes, r.severity])).toEqual([
      ['api', 2, 'critical'],
      ['db', 1, 'high'],
    ]);
    expect(layout.rows[0].spanIds.map((id) => layout.spans[id].lane)).toEqual([0, 1, 0]);
  });

  it('caps lanes and puts the overflow in the lane that frees first', () => {
    const many = Array.from({ length: MAX_LANES + 3 }, (_, i) => alert(`x${i}`, i, 100 + i, { severity: 'low' }));
    const layout = layoutRows(many, 'severity', 0);
    expect(layout.rows[0].lanes).toBe(MAX_LANES);
    expect(layout.rows[0].label).toBe('Low');
    expect(layout.spans[MAX_LANES].lane).toBe(0);
  });
});

describe('hitTest', () => {
  it('finds the alert under the pointer, with a little slack for thin bars, across 10,000 alerts', () => {
    const { alerts } = readAlerts([alertHistoryFrame({ count: 10_000, from: 0, to: 7 * 24 * HOUR })]);
    const layout = layoutRows(alerts, 'rule', 7 * 24 * HOUR);
    const g = computeGeometry(layout, { width: 1200, height: 600 }, { from: 0, to: 7 * 24 * HOUR }, 8, 150);
    for (const id of [0, 1234, 5000, 9999]) {
      const span = layout.spans[id];
      const x = (xOfTime(g, span.start) + xOfTime(g, span.end)) / 2;
      const lanes = layout.rows[span.row].lanes;
      const rowHeight = g.rowTops[span.row + 1] - g.rowTops[span.row];
      const y = g.rowTops[span.row] + (rowHeight - lanes * g.laneHeight) / 2 + (span.lane + 0.5) * g.laneHeight;
      const hit = hitTest(g, layout, x, y);
      // Another span of the same lane can share the pixel; it must still cover the time under the pointer.
      const found = layout.spans[hit];
      expect(found.row).toBe(span.row);
      expect(found.lane).toBe(span.lane);
      expect(xOfTime(g, found.start) - 3).toBeLessThanOrEqual(x);
      expect(Math.max(xOfTime(g, found.end), xOfTime(g, found.start) + 2) + 3).toBeGreaterThanOrEqual(x);
    }
    expect(hitTest(g, layout, 10, 10)).toBe(-1);
    expect(hitTest(g, layout, 600, g.contentHeight + 5)).toBe(-1);
  });
});

describe('nextFocus', () => {
  const layout = layoutRows(
    [
      alert('a', 0, 10, { service: 'api' }),
      alert('b', 20, 30, { service: 'api' }),
      alert('c', 21, 25, { service: 'db' }),
    ],
    'service',
    100
  );

  it('moves in time within a row and between rows to the nearest alert', () => {
    expect(nextFocus(layout, -1, 'ArrowDown')).toBe(0);
    expect(nextFocus(layout, 0, 'ArrowRight')).toBe(1);
    expect(nextFocus(layout, 1, 'ArrowDown')).toBe(2);
    expect(nextFocus(layout, 2, 'ArrowUp')).toBe(1);
    expect(nextFocus(layout, 1, 'ArrowLeft')).toBe(0);
    expect(nextFocus(layout, 0, 'End')).toBe(2);
    expect(nextFocus(layout, 2, 'Home')).toBe(0);
    expect(nextFocus(layout, 0, 'x')).toBeUndefined();
  });
});

describe('timeTicks', () => {
  it('picks a round step that leaves room for labels, in the dashboard time zone', () => {
    const from = Date.UTC(2026, 0, 1, 0, 0);
    const ticks = timeTicks(from, from + 6 * HOUR, 600, 'utc');
    expect(ticks.map((t) => t.label)).toEqual(['00:00', '01:00', '02:00', '03:00', '04:00', '05:00', '06:00']);
    const tokyo = timeTicks(from, from + 6 * HOUR, 600, 'Asia/Tokyo');
    expect(tokyo[0].label).toBe('09:00');
  });

  it('switches to dates for ranges of days', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(timeTicks(from, from + 7 * 24 * HOUR, 700, 'utc')[1].label).toBe('01/02');
  });
});
