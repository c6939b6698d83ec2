import type { CSSProperties } from 'react';

const OFFSET = 14;
/** Space kept between the tooltip and the panel's edges. */
const MARGIN = 4;

/**
 * Where the tooltip goes for an anchor at (x, y) in a view of width × height: it opens away from
 * the nearer edges, and once its height is known it is moved back inside the view when it would
 * cross the top or bottom (a keyboard tooltip on the last row used to be cut off there).
 * Its height is capped to the view so a long description scrolls instead of being clipped.
 */
export function tooltipPlacement(
  x: number,
  y: number,
  width: number,
  height: number,
  tipHeight?: number
): CSSProperties {
  const style: CSSProperties = {
    left: 'auto',
    right: 'auto',
    top: 'auto',
    bottom: 'auto',
    maxHeight: Math.max(40, height - 2 * MARGIN),
  };
  if (x > width / 2) {
    style.right = Math.max(MARGIN, width - x + OFFSET);
  } else {
    style.left = x + OFFSET;
  }
  const h = tipHeight ?? 0;
  if (y > height / 2) {
    // Opens upwards from the anchor; never above the top edge.
    const bottom = Math.max(MARGIN, height - y + OFFSET / 2);
    style.bottom = h > 0 ? Math.min(bottom, Math.max(MARGIN, height - MARGIN - h)) : bottom;
  } else {
    // Opens downwards; never below the bottom edge.
    const top = y + OFFSET / 2;
    style.top = h > 0 ? Math.max(MARGIN, Math.min(top, height - MARGIN - h)) : top;
  }
  return style;
}

/** Places a rendered tooltip element, measuring it so it stays inside the view. */
export function placeTooltip(el: HTMLElement | null, x: number, y: number, width: number, height: number): void {
  if (!el) {
    return;
  }
  Object.assign(el.style, px(tooltipPlacement(x, y, width, height)));
  const measured = el.offsetHeight;
  if (measured > 0) {
    Object.assign(el.style, px(tooltipPlacement(x, y, width, height, measured)));
  }
}

function px(style: CSSProperties): Record<string, string> {
  return Object.fromEntries(Object.entries(style).map(([k, v]) => [k, typeof v === 'number' ? `${v}px` : String(v)]));
}
