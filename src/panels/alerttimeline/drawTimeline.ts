import { Severity } from '../../shared/severity';
import { Geometry, laneBox, rowAtY, xOfTime } from './geometry';
import { TimelineLayout } from './layoutRows';
import { TimelinePalette } from './palette';
import { Tick } from './timeTicks';
import { MaintenanceWindow } from './types';

export interface BaseScene {
  geometry: Geometry;
  layout: TimelineLayout;
  palette: TimelinePalette;
  maintenance: MaintenanceWindow[];
  ticks: Tick[];
  scrollTop: number;
  now: number;
  /** Grouped rows print alert titles inside wide bars; one-row-per-alert rows have them in the gutter. */
  labelsInBars: boolean;
  /** Mark each row's sources ("App", "Grafana") in the gutter, when the panel shows both. */
  showSources?: boolean;
  /** A word under the row labels on the axis line, e.g. that the axis fits the rows in view. */
  axisNote?: string;
}

type Style = 'solid' | 'faded' | 'ack' | 'ackFaded';
const MIN_BAR_WIDTH = 2;
const FONT_SIZE = 12;
const BADGE_FONT = 10;
/** A cut label shorter than this many characters says too little: it is not drawn. */
export const MIN_LABEL_CHARS = 6;
/** Gutter room the source badges take: "App" and "Grafana" side by side. */
export const SOURCE_BADGES_WIDTH = 76;

/** Prepares a canvas for crisp drawing at the device pixel ratio; returns null when the canvas cannot draw. */
export function prepareCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number
): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext('2d') as CanvasRenderingContext2D | null | undefined;
  if (!canvas || !ctx) {
    return null;
  }
  const dpr = typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.setTransform?.(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** The visible row range for a scroll offset. */
export function visibleRows(g: Geometry, rowCount: number, scrollTop: number): [number, number] {
  if (rowCount === 0) {
    return [0, -1];
  }
  const first = Math.max(0, rowAtY(g, scrollTop));
  const lastY = Math.min(g.contentHeight - 0.01, scrollTop + g.viewHeight);
  const last = rowAtY(g, lastY);
  return [first, last === -1 ? rowCount - 1 : last];
}

/** Draws rows, maintenance shading, spans, labels, the now line and the time axis. */
export function drawBase(ctx: CanvasRenderingContext2D, scene: BaseScene): void {
  const { geometry: g, layout, palette, scrollTop } = scene;
  const [firstRow, lastRow] = visibleRows(g, layout.rows.length, scrollTop);
  ctx.font = `${FONT_SIZE}px ${palette.fontFamily}`;
  ctx.textBaseline = 'middle';

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, g.width, g.viewHeight);
  ctx.clip();

  // Alternate row backgrounds so a row's label lines up with its bars.
  ctx.fillStyle = palette.rowStripe;
  for (let r = firstRow; r <= lastRow; r++) {
    if (r % 2 === 1) {
      ctx.fillRect(0, g.rowTops[r] - scrollTop, g.width, g.rowTops[r + 1] - g.rowTops[r]);
    }
  }

  ctx.strokeStyle = palette.gridLine;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of scene.ticks) {
    const x = Math.round(xOfTime(g, tick.time)) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, g.viewHeight);
  }
  ctx.stroke();

  drawMaintenance(ctx, scene);
  drawSpans(ctx, scene, firstRow, lastRow);
  drawGutter(ctx, scene, firstRow, lastRow);
  drawNow(ctx, scene);
  ctx.restore();

  drawAxis(ctx, scene);
}

