import React, { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { visuallyHidden } from '../../shared/PanelMessage';
import { AlertTooltip, TooltipActions } from './AlertTooltip';
import { alertSummary } from './alertWords';
import { SOURCE_BADGES_WIDTH } from './drawTimeline';
import { rowsInViewRange } from './fitRows';
import { computeGeometry, Geometry } from './geometry';
import { TimelineLayout } from './layoutRows';
import { timelinePalette } from './palette';
import { timeTicks } from './timeTicks';
import { tooltipPlacement } from './tooltipPlacement';
import { MaintenanceWindow } from './types';
import { useTimelineInteraction } from './useTimelineInteraction';
import { useTimelinePaint } from './useTimelinePaint';

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
  /** One row per alert: when the rows in view would be squeezed, the axis fits them (fitRows.ts). */
  fitRowsInView?: boolean;
  now: number;
  onZoom: (from: number, to: number) => void;
  /** Description for screen readers, e.g. "120 alerts, grouped by service". */
  summary: string;
  /** Acting on application alerts from the pinned tooltip (acknowledge), when the user may. */
  actions?: TooltipActions;
}

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
 * Painting lives in useTimelinePaint, the pointer and keyboard in useTimelineInteraction.
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
  const scrollTop = useRef(0);
  const syncScroll = useCallback((top: number) => {
    scrollTop.current = top;
  }, []);
  // The interaction repaints the overlay through this, set once the painter exists.
  const overlayPainter = useRef<() => void>(() => {});

  const font = `12px ${palette.fontFamily}`;
  const badges = showSources ? SOURCE_BADGES_WIDTH : 0;
  const gutter = useMemo(() => gutterWidth(layout, width, font, badges), [layout, width, font, badges]);
  const rangeGeometry: Geometry = useMemo(
    () => computeGeometry(layout, { width, height }, { from, to }, laneHeight, gutter),
    [layout, width, height, from, to, laneHeight, gutter]
  );
  // Scroll position as state only where the axis follows the rows in view; elsewhere scrolling never renders.
  const [scrollPos, setScrollPos] = useState(0);
  const fitted = useMemo(
    () => (props.fitRowsInView ? rowsInViewRange(layout, rangeGeometry, scrollPos) : undefined),
    [props.fitRowsInView, layout, rangeGeometry, scrollPos]
  );
  const geometry: Geometry = useMemo(
    () => (fitted ? { ...rangeGeometry, from: fitted.from, to: fitted.to } : rangeGeometry),
    [fitted, rangeGeometry]
  );
  const ticks = useMemo(
    () => timeTicks(geometry.from, geometry.to, geometry.plotRight - geometry.plotLeft, timeZone),
    [geometry, timeZone]
  );

  const { tip, focused, tooltipRef, hoveredRef, dragRef, closeTip, onScrolled, handlers } = useTimelineInteraction({
    layout,
    geometry,
    from,
    to,
    width,
    height,
    onZoom,
    scrollerRef,
    scrollTop,
    syncScroll,
    repaintOverlay: () => overlayPainter.current(),
  });
  const { paintOverlay, onScrollPaint } = useTimelinePaint({
    baseRef,
    overlayRef,
    scrollerRef,
    scrollTop,
    syncScroll,
    geometry,
    layout,
    palette,
    maintenance,
    ticks,
    now,
    labelsInBars,
    showSources,
    axisNote: fitted ? 'Rows in view' : undefined,
    width,
    height,
    hoveredRef,
    focused,
    dragRef,
  });
  useLayoutEffect(() => {
    overlayPainter.current = paintOverlay;
  }, [paintOverlay]);

  const onScroll = () => {
    onScrollPaint();
    onScrolled();
    if (props.fitRowsInView) {
      setScrollPos(scrollerRef.current?.scrollTop ?? 0);
    }
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
        {...handlers}
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
          style={tooltipPlacement(tip.x, tip.y, width, height)}
          role="tooltip"
        >
          <AlertTooltip
            alert={tipAlert}
            timeZone={timeZone}
            now={now}
            pinned={tip.pinned}
            onClose={closeTip}
            actions={props.actions}
          />
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const tooltip = {
    position: 'absolute' as const,
    zIndex: theme.zIndex.tooltip,
    maxWidth: 360,
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
