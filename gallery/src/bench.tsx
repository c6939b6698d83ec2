import React from 'react';
import { flushSync } from 'react-dom';
import { Root } from 'react-dom/client';
import { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';

import { AlertTimelinePanel } from '../../src/panels/alerttimeline/AlertTimelinePanel';
import { AlertTimelineOptions } from '../../src/panels/alerttimeline/types';
import { buildPanelProps } from '../../src/test/buildPanelProps';
import { alertHistoryFrame } from '../../src/test/fixtures/alerts';

const HOUR = 3_600_000;
const WIDTH = 1200;
const HEIGHT = 600;
const HOVER_MOVES = 300;

export interface BenchResult {
  alerts: number;
  groupBy: string;
  firstRenderMs: number;
  hoverMedianMs: number;
  hoverP95Ms: number;
  hoverHits: number;
}

declare global {
  interface Window {
    benchTimeline?: (count: number, groupBy: AlertTimelineOptions['groupBy']) => Promise<BenchResult>;
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Lets React's scheduler (a MessageChannel task) run, without waiting for a paint. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Points on drawn bars, read back from the canvas: severity colours are saturated, text
 * and backgrounds are grey. Spread over the plot so hovering moves from alert to alert.
 */
function barPixels(canvas: HTMLCanvasElement, viewHeight: number, wanted: number): Array<[number, number]> {
  const ctx = canvas.getContext('2d')!;
  const scale = canvas.width / canvas.getBoundingClientRect().width;
  const height = Math.min(canvas.height, Math.floor(viewHeight * scale));
  const { data, width } = ctx.getImageData(0, 0, canvas.width, height);
  const found: Array<[number, number]> = [];
  for (let y = 2; y < height; y += 3) {
    for (let x = 0; x < width; x += 3) {
      const i = (y * width + x) * 4;
      const spread = Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
      // Skip the label column's severity markers: they sit in the first few pixels.
      if (spread > 60 && x / scale > 12) {
        found.push([x / scale, y / scale]);
      }
    }
  }
  // A fixed stride through the points, so consecutive moves land on different alerts.
  const picked: Array<[number, number]> = [];
  for (let i = 0; i < Math.min(wanted, found.length); i++) {
    picked.push(found[(i * 7919) % found.length]);
  }
  return picked;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * Exposes window.benchTimeline(count, groupBy): renders the alert timeline with `count`
 * alerts and measures (1) first render: reading frames, layout, index and the canvas
 * draw, until the next frame is painted; (2) hover: a mousemove over the plot until
 * React has committed the tooltip, over a sweep of positions.
 */
export function runBench(root: Root, theme: GrafanaTheme2) {
  const now = Date.now();
  window.benchTimeline = async (count, groupBy = 'alert') => {
    const range = { from: now - 7 * 24 * HOUR, to: now };
    const series: DataFrame[] = [alertHistoryFrame({ count, from: range.from, to: range.to, randomSeed: count })];
    flushSync(() => root.render(<div />));
    await nextFrame();

    const started = performance.now();
    flushSync(() =>
      root.render(
        <ThemeContext.Provider value={theme}>
          <GlobalStyles />
          <div id="bench-panel" style={{ width: WIDTH, height: HEIGHT }}>
            <AlertTimelinePanel
              {...buildPanelProps<AlertTimelineOptions>({
                options: { groupBy, alertSource: 'application' },
                series,
                range,
                width: WIDTH,
                height: HEIGHT,
              })}
            />
          </div>
        </ThemeContext.Provider>
      )
    );
    await nextFrame();
    const firstRenderMs = performance.now() - started;

    const scroller = document.querySelector<HTMLElement>('#bench-panel [aria-roledescription="alert timeline"]')!;
    const rect = scroller.getBoundingClientRect();
    const canvas = document.querySelector<HTMLCanvasElement>('#bench-panel canvas')!;
    const targets = barPixels(canvas, rect.height, HOVER_MOVES);
    const timings: number[] = [];
    let hits = 0;
    for (let i = 0; i < HOVER_MOVES; i++) {
      const [tx, ty] = targets.length ? targets[i % targets.length] : [rect.width / 2, rect.height / 2];
      const x = rect.left + tx;
      const y = rect.top + ty;
      const t0 = performance.now();
      scroller.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
      await nextTask();
      timings.push(performance.now() - t0);
      if (document.querySelector('#bench-panel [role="tooltip"]')) {
        hits++;
      }
    }
    timings.sort((a, b) => a - b);
    return {
      alerts: count,
      groupBy: groupBy ?? 'alert',
      firstRenderMs: Math.round(firstRenderMs * 10) / 10,
      hoverMedianMs: Math.round(percentile(timings, 0.5) * 100) / 100,
      hoverP95Ms: Math.round(percentile(timings, 0.95) * 100) / 100,
      hoverHits: hits,
    };
  };
  document.getElementById('root')!.setAttribute('data-ready', 'true');
}
