import { Geometry, laneAtY, rowAtY, timeOfX } from './geometry';
import { TimelineLayout } from './layoutRows';

/** Pointer slack in pixels, so 2-pixel bars of short alerts can still be hovered. */
const SLACK_PX = 3;

/**
 * The span under a point (x in CSS pixels, y in content pixels, i.e. scroll offset
 * included), or -1. One binary search for the row, one per lane for the time.
 */
export function hitTest(g: Geometry, layout: TimelineLayout, x: number, contentY: number): number {
  if (x < g.plotLeft - SLACK_PX || x > g.plotRight + SLACK_PX) {
    return -1;
  }
  const row = rowAtY(g, contentY);
  if (row < 0) {
    return -1;
  }
  const { lanes, laneIndex } = layout.rows[row];
  const index = laneIndex(laneAtY(g, row, lanes, contentY));
  if (!index) {
    return -1;
  }
  const t = timeOfX(g, x);
  const exact = index.query(t, t);
  if (exact >= 0) {
    return exact;
  }
  const slack = (SLACK_PX / Math.max(1, g.plotRight - g.plotLeft)) * (g.to - g.from);
  return index.query(t - slack, t + slack);
}
