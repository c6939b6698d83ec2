import { DataFrame } from '@grafana/data';

import { findField, rowCount, stringAt, timeAt } from '../../shared/frames';
import { normalizeSeverity } from '../../shared/severity';
import { AlertSpan, AlertState } from './types';

function normalizeState(value: string | undefined, end: number | undefined): AlertState {
  const v = (value ?? '').toLowerCase();
  if (v === 'acknowledged' || v === 'resolved' || v === 'firing') {
    return v;
  }
  return end !== undefined ? 'resolved' : 'firing';
}

/**
 * Reads alert spans from the data source's alert frames (started_at, resolved_at,
 * severity, status, name) or from Grafana annotation frames (time, timeEnd, text, tags).
 */
export function readAlerts(frames: DataFrame[]): AlertSpan[] {
  const spans: AlertSpan[] = [];
  for (const frame of frames) {
    const start = findField(frame, ['started_at', 'start', 'time']);
    if (!start) {
      continue;
    }
    const end = findField(frame, ['resolved_at', 'end', 'timeEnd']);
    const id = findField(frame, ['id', 'alert_id']);
    const title = findField(frame, ['name', 'title', 'rule', 'text']);
    const severity = findField(frame, ['severity']);
    const state = findField(frame, ['status', 'state']);
    const description = findField(frame, ['description', 'text']);
    for (let i = 0; i < rowCount(frame); i++) {
      const s = timeAt(start, i);
      if (s === undefined) {
        continue;
      }
      const e = timeAt(end, i);
      const endTime = e !== undefined && e > s ? e : undefined;
      spans.push({
        id: stringAt(id, i) ?? `${frame.refId ?? 'A'}-${i}`,
        title: stringAt(title, i) ?? 'Alert',
        severity: normalizeSeverity(stringAt(severity, i)),
        state: normalizeState(stringAt(state, i), endTime),
        start: s,
        end: endTime,
        description: stringAt(description, i),
      });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
