import { readableLabel } from './drawTimeline';
import { rowsInViewRange } from './fitRows';
import { computeGeometry } from './geometry';
import { layoutRows } from './layoutRows';
import { AlertSpan } from './types';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/** measureText as the jest canvas mock: 7 px a character. */
const ctx = { measureText: (t: string) => ({ width: t.length * 7 }) } as unknown as CanvasRenderingContext2D;

describe('labels inside bars', () => {
  it('are drawn whole or cut after a whole word, never to noise like "Databa…"', () => {
    expect(readableLabel(ctx, 'Database unavailable', 200)).toBe('Database unavailable');
    expect(readableLabel(ctx, 'Database unavailable', 100)).toBe('Database…');
    // "Disk above 8…" would misread 85 %.
    expect(readableLabel(ctx, 'Disk above 85%', 95)).toBe('Disk above…');
    expect(readableLabel(ctx, 'Database unavailable', 52)).toBe('');
    expect(readableLabel(ctx, 'API p95 above 2 s', 60)).toBe('API p95…');
    expect(readableLabel(ctx, 'API p95 above 2 s', 40)).toBe('');
    // A short title that fits whole is always drawn.
    expect(readableLabel(ctx, 'CPU', 30)).toBe('CPU');
  });
});

describe('one row per alert, more rows than fit', () => {
  // 10,000 alerts of 5 to 60 minutes spread over a week, newest first.
  const alerts: AlertSpan[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `a${i}`,
    title: `Alert ${i}`,
    severity: 'high',
    state: 'resolved',
    start: (i / 10_000) * (WEEK - 60 * MINUTE),
    end: (i / 10_000) * (WEEK - 60 * MINUTE) + (5 + (i % 56)) * MINUTE,
    labels: [],
  }));
  const layout = layoutRows(alerts, 'alert', WEEK, true);
  const g = computeGeometry(layout, { width: 1100, height: 420 }, { from: 0, to: WEEK }, 16, 200);

  it('fits the time axis to the rows in view, so their bars are readable', () => {
    const fit = rowsInViewRange(layout, g, 0)!;
    expect(fit).toBeDefined();
    // The newest ~20 rows span about an hour and a half of the week: bars get the whole plot, not 20 px.
    expect(fit.to).toBeLessThanOrEqual(WEEK);
    expect(fit.to - fit.from).toBeLessThan(4 * 60 * MINUTE);
    const newest = layout.spans[layout.rows[0].spanIds[0]];
    expect(newest.start).toBeGreaterThanOrEqual(fit.from);
    expect(newest.end).toBeLessThanOrEqual(fit.to);
  });

  it('follows the scroll', () => {
    const top = rowsInViewRange(layout, g, 0)!;
    const further = rowsInViewRange(layout, g, g.contentHeight / 2)!;
    expect(further.to).toBeLessThan(top.from);
  });

  it('leaves the dashboard range alone when the rows fit, or already spread over it', () => {
    const few = layoutRows(alerts.slice(0, 5), 'alert', WEEK, true);
    expect(
      rowsInViewRange(few, computeGeometry(few, { width: 1100, height: 420 }, { from: 0, to: WEEK }, 16, 200), 0)
    ).toBeUndefined();
    // Three alerts half a week apart, two rows in view: they already use half the plot.
    const spread = layoutRows(
      [0, WEEK / 2, WEEK - 60 * MINUTE].map((start, i) => ({ ...alerts[i], start, end: start + 60 * MINUTE })),
      'alert',
      WEEK,
      true
    );
    const small = computeGeometry(spread, { width: 1100, height: 66 }, { from: 0, to: WEEK }, 16, 200);
    expect(small.contentHeight).toBeGreaterThan(small.viewHeight);
    expect(rowsInViewRange(spread, small, 0)).toBeUndefined();
  });
});
