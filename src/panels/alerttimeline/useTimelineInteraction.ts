import React, { RefObject, useLayoutEffect, useRef, useState } from 'react';

import { Geometry, laneBox, timeOfX, xOfTime } from './geometry';
import { hitTest } from './hitTest';
import { TimelineLayout } from './layoutRows';
import { nextFocus } from './navigation';
import { placeTooltip } from './tooltipPlacement';
import { MIN_DRAG_PX } from './useTimelinePaint';

export interface Tip {
  id: number;
  x: number;
  y: number;
  /** Pinned by a click or Enter: it stays, takes the pointer, and its links can be followed. */
  pinned: boolean;
  /** Keyboard tooltips follow focus and survive the scroll that brings their row into view. */
  source: 'mouse' | 'keyboard';
}

export interface InteractionInput {
  layout: TimelineLayout;
  geometry: Geometry;
  from: number;
  to: number;
  width: number;
  height: number;
  onZoom: (from: number, to: number) => void;
  scrollerRef: RefObject<HTMLDivElement | null>;
  scrollTop: RefObject<number>;
  /** Records a scroll offset set here (revealing a row), before its scroll event arrives. */
  syncScroll: (top: number) => void;
  /** Repaints the overlay canvas (hover, focus, selection) without a render. */
  repaintOverlay: () => void;
}

/**
 * What the pointer and the keyboard do on the timeline: hover tooltips, click or Enter to pin
 * one, drag to zoom into a time range, arrow keys between alerts, z to zoom to one, minus to
 * zoom out, Escape to clear. Tooltip and focus remember the layout they point into: after a
 * data refresh span ids mean other alerts, so both clear themselves instead of showing the
 * wrong alert.
 */
export function useTimelineInteraction(input: InteractionInput) {
  const { layout, geometry, from, to, width, height, onZoom, scrollerRef, scrollTop, syncScroll, repaintOverlay } =
    input;
  const tooltipRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x0: number; x1: number } | null>(null);
  const [tipState, setTipState] = useState<{ tip: Tip; layout: TimelineLayout } | null>(null);
  const [focusState, setFocusState] = useState<{ id: number; layout: TimelineLayout } | null>(null);
  const tip = tipState?.layout === layout ? tipState.tip : null;
  const focused = focusState?.layout === layout ? focusState.id : -1;
  const setTip = (next: Tip | null) => setTipState(next ? { tip: next, layout } : null);
  const setFocused = (id: number) => setFocusState(id >= 0 ? { id, layout } : null);
  // Handlers read the tooltip through refs so hovering the same alert needs no render.
  const tipRef = useRef<Tip | null>(null);
  const hoveredRef = useRef(-1);
  useLayoutEffect(() => {
    tipRef.current = tip;
    hoveredRef.current = tip?.id ?? -1;
  }, [tip]);

  // Measure the rendered tooltip and keep it inside the panel.
  useLayoutEffect(() => {
    if (tip) {
      placeTooltip(tooltipRef.current, tip.x, tip.y, width, height);
    }
  }, [tip, width, height]);

  const pointer = (e: { clientX: number; clientY: number }) => {
    const rect = scrollerRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onScrolled = () => {
    if (tipRef.current?.source === 'mouse' && !tipRef.current.pinned) {
      setTip(null);
    }
  };

  const onMouseMove = (e: React.MouseEvent) => {
    const { x, y } = pointer(e);
    if (drag.current) {
      drag.current.x1 = x;
      repaintOverlay();
      return;
    }
    if (tipRef.current?.pinned) {
      return;
    }
    const id = hitTest(geometry, layout, x, y + (scrollTop.current ?? 0));
    if (id < 0) {
      if (tipRef.current) {
        setTip(null);
      }
      return;
    }
    if (tipRef.current?.id === id) {
      // Same alert: move the tooltip without a React render.
      placeTooltip(tooltipRef.current, x, y, width, height);
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
      const selection = drag.current;
      drag.current = null;
      if (!selection || !scrollerRef.current) {
        return;
      }
      const at = pointer(up);
      if (Math.abs(at.x - selection.x0) >= MIN_DRAG_PX) {
        const a = timeOfX(geometry, Math.max(geometry.plotLeft, Math.min(selection.x0, at.x)));
        const b = timeOfX(geometry, Math.min(geometry.plotRight, Math.max(selection.x0, at.x)));
        repaintOverlay();
        onZoom(Math.round(a), Math.round(b));
        return;
      }
      // A click pins the alert's tooltip so its runbook link can be followed.
      const id = hitTest(geometry, layout, at.x, at.y + (scrollTop.current ?? 0));
      if (id >= 0) {
        setFocused(id);
        setTip({ id, x: at.x, y: at.y, pinned: true, source: 'mouse' });
      } else {
        setTip(null);
      }
      repaintOverlay();
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
      syncScroll(scroller.scrollTop);
    }
    const x0 = Math.max(geometry.plotLeft, xOfTime(geometry, span.start));
    const x1 = Math.min(geometry.plotRight, xOfTime(geometry, span.end));
    return { x: (x0 + x1) / 2, y: box.top - (scrollTop.current ?? 0) + box.height / 2 };
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

  return {
    tip,
    focused,
    tooltipRef,
    hoveredRef,
    dragRef: drag,
    closeTip: () => setTip(null),
    onScrolled,
    handlers: { onMouseMove, onMouseDown, onMouseLeave, onKeyDown },
  };
}
