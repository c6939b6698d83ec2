import { TimelineLayout } from './layoutRows';

const PAGE_ROWS = 10;

/** The span in a row whose start is closest to a time. */
function nearestInRow(layout: TimelineLayout, row: number, time: number): number {
  const ids = layout.rows[row].spanIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (layout.spans[ids[mid]].start < time) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const after = ids[lo];
  const before = lo > 0 ? ids[lo - 1] : after;
  return Math.abs(layout.spans[before].start - time) <= Math.abs(layout.spans[after].start - time) ? before : after;
}

/**
 * Where keyboard focus goes for a key: arrows move between alerts (left/right in time
 * within a row, up/down between rows), Page keys jump ten rows, Home/End to the ends.
 * Returns undefined for keys it does not handle.
 */
export function nextFocus(layout: TimelineLayout, current: number, key: string): number | undefined {
  const rows = layout.rows;
  if (rows.length === 0) {
    return undefined;
  }
  const first = rows[0].spanIds[0];
  const lastRow = rows[rows.length - 1];
  const last = lastRow.spanIds[lastRow.spanIds.length - 1];
  const span = layout.spans[current];
  if (!span) {
    return ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'Home', 'PageDown', 'PageUp'].includes(key)
      ? first
      : key === 'End'
        ? last
        : undefined;
  }
  const ids = rows[span.row].spanIds;
  const position = ids.indexOf(current);
  const toRow = (row: number) => nearestInRow(layout, Math.min(rows.length - 1, Math.max(0, row)), span.start);

  switch (key) {
    case 'ArrowRight':
      if (position < ids.length - 1) {
        return ids[position + 1];
      }
      return span.row < rows.length - 1 ? rows[span.row + 1].spanIds[0] : current;
    case 'ArrowLeft':
      if (position > 0) {
        return ids[position - 1];
      }
      return span.row > 0 ? rows[span.row - 1].spanIds[rows[span.row - 1].spanIds.length - 1] : current;
    case 'ArrowDown':
      return toRow(span.row + 1);
    case 'ArrowUp':
      return toRow(span.row - 1);
    case 'PageDown':
      return toRow(span.row + PAGE_ROWS);
    case 'PageUp':
      return toRow(span.row - PAGE_ROWS);
    case 'Home':
      return first;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
