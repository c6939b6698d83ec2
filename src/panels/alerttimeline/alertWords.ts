import { dateTimeFormat } from '@grafana/data';
import { TimeZone } from '@grafana/schema';

import { formatDuration } from '../../shared/format';
import { AlertSpan } from './types';

export function formatTime(t: number, timeZone: TimeZone): string {
  return dateTimeFormat(t, { format: 'YYYY-MM-DD HH:mm:ss', timeZone });
}

/** "Resolved after 12m", "Firing for 1h 05m", for tooltips and screen readers. */
export function durationWords(alert: AlertSpan, now: number): string {
  if (alert.end !== undefined) {
    return `resolved after ${formatDuration((alert.end - alert.start) / 1000)}`;
  }
  return `${alert.state} for ${formatDuration((now - alert.start) / 1000)}`;
}

/** One sentence per alert for the live region and the accessible table. */
export function alertSummary(alert: AlertSpan, timeZone: TimeZone, now: number): string {
  const where = [
    alert.service && `service ${alert.service}`,
    alert.rule && alert.rule !== alert.title && `rule ${alert.rule}`,
  ].filter(Boolean);
  return [
    `${alert.title}: ${alert.severity}, ${alert.state}`,
    `started ${formatTime(alert.start, timeZone)}`,
    durationWords(alert, now),
    ...where,
  ].join(', ');
}
