import { upperBound } from './intervalIndex';
import { TimelineLayout } from './layoutRows';

/** Where everything sits on the canvas, in CSS pixels. */
export interface Geometry {
  width: number;
  height: number;
  /** Left column with row labels. */
  gutter: number;
  plotLeft: number;
  plotRight: number;
  /** Height of the scrolling rows area; the time axis sits below it. */
  viewHeight: number;
  axisHeight: number;
  laneHeight: number;
  /** Top of each row in content coordinates (rows scroll), plus the content height at the end. */
  rowTops: Float64Array;
  contentHeight: number;
  from: number;
  to: number;
}

export const AXIS_HEIGHT = 22;
const ROW_PADDING = 3;
/** Few rows stretch to fill the panel, but never past this many times the lane height. */
const MAX_STRETCH = 2;

export function computeGeometry(
  layout: TimelineLayout,
  size: { width: number; height: number },
  range: { from: number; to: number },
  laneHeight: number,
  gutter: number
): Geometry {
  const viewHeight = Math.max(0, size.height - AXIS_HEIGHT);
  const totalLanes = layout.rows.reduce((sum, r) => sum + r.lanes, 0);
  const natural = totalLanes * laneHeight + layout.rows.length * ROW_PADDING * 2;
  const stretch = natural > 0 && natural < viewHeight ? Math.min(MAX_STRETCH, viewHeight / natural) : 1;
  const lane = laneHeight * stretch;
  const rowTops = new Float64Array(layout.rows.length + 1);
  let y = 0;
  layout.rows.forEach((row, i) => {
    rowTops[i] = y;
    y += row.lanes * lane + ROW_PADDING * 2 * stretch;
  });
  rowTops[layout.rows.length] = y;
  return {
    width: size.width,
    height: size.height,
    gutter,
    plotLeft: gutter,
    // Leave room for the scrollbar when rows overflow, so bar ends are never under it.
    plotRight: Math.max(gutter + 1, size.width - (y > viewHeight ? 16 : 8)),
    viewHeight,
    axisHeight: AXIS_HEIGHT,
    laneHeight: lane,
    rowTops,
    contentHeight: y,
    from: range.from,
    to: Math.max(range.to, range.from + 1),
  };
}

export function xOfTime(g: Geometry, t: number): number {
  return g.plotLeft + ((t - g.from) / (g.to - g.from)) * (g.plotRight - g.plotLeft);
}

export function timeOfX(g: Geometry, x: number): number {
  return g.from + ((x - g.plotLeft) / (g.plotRight - g.plotLeft)) * (g.to - g.from);
}

/** The row at a content y (scroll offset included), or -1 outside the rows. */
export function rowAtY(g: Geometry, contentY: number): number {
  if (contentY < 0 || contentY >= g.contentHeight) {
    return -1;
  }
  return upperBound(g.rowTops, contentY) - 1;
}

/** Vertical extent of a span's bar within its row, in content coordinates. */
export function laneBox(g: Geometry, row: number, lane: number, lanes: number): { top: number; height: number } {
  const rowTop = g.rowTops[row];
  const rowHeight = g.rowTops[row + 1] - rowTop;
  const inner = lanes * g.laneHeight;
  const pad = (rowHeight - inner) / 2;
  const gap = Math.min(3, g.laneHeight * 0.15);
  return { top: rowTop + pad + lane * g.laneHeight + gap / 2, height: Math.max(1, g.laneHeight - gap) };
}

/** The lane under a content y within a row. */
export function laneAtY(g: Geometry, row: number, lanes: number, contentY: number): number {
  const rowTop = g.rowTops[row];
  const rowHeight = g.rowTops[row + 1] - rowTop;
  const pad = (rowHeight - lanes * g.laneHeight) / 2;
  const lane = Math.floor((contentY - rowTop - pad) / g.laneHeight);
  return Math.min(lanes - 1, Math.max(0, lane));
}
