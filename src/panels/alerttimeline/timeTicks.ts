import { dateTimeFormat } from '@grafana/data';
import { TimeZone } from '@grafana/schema';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  90 * DAY,
  365 * DAY,
];

export interface Tick {
  time: number;
  label: string;
}

function formatFor(step: number, span: number): string {
  if (step < MINUTE) {
    return 'HH:mm:ss';
  }
  if (step < DAY) {
    return span > DAY ? 'MM/DD HH:mm' : 'HH:mm';
  }
  return span > 365 * DAY ? 'YYYY-MM-DD' : 'MM/DD';
}

/**
 * Time axis ticks at a round step that leaves at least `minSpacing` pixels between
 * labels, aligned to the dashboard's time zone so "00:00" is local midnight.
 */
export function timeTicks(from: number, to: number, widthPx: number, timeZone: TimeZone, minSpacing = 90): Tick[] {
  const span = to - from;
  if (span <= 0 || widthPx <= 0) {
    return [];
  }
  const wanted = (span / widthPx) * minSpacing;
  const step = STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1];
  const format = formatFor(step, span);
  // Offset of the zone at the range start, so steps of hours and days land on local boundaries.
  const offsetMs = zoneOffsetMs(from, timeZone);
  const first = Math.ceil((from + offsetMs) / step) * step - offsetMs;
  const ticks: Tick[] = [];
  for (let t = first; t <= to && ticks.length < 200; t += step) {
    ticks.push({ time: t, label: dateTimeFormat(t, { format, timeZone }) });
  }
  return ticks;
}

function zoneOffsetMs(t: number, timeZone: TimeZone): number {
  const local = dateTimeFormat(t, { format: 'YYYY-MM-DDTHH:mm:ss', timeZone });
  const asUtc = Date.parse(`${local}Z`);
  return Number.isNaN(asUtc) ? 0 : asUtc - Math.floor(t / 1000) * 1000;
}
