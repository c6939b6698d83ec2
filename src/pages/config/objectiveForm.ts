import { FieldError, ObjectiveForm } from './types';

export const KIND_OPTIONS = [
  { label: 'Availability', value: 'availability', description: 'Share of time the service is up' },
  { label: 'Good requests', value: 'error_rate', description: 'Share of requests without an error' },
  { label: 'Latency', value: 'latency', description: 'Share of minutes with p95 latency under a threshold' },
];

const WINDOW_LABELS: Record<string, string> = {
  '7d': '7 days',
  '28d': '28 days',
  '30d': '30 days',
  '90d': '90 days',
  calendar_month: 'Calendar month',
  calendar_quarter: 'Calendar quarter',
  calendar_year: 'Calendar year',
};

export const windowLabel = (w: string) => WINDOW_LABELS[w] ?? w;
export const isCalendarWindow = (w: string) => w.startsWith('calendar_');

export const DEFAULT_THRESHOLD_MS = 2000;

/** A new objective: the common availability target over 30 days. */
export function newObjective(existing: ObjectiveForm[]): ObjectiveForm {
  const ids = new Set(existing.map((o) => o.id));
  let id = 'availability';
  for (let n = 2; ids.has(id); n++) {
    id = `availability-${n}`;
  }
  return { id, kind: 'availability', target: 99.9, window: '30d' };
}

/** Changing the kind drops what belonged to the old one (threshold, metric): the new kind's defaults apply. */
export function withKind(o: ObjectiveForm, kind: string): ObjectiveForm {
  const { threshold_ms: _t, metric: _m, ...rest } = o;
  return kind === 'latency' ? { ...rest, kind, threshold_ms: DEFAULT_THRESHOLD_MS } : { ...rest, kind };
}

/** Rolling windows are the same in every zone, so a zone goes with calendar windows only. */
export function withWindow(o: ObjectiveForm, window: string): ObjectiveForm {
  const { time_zone: _z, ...rest } = o;
  return isCalendarWindow(window) && o.time_zone ? { ...rest, window, time_zone: o.time_zone } : { ...rest, window };
}

/** The fields the form shows for an objective; problems elsewhere are listed above the buttons. */
export function objectiveFields(o: ObjectiveForm, i: number): string[] {
  const p = `objectives[${i}]`;
  const out = [`${p}.title`, `${p}.id`, `${p}.kind`, `${p}.target`, `${p}.window`];
  if (isCalendarWindow(o.window)) {
    out.push(`${p}.time_zone`);
  }
  if (o.kind === 'latency') {
    out.push(`${p}.threshold_ms`);
  }
  return out;
}

/** Number fields left empty: the parser would take a missing number for its default. */
export function objectiveLocalErrors(list: ObjectiveForm[]): FieldError[] {
  const out: FieldError[] = [];
  list.forEach((o, i) => {
    if (!Number.isFinite(o.target)) {
      out.push({ field: `objectives[${i}].target`, message: 'Enter the target as a percentage, e.g. 99.9' });
    }
    if (o.kind === 'latency' && !Number.isFinite(o.threshold_ms)) {
      out.push({ field: `objectives[${i}].threshold_ms`, message: 'Enter the threshold in milliseconds, e.g. 2000' });
    }
  });
  return out;
}
