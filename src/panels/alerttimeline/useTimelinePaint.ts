import { MutableRefObject, RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';

import { drawBase, drawOverlay, prepareCanvas } from './drawTimeline';
import { Geometry } from './geometry';
import { TimelineLayout } from './layoutRows';
import { TimelinePalette } from './palette';
import { Tick } from './timeTicks';
import { MaintenanceWindow } from './types';

/** A drag shorter than this is a click, as in Grafana's own graphs. */
export const MIN_DRAG_PX = 5;

export interface PaintInput {
  baseRef: RefObject<HTMLCanvasElement | null>;
  overlayRef: RefObject<HTMLCanvasElement | null>;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** The scroll offset, kept in a ref (scrolling never renders), and how to record a new one. */
  scrollTop: RefObject<number>;
  syncScroll: (top: number) => void;
  geometry: Geometry;
  layout: TimelineLayout;
  palette: TimelinePalette;
  maintenance: MaintenanceWindow[];
  ticks: Tick[];
  now: number;
  labelsInBars: boolean;
  showSources: boolean;
  axisNote?: string;
  width: number;
  height: number;
  /** The hovered span (read when painting, so hovering needs no render) and the focused one. */
  hoveredRef: MutableRefObject<number>;
  focused: number;
  /** The drag-to-zoom selection in progress, in CSS pixels. */
  dragRef: MutableRefObject<{ x0: number; x1: number } | null>;
}

/**
 * Paint scheduling: the base canvas (rows, bars, axis) and the overlay (hover, focus,
 * selection) are drawn synchronously after layout, so the first frame is complete, and
 * once per animation frame while scrolling. Returns the overlay painter for the interaction
 * and the scroll handler.
 */
export function useTimelinePaint(p: PaintInput) {
  const { geometry, layout, palette, maintenance, ticks, now, labelsInBars, showSources, axisNote, width, height } = p;
  const { focused } = p;
  const { baseRef, overlayRef, scrollerRef, scrollTop, syncScroll, hoveredRef, dragRef } = p;
  const frame = useRef(0);

  const paintOverlay = useCallback(() => {
    const ctx = prepareCanvas(overlayRef.current, width, height);
    if (ctx) {
      const drag = dragRef.current;
      drawOverlay(ctx, {
        geometry,
        layout,
        palette,
        scrollTop: scrollTop.current ?? 0,
        hovered: hoveredRef.current,
        focused,
        selection: drag && Math.abs(drag.x1 - drag.x0) >= MIN_DRAG_PX ? drag : null,
      });
    }
  }, [overlayRef, dragRef, hoveredRef, scrollTop, geometry, layout, palette, focused, width, height]);

  const paintBase = useCallback(() => {
    const ctx = prepareCanvas(baseRef.current, width, height);
    if (ctx) {
      drawBase(ctx, {
        geometry,
        layout,
        palette,
        maintenance,
        ticks,
        scrollTop: scrollTop.current ?? 0,
        now,
        labelsInBars,
        showSources,
        axisNote,
      });
    }
  }, [
    baseRef,
    scrollTop,
    geometry,
    layout,
    palette,
    maintenance,
    ticks,
    now,
    labelsInBars,
    showSources,
    axisNote,
    width,
    height,
  ]);

  useLayoutEffect(() => {
    if (scrollerRef.current) {
      syncScroll(Math.min(scrollerRef.current.scrollTop, Math.max(0, geometry.contentHeight - geometry.viewHeight)));
    }
    paintBase();
  }, [paintBase, geometry, scrollerRef, syncScroll]);

  useLayoutEffect(() => {
    paintOverlay();
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScrollPaint = useCallback(() => {
    syncScroll(scrollerRef.current?.scrollTop ?? 0);
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      paintBase();
      paintOverlay();
    });
  }, [scrollerRef, syncScroll, paintBase, paintOverlay]);

  return { paintOverlay, onScrollPaint };
}