function drawMaintenance(ctx: CanvasRenderingContext2D, { geometry: g, maintenance, palette }: BaseScene) {
  for (const window of maintenance) {
    if (window.end < g.from || window.start > g.to) {
      continue;
    }
    const x0 = Math.max(g.plotLeft, xOfTime(g, window.start));
    const x1 = Math.min(g.plotRight, xOfTime(g, window.end));
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = palette.maintenance;
    ctx.fillRect(x0, 0, Math.max(1, x1 - x0), g.viewHeight);
    // Diagonal hatching tells maintenance apart from a row stripe in both themes.
    ctx.globalAlpha = 0.35;
    ctx.strokeStyle = palette.maintenance;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, 0, Math.max(1, x1 - x0), g.viewHeight);
    ctx.clip();
    ctx.beginPath();
    for (let x = x0 - g.viewHeight; x < x1; x += 8) {
      ctx.moveTo(x, g.viewHeight);
      ctx.lineTo(x + g.viewHeight, 0);
    }
    ctx.stroke();
    ctx.restore();
    ctx.globalAlpha = 1;
    if (x1 - x0 > 70) {
      ctx.fillStyle = palette.textSecondary;
      ctx.fillText('Maintenance', x0 + 4, 9);
    }
  }
}

/**
 * Spans are batched per severity and style so the canvas changes fill state ~20 times,
 * not once per alert: what keeps 10,000 alerts smooth.
 */
