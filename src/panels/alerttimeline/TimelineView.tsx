import React, { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { visuallyHidden } from '../../shared/PanelMessage';
import { AlertTooltip } from './AlertTooltip';
import { alertSummary } from './alertWords';
import { drawBase, drawOverlay, prepareCanvas, SOURCE_BADGES_WIDTH } from './drawTimeline';
import { computeGeometry, Geometry, laneBox, timeOfX, xOfTime } from './geometry';
import { hitTest } from './hitTest';
import { TimelineLayout } from './layoutRows';
import { nextFocus } from './navigation';
import { timelinePalette } from './palette';
import { timeTicks } from './timeTicks';
import { MaintenanceWindow } from './types';

interface Props {
  layout: TimelineLayout;
  maintenance: MaintenanceWindow[];
  from: number;
  to: number;
  width: number;
  height: number;
  timeZone: TimeZone;
  laneHeight: number;
  labelsInBars: boolean;
  /** Mark rows with their sources (application, Grafana) when the panel shows both. */
  showSources?: boolean;
  now: number;
  onZoom: (from: number, to: number) => void;
  /** Description for screen readers, e.g. "120 alerts, grouped by service". */
  summary: string;
}

interface Tip {
  id: number;
  x: number;
  y: number;
  /** Pinned by a click or Enter: it stays, takes the pointer, and its links can be followed. */
  pinned: boolean;
  /** Keyboard tooltips follow focus and survive the scroll that brings their row into view. */
  source: 'mouse' | 'keyboard';
}

/** A drag shorter than this is a click, as in Grafana's own graphs. */
const MIN_DRAG_PX = 5;
const TOOLTIP_OFFSET = 14;

/** Label column width: fits the longest label, within bounds, measured once per layout. */
function gutterWidth(layout: TimelineLayout, width: number, font: string, badges: number): number {
  let longest = '';
  for (const row of layout.rows) {
    if (row.label.length > longest.length) {
      longest = row.label;
    }
  }
  const ctx = document.createElement('canvas').getContext('2d');
  let measured = longest.length * 7;
  if (ctx && typeof ctx.measureText === 'function') {
    ctx.font = font;
    measured = ctx.measureText(longest).width;
  }
  return Math.round(
    Math.min(Math.max(measured + 28 + badges, 80), Math.max(80, Math.min(260 + badges, width * (badges ? 0.4 : 0.3))))
  );
}

/**
 * The timeline itself: a canvas of rows and bars, a second canvas for hover, focus and
 * the zoom selection, and a scroll container on top that takes the pointer and keys.
 */
export function TimelineView(props: Props) {
  const { layout, maintenance, from, to, width, height, timeZone, laneHeight, labelsInBars, now, onZoom, summary } =
    props;
  const showSources = props.showSources ?? false;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const palette = useMemo(() => timelinePalette(theme), [theme]);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const scrollTop = useRef(0);
  const drag = useRef<{ x0: number; x1: number } | null>(null);
  const frame = useRef(0);
  // Tooltip and focus remember the layout they point into: after a data refresh span ids
  // mean other alerts, so both clear themselves instead of showing the wrong alert.
  const [tipState, setTipState] = useState<{ tip: Tip; layout: TimelineLayout } | null>(null);
  const [focusState, setFocusState] = useState<{ id: number; layout: TimelineLayout } | null>(null);
  const tip = tipState?.layout === layout ? tipState.tip : null;
  const focused = focusState?.layout === layout ? focusState.id : -1;
  const setTip = (next: Tip | null) => setTipState(next ? { tip: next, layout } : null);
  const setFocused = (id: number) => setFocusState(id >= 0 ? { id, layout } : null);
  // Event handlers read the tooltip through a ref so hovering the same alert needs no render.
  const tipRef = useRef<Tip | null>(null);
  useLayoutEffect(() => {
    tipRef.current = tip;
  }, [tip]);

  const font = `12px ${palette.fontFamily}`;
  const badges = showSources ? SOURCE_BADGES_WIDTH : 0;
  const gutter = useMemo(() => gutterWidth(layout, width, font, badges), [layout, width, font, badges]);
  const geometry: Geometry = useMemo(
    () => computeGeometry(layout, { width, height }, { from, to }, laneHeight, gutter),
    [layout, width, height, from, to, laneHeight, gutter]
  );
  const ticks = useMemo(
    () => timeTicks(from, to, geometry.plotRight - geometry.plotLeft, timeZone),
    [from, to, geometry, timeZone]
  );

  const paintOverlay = useCallback(() => {
    const ctx = prepareCanvas(overlayRef.current, width, height);
    if (ctx) {
      drawOverlay(ctx, {
        geometry,
        layout,
        palette,
        scrollTop: scrollTop.current,
        hovered: tipRef.current?.id ?? -1,
        focused,
        selection: drag.current && Math.abs(drag.current.x1 - drag.current.x0) >= MIN_DRAG_PX ? drag.current : null,
      });
    }
  }, [geometry, layout, palette, focused, width, height]);

  const paintBase = useCallback(() => {
    const ctx = prepareCanvas(baseRef.current, width, height);
    if (ctx) {
      drawBase(ctx, {
        geometry,
        layout,
        palette,
        maintenance,
        ticks,
        scrollTop: scrollTop.current,
        now,
        labelsInBars,
        showSources,
      });
    }
  }, [geometry, layout, palette, maintenance, ticks, now, labelsInBars, showSources, width, height]);

  // Draw synchronously after layout, so the first frame the viewer sees is complete.
  useLayoutEffect(() => {
    if (scrollerRef.current) {
      scrollTop.current = Math.min(
        scrollerRef.current.scrollTop,
        Math.max(0, geometry.contentHeight - geometry.viewHeight)
      );
    }
    paintBase();
  }, [paintBase, geometry]);

  useLayoutEffect(() => {
    paintOverlay();
  }, [paintOverlay, tip]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    scrollTop.current = scrollerRef.current?.scrollTop ?? 0;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      paintBase();
      paintOverlay();
    });
    if (tipRef.current?.source === 'mouse' && !tipRef.current.pinned) {
      setTip(null);
    }
  };

  const pointer = (e: React.MouseEvent) => {
    const rect = scrollerRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const moveTooltip = (x: number, y: number) => {
    const el = tooltipRef.current;
    if (el) {
      Object.assign(el.style, tooltipPosition(x, y, width, geometry.viewHeight));
    }
  };

  const onMouseMove = (e: React.MouseEvent) => {
    const { x, y } = pointer(e);
    if (drag.current) {
      drag.current.x1 = x;
      paintOverlay();
      return;
    }
    if (tipRef.current?.pinned) {
      return;
    }
    const id = hitTest(geometry, layout, x, y + scrollTop.current);
    if (id < 0) {
      if (tipRef.current) {
        setTip(null);
      }
      return;
    }
    if (tipRef.current?.id === id) {
      // Same alert: move the tooltip without a React render.
      moveTooltip(x, y);
      return;
    }
    setTip({ id, x, y, pinned: false, source: 'mouse' });
  };

  const onMouseDown = (e: React.MouseEvent) => {
    const { x } = pointer(e);
    if (e.button !== 0 || x < geometry.plotLeft || x > geometry.plotRight) {
      return;
    }
    drag.current = { x0: x, x1: x };
    const onUp = (up: MouseEvent) => {
      window.removeEventListener('mouseup', onUp);
      const rect = scrollerRef.current?.getBoundingClientRect();
      const selection = drag.current;
      drag.current = null;
      if (!selection || !rect) {
        return;
      }
      const x1 = up.clientX - rect.left;
      if (Math.abs(x1 - selection.x0) >= MIN_DRAG_PX) {
        const a = timeOfX(geometry, Math.max(geometry.plotLeft, Math.min(selection.x0, x1)));
        const b = timeOfX(geometry, Math.min(geometry.plotRight, Math.max(selection.x0, x1)));
        paintOverlay();
        onZoom(Math.round(a), Math.round(b));
        return;
      }
      // A click pins the alert's tooltip so its runbook link can be followed.
      const id = hitTest(geometry, layout, x1, up.clientY - rect.top + scrollTop.current);
      if (id >= 0) {
        setFocused(id);
        setTip({ id, x: x1, y: up.clientY - rect.top, pinned: true, source: 'mouse' });
      } else {
        setTip(null);
      }
      paintOverlay();
    };
    window.addEventListener('mouseup', onUp);
  };

  const onMouseLeave = () => {
    if (tipRef.current && !tipRef.current.pinned) {
      setTip(null);
    }
  };

  /** Scrolls a span's row into view and returns where its bar sits on screen. */
  const reveal = (id: number) => {
    const span = layout.spans[id];
    const box = laneBox(geometry, span.row, span.lane, layout.rows[span.row].lanes);
    const scroller = scrollerRef.current;
    if (scroller) {
      if (box.top < scroller.scrollTop) {
        scroller.scrollTop = box.top;
      } else if (box.top + box.height > scroller.scrollTop + geometry.viewHeight) {
        scroller.scrollTop = box.top + box.height - geometry.viewHeight;
      }
      scrollTop.current = scroller.scrollTop;
    }
    const x0 = Math.max(geometry.plotLeft, xOfTime(geometry, span.start));
    const x1 = Math.min(geometry.plotRight, xOfTime(geometry, span.end));
    return { x: (x0 + x1) / 2, y: box.top - scrollTop.current + box.height / 2 };
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      setTip(null);
      setFocused(-1);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && focused >= 0) {
      e.preventDefault();
      const at = reveal(focused);
      setTip(tip?.pinned && tip.id === focused ? null : { id: focused, ...at, pinned: true, source: 'keyboard' });
      return;
    }
    if (e.key === 'z' && focused >= 0) {
      const span = layout.spans[focused];
      const pad = Math.max(60_000, (span.end - span.start) * 0.25);
      onZoom(Math.round(span.start - pad), Math.round(span.end + pad));
      return;
    }
    if (e.key === '-') {
      const half = to - from;
      onZoom(Math.round(from - half / 2), Math.round(to + half / 2));
      return;
    }
    const next = nextFocus(layout, focused, e.key);
    if (next === undefined) {
      return;
    }
    e.preventDefault();
    setFocused(next);
    const at = reveal(next);
    setTip({ id: next, ...at, pinned: false, source: 'keyboard' });
  };

  const tipAlert = tip ? layout.spans[tip.id]?.alert : undefined;
  const focusedAlert = focused >= 0 ? layout.spans[focused]?.alert : undefined;
  const instructionsId = useId();

  return (
    <div className={styles.view} style={{ width, height }}>
      <canvas
        ref={baseRef}
        className={styles.canvas}
        style={{ width, height }}
        aria-hidden
        data-testid="timeline-canvas"
      />
      <canvas ref={overlayRef} className={styles.canvas} style={{ width, height }} aria-hidden />
      <div
        ref={scrollerRef}
        className={styles.scroller}
        style={{ width, height: geometry.viewHeight }}
        tabIndex={0}
        role="group"
        aria-roledescription="alert timeline"
        aria-label={summary}
        aria-describedby={instructionsId}
        onScroll={onScroll}
        onMouseMove={onMouseMove}
        onMouseDown={onMouseDown}
        onMouseLeave={onMouseLeave}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: geometry.contentHeight }} />
      </div>
      <div id={instructionsId} className={styles.srOnly}>
        Arrow keys move between alerts, Enter shows details, z zooms to the alert, minus zooms out, Escape clears. Drag
        with the mouse to zoom into a time range.
      </div>
      <div className={styles.srOnly} aria-live="polite" data-testid="timeline-announcer">
        {focusedAlert ? alertSummary(focusedAlert, timeZone, now) : ''}
      </div>
      {tip && tipAlert && (
        <div
          ref={tooltipRef}
          className={tip.pinned ? styles.tooltipPinned : styles.tooltip}
          style={tooltipPosition(tip.x, tip.y, width, geometry.viewHeight)}
          role="tooltip"
        >
          <AlertTooltip
            alert={tipAlert}
            timeZone={timeZone}
            now={now}
            pinned={tip.pinned}
            onClose={() => setTip(null)}
          />
        </div>
      )}
    </div>
  );
}

