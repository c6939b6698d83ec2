import { visibleRows } from './drawTimeline';
import { Geometry } from './geometry';
import { TimelineLayout } from './layoutRows';

/** Fit the axis only when the rows in view would use less than this share of the plot. */
const SQUEEZED = 0.25;
const MIN_SPAN_MS = 10 * 60_000;

/**
 * With one row per alert and more rows than fit, the rows in view (the newest alerts, say)
 * can cover minutes of a week-long range: every bar lands in the last few pixels. Then the
 * time axis fits the rows in view instead (padded, at least ten minutes, within the range),
 * and follows the scroll. Returns undefined when the dashboard range already reads well.
 */
export function rowsInViewRange(
  layout: TimelineLayout,
  g: Geometry,
  scrollTop: number
): { from: number; to: number } | undefined {
  if (g.contentHeight <= g.viewHeight || layout.rows.length === 0) {
    return undefined;
  }
  const [first, last] = visibleRows(g, layout.rows.length, scrollTop);
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = first; r <= last; r++) {
    for (const id of layout.rows[r].spanIds) {
      const span = layout.spans[id];
      lo = Math.min(lo, span.start);
      hi = Math.max(hi, span.end);
    }
  }
  lo = Math.max(lo, g.from);
  hi = Math.min(hi, g.to);
  const range = g.to - g.from;
  if (!(hi >= lo) || hi - lo >= range * SQUEEZED) {
    return undefined;
  }
  const pad = Math.max((hi - lo) * 0.05, (MIN_SPAN_MS - (hi - lo)) / 2, 0);
  let from = lo - pad;
  let to = hi + pad;
  // Keep the padded window inside the dashboard range, shifting it rather than shrinking it.
  if (from < g.from) {
    to = Math.min(g.to, to + (g.from - from));
    from = g.from;
  }
  if (to > g.to) {
    from = Math.max(g.from, from - (to - g.to));
    to = g.to;
  }
  return { from, to };
}