function drawSpans(ctx: CanvasRenderingContext2D, scene: BaseScene, firstRow: number, lastRow: number) {
  const { geometry: g, layout, palette, scrollTop } = scene;
  const buckets = new Map<string, number[]>();
  const add = (severity: Severity, style: Style, x: number, y: number, w: number, h: number) => {
    const key = `${severity}|${style}`;
    const list = buckets.get(key);
    if (list) {
      list.push(x, y, w, h);
    } else {
      buckets.set(key, [x, y, w, h]);
    }
  };
  const texts: Array<{ text: string; x: number; y: number; w: number }> = [];

  for (let r = firstRow; r <= lastRow; r++) {
    const row = layout.rows[r];
    for (const id of row.spanIds) {
      const span = layout.spans[id];
      if (span.end < g.from || span.start > g.to) {
        continue;
      }
      const box = laneBox(g, r, span.lane, row.lanes);
      const y = box.top - scrollTop;
      const x0 = Math.max(g.plotLeft, xOfTime(g, span.start));
      const x1 = Math.min(g.plotRight, Math.max(xOfTime(g, span.end), x0 + MIN_BAR_WIDTH));
      const resolved = span.alert.state === 'resolved';
      const ack = span.alert.acknowledgedAt;
      const ackX = ack !== undefined ? Math.min(x1, Math.max(x0, xOfTime(g, ack))) : x1;
      if (ackX > x0) {
        add(span.alert.severity, resolved ? 'faded' : 'solid', x0, y, Math.max(MIN_BAR_WIDTH, ackX - x0), box.height);
      }
      if (ackX < x1) {
        add(span.alert.severity, resolved ? 'ackFaded' : 'ack', ackX, y, x1 - ackX, box.height);
      }
      if (scene.labelsInBars && x1 - x0 > 60 && box.height >= FONT_SIZE && texts.length < 400) {
        texts.push({ text: span.alert.title, x: x0 + 4, y: y + box.height / 2, w: x1 - x0 - 8 });
      }
    }
  }

  for (const [key, rects] of buckets) {
    const [severity, style] = key.split('|') as [Severity, Style];
    const color = palette.severity[severity];
    ctx.fillStyle = color;
    ctx.globalAlpha =
      style === 'faded'
        ? palette.resolvedAlpha
        : style === 'ackFaded'
          ? palette.resolvedAlpha * 0.5
          : style === 'ack'
            ? 0.5
            : 1;
    ctx.beginPath();
    for (let i = 0; i < rects.length; i += 4) {
      ctx.rect(rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
    }
    ctx.fill();
    if (style === 'ack' || style === 'ackFaded') {
      strokeHatch(ctx, rects, color, style === 'ack' ? 1 : Math.min(1, palette.resolvedAlpha * 1.6));
    }
  }
  ctx.globalAlpha = 1;

  ctx.fillStyle = palette.text;
  for (const t of texts) {
    const label = readableLabel(ctx, t.text, t.w);
    if (label) {
      ctx.fillText(label, t.x, t.y);
    }
  }
}

/**
 * The title whole, or cut after a whole word ("Database…", never "Databa…" or "Disk above 8…"
 * that misreads 85 as 8), or nothing when not even one readable word fits.
 */
export function readableLabel(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  const fitted = fitText(ctx, text, maxWidth);
  if (fitted === text) {
    return text;
  }
  const cut = fitted.slice(0, -1);
  const words = text.charAt(cut.length) === ' ' ? cut : cut.slice(0, cut.lastIndexOf(' ') + 1);
  const kept = words.trimEnd().replace(/[\s,;:–-]+$/, '');
  return kept.length >= MIN_LABEL_CHARS ? `${kept}…` : '';
}

/** Acknowledged stretches get diagonal stripes: the same colour, told apart without relying on colour alone. */
function strokeHatch(ctx: CanvasRenderingContext2D, rects: number[], color: string, alpha: number) {
  ctx.save();
  ctx.beginPath();
  for (let i = 0; i < rects.length; i += 4) {
    ctx.rect(rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
  }
  ctx.clip();
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < rects.length; i += 4) {
    minX = Math.min(minX, rects[i]);
    maxX = Math.max(maxX, rects[i] + rects[i + 2]);
    minY = Math.min(minY, rects[i + 1]);
    maxY = Math.max(maxY, rects[i + 1] + rects[i + 3]);
  }
  const h = maxY - minY;
  for (let x = minX - h; x < maxX; x += 6) {
    ctx.moveTo(x, maxY);
    ctx.lineTo(x + h, minY);
  }
  ctx.stroke();
  ctx.restore();
}

function drawGutter(ctx: CanvasRenderingContext2D, scene: BaseScene, firstRow: number, lastRow: number) {
  const { geometry: g, layout, palette, scrollTop } = scene;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, g.gutter - 4, g.viewHeight);
  for (let r = firstRow; r <= lastRow; r++) {
    const row = layout.rows[r];
    const top = g.rowTops[r] - scrollTop;
    const height = g.rowTops[r + 1] - g.rowTops[r];
    if (r % 2 === 1) {
      ctx.fillStyle = palette.rowStripe;
      ctx.fillRect(0, top, g.gutter - 4, height);
    }
    // Labels of tall rows cut by the viewport stay inside the visible part of the row.
    const centre = top + height / 2;
    const mid =
      height >= 3 * FONT_SIZE
        ? Math.min(Math.max(centre, Math.max(top, 0) + 10), Math.min(top + height, g.viewHeight) - 10)
        : centre;
    ctx.fillStyle = palette.severity[row.severity];
    ctx.fillRect(4, mid - 5, 3, 10);
    ctx.fillStyle = palette.text;
    const badges = scene.showSources ? SOURCE_BADGES_WIDTH : 0;
    ctx.fillText(fitText(ctx, row.label, g.gutter - 20 - badges), 12, mid);
    if (scene.showSources) {
      drawBadges(ctx, scene, row.sources, g.gutter - 8, mid);
    }
  }
}

/** Small outlined "App" / "Grafana" tags, right-aligned at `right`, so merged rows show both sources. */
function drawBadges(
  ctx: CanvasRenderingContext2D,
  { palette }: BaseScene,
  sources: { app: boolean; grafana: boolean },
  right: number,
  mid: number
) {
  const words = [sources.app && 'App', sources.grafana && 'Grafana'].filter((w): w is string => !!w);
  ctx.save();
  ctx.font = `${BADGE_FONT}px ${palette.fontFamily}`;
  ctx.textAlign = 'left';
  let x = right;
  for (const word of words.reverse()) {
    const w = (typeof ctx.measureText === 'function' ? ctx.measureText(word).width : word.length * 6) + 8;
    x -= w;
    ctx.strokeStyle = palette.textSecondary;
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.round(x) + 0.5, Math.round(mid - 7) + 0.5, Math.round(w), 14);
    ctx.fillStyle = palette.textSecondary;
    ctx.fillText(word, x + 4, mid + 0.5);
    x -= 4;
  }
  ctx.restore();
}