/** Keeps the tooltip inside the panel: it opens away from the nearer edges. */
function tooltipPosition(x: number, y: number, width: number, height: number): React.CSSProperties {
  const style: React.CSSProperties = { left: 'auto', right: 'auto', top: 'auto', bottom: 'auto' };
  if (x > width / 2) {
    style.right = Math.max(4, width - x + TOOLTIP_OFFSET);
  } else {
    style.left = x + TOOLTIP_OFFSET;
  }
  if (y > height / 2) {
    style.bottom = Math.max(4, height - y + TOOLTIP_OFFSET / 2);
  } else {
    style.top = y + TOOLTIP_OFFSET / 2;
  }
  return style;
}

const getStyles = (theme: GrafanaTheme2) => {
  const tooltip = {
    position: 'absolute' as const,
    zIndex: theme.zIndex.tooltip,
    maxWidth: 360,
    maxHeight: '90%',
    overflow: 'auto',
    padding: theme.spacing(1),
    background: theme.components.tooltip.background,
    color: theme.components.tooltip.text,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
  };
  return {
    view: css({ position: 'relative', overflow: 'hidden' }),
    canvas: css({ position: 'absolute', top: 0, left: 0, pointerEvents: 'none' }),
    scroller: css({
      position: 'absolute',
      top: 0,
      left: 0,
      overflowY: 'auto',
      overflowX: 'hidden',
      cursor: 'crosshair',
      // The canvas draws the rows; hide the native scrollbar track colour clash but keep it usable.
      scrollbarWidth: 'thin',
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}`, outlineOffset: -2 },
    }),
    tooltip: css({ ...tooltip, pointerEvents: 'none' }),
    tooltipPinned: css(tooltip),
    srOnly: css(visuallyHidden),
  };
};