function drawNow(ctx: CanvasRenderingContext2D, { geometry: g, now, palette }: BaseScene) {
  if (now < g.from || now > g.to) {
    return;
  }
  const x = Math.round(xOfTime(g, now)) + 0.5;
  ctx.strokeStyle = palette.now;
  ctx.setLineDash?.([4, 4]);
  ctx.beginPath();
  ctx.moveTo(x, 0);
  ctx.lineTo(x, g.viewHeight);
  ctx.stroke();
  ctx.setLineDash?.([]);
}

function drawAxis(ctx: CanvasRenderingContext2D, scene: BaseScene) {
  const { geometry: g, ticks, palette } = scene;
  const top = g.viewHeight;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, top, g.width, g.axisHeight);
  ctx.strokeStyle = palette.gridLine;
  ctx.beginPath();
  ctx.moveTo(g.plotLeft, top + 0.5);
  ctx.lineTo(g.plotRight, top + 0.5);
  ctx.stroke();
  ctx.fillStyle = palette.textSecondary;
  if (scene.axisNote) {
    ctx.fillText(fitText(ctx, scene.axisNote, g.gutter - 16), 8, top + g.axisHeight / 2 + 1);
  }
  ctx.textAlign = 'center';
  for (const tick of ticks) {
    const x = xOfTime(g, tick.time);
    ctx.fillText(tick.label, Math.min(g.plotRight - 20, Math.max(g.plotLeft + 20, x)), top + g.axisHeight / 2 + 1);
  }
  ctx.textAlign = 'start';
}

/** Cuts text to a width with an ellipsis, measuring as few times as possible. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (maxWidth <= 0) {
    return '';
  }
  if (ctx.measureText(text).width <= maxWidth) {
    return text;
  }
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo > 0 ? `${text.slice(0, lo)}…` : '';
}

export interface OverlayScene {
  geometry: Geometry;
  layout: TimelineLayout;
  palette: TimelinePalette;
  scrollTop: number;
  hovered: number;
  focused: number;
  /** Drag-to-zoom selection in CSS pixels. */
  selection: { x0: number; x1: number } | null;
}

/** Hover and focus outlines and the zoom selection, on their own canvas so hovering never redraws 10,000 bars. */
export function drawOverlay(ctx: CanvasRenderingContext2D, scene: OverlayScene): void {
  const { geometry: g, palette } = scene;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, g.width, g.viewHeight);
  ctx.clip();
  const outline = (id: number, color: string, width: number) => {
    const span = scene.layout.spans[id];
    if (!span) {
      return;
    }
    const row = scene.layout.rows[span.row];
    const box = laneBox(g, span.row, span.lane, row.lanes);
    const x0 = Math.max(g.plotLeft, xOfTime(g, span.start));
    const x1 = Math.min(g.plotRight, Math.max(xOfTime(g, span.end), x0 + MIN_BAR_WIDTH));
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.strokeRect(x0 - width / 2, box.top - scene.scrollTop - width / 2, x1 - x0 + width, box.height + width);
  };
  if (scene.hovered >= 0 && scene.hovered !== scene.focused) {
    outline(scene.hovered, palette.text, 1.5);
  }
  if (scene.focused >= 0) {
    outline(scene.focused, palette.focus, 3);
  }
  if (scene.selection) {
    const x0 = Math.max(g.plotLeft, Math.min(scene.selection.x0, scene.selection.x1));
    const x1 = Math.min(g.plotRight, Math.max(scene.selection.x0, scene.selection.x1));
    ctx.fillStyle = palette.selection;
    ctx.fillRect(x0, 0, x1 - x0, g.viewHeight);
    ctx.strokeStyle = palette.focus;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, 0.5, x1 - x0 - 1, g.viewHeight - 1);
  }
  ctx.restore();
}
