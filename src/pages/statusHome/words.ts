import { DataFrame, Field, FieldType } from '@grafana/data';

import { formatDuration } from '../../shared/format';

/** The value of a field at a row, or undefined when the frame lacks the field. */
function cell<T>(frame: DataFrame, name: string, row: number): T | undefined {
  const f: Field | undefined = frame.fields.find((x) => x.name === name);
  const v = f?.values[row];
  return v === null ? undefined : (v as T | undefined);
}

// ---- service health ----------------------------------------------------------------

export type HealthState = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

export interface ServiceHealth {
  /** "Overall" for the application itself, else the dependency's name. */
  name: string;
  state: HealthState;
}

function stateOf(v: number | null | undefined): HealthState {
  if (v === null || v === undefined || Number.isNaN(v)) {
    return 'unknown';
  }
  return v >= 1 ? 'healthy' : v > 0 ? 'degraded' : 'unhealthy';
}

/**
 * Each service's health now, from the health query's health.status series (1 healthy,
 * 0.5 degraded, 0 unhealthy; the latest point counts). The application itself comes first.
 */
export function readServiceHealth(frames: DataFrame[]): ServiceHealth[] {
  const out: ServiceHealth[] = [];
  for (const frame of frames) {
    const value = frame.fields.find(
      (f) => f.type === FieldType.number && (f.labels?.metric ?? f.name) === 'health.status'
    );
    if (!value) {
      continue;
    }
    const last = value.values.length > 0 ? (value.values[value.values.length - 1] as number | null) : undefined;
    const service = value.labels?.service;
    out.push({ name: service ?? 'Overall', state: stateOf(last) });
  }
  return out.sort((a, b) => (a.name === 'Overall' ? -1 : b.name === 'Overall' ? 1 : a.name.localeCompare(b.name)));
}

/** "All 6 services healthy" or "2 of 6 services need attention: redis degraded, postgres unhealthy". */
export function healthSentence(services: ServiceHealth[]): string {
  const deps = services.filter((s) => s.name !== 'Overall');
  const overall = services.find((s) => s.name === 'Overall');
  const bad = deps.filter((s) => s.state === 'degraded' || s.state === 'unhealthy');
  const app = overall
    ? `The application is ${overall.state === 'unknown' ? 'of unknown health' : overall.state}. `
    : '';
  if (deps.length === 0) {
    return app.trim() || 'The application reports no health.';
  }
  if (bad.length === 0) {
    const unknown = deps.filter((s) => s.state === 'unknown').length;
    return `${app}All ${deps.length} services are healthy${unknown ? ` or unknown (${unknown})` : ''}.`;
  }
  return `${app}${bad.length} of ${deps.length} services need attention: ${bad.map((s) => `${s.name} ${s.state}`).join(', ')}.`;
}

// ---- objectives ---------------------------------------------------------------------

export interface ObjectiveWords {
  id: string;
  title: string;
  sentence: string;
  state: 'ok' | 'warning' | 'critical' | 'unknown';
}

function percentText(v: number): string {
  return `${Number(v.toFixed(3))} %`;
}

/** "30d" -> "30-day", "calendar_month" -> "monthly", "calendar_quarter" -> "quarterly". */
export function windowWords(window: string | undefined): string {
  if (!window) {
    return '';
  }
  if (window === 'calendar_month') {
    return 'monthly ';
  }
  if (window === 'calendar_quarter') {
    return 'quarterly ';
  }
  const m = /^(\d+)d$/.exec(window);
  return m ? `${m[1]}-day ` : `${window} `;
}

/**
 * Each objective in plain words, from the slo frame:
 * "Availability: meeting its 99.9 % target, 62 % of the monthly error budget left".
 */
export function readObjectives(frames: DataFrame[]): ObjectiveWords[] {
  const frame = frames.find((f) => f.name === 'slo' || f.fields.some((x) => x.name === 'budget_remaining_ratio'));
  if (!frame) {
    return [];
  }
  const out: ObjectiveWords[] = [];
  for (let row = 0; row < frame.length; row++) {
    const id = cell<string>(frame, 'objective', row) ?? String(row);
    const title = cell<string>(frame, 'title', row) ?? id;
    const target = cell<number>(frame, 'target', row);
    const actual = cell<number>(frame, 'actual', row);
    const compliant = cell<boolean | number>(frame, 'compliant', row);
    const remaining = cell<number>(frame, 'budget_remaining_ratio', row);
    const fast = cell<number | boolean>(frame, 'fast_burn', row);
    const slow = cell<number | boolean>(frame, 'slow_burn', row);
    const budget = `${windowWords(cell<string>(frame, 'window', row))}error budget`;
    const targetText = target === undefined ? 'its target' : `its ${percentText(target)} target`;
    if (actual === undefined || compliant === undefined) {
      out.push({ id, title, sentence: `${title}: no data yet to judge ${targetText}`, state: 'unknown' });
      continue;
    }
    if (!compliant) {
      out.push({
        id,
        title,
        sentence: `${title}: missing ${targetText} (${percentText(actual)}), the ${budget} is used up`,
        state: 'critical',
      });
      continue;
    }
    const left = remaining === undefined ? '' : `, ${Math.max(0, Math.round(remaining * 100))} % of the ${budget} left`;
    const burning = fast ? '; spending it fast' : slow ? '; spending it faster than it lasts' : '';
    out.push({
      id,
      title,
      sentence: `${title}: meeting ${targetText}${left}${burning}`,
      state: fast ? 'critical' : slow || (remaining !== undefined && remaining < 0.25) ? 'warning' : 'ok',
    });
  }
  return out;
}

// ---- alerts -------------------------------------------------------------------------

export interface ActiveAlert {
  id: string;
  title: string;
  severity: string;
  since?: number;
  acknowledged: boolean;
}

/** Open application alerts from the alerts query (action active), most severe first. */
export function readActiveAlerts(frames: DataFrame[]): ActiveAlert[] {
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  const out: ActiveAlert[] = [];
  for (const frame of frames.filter((f) => f.name === 'alerts' || f.fields.some((x) => x.name === 'severity'))) {
    for (let row = 0; row < frame.length; row++) {
      const status = cell<string>(frame, 'status', row) ?? 'firing';
      if (status === 'resolved') {
        continue;
      }
      out.push({
        id: cell<string>(frame, 'id', row) ?? String(row),
        title: cell<string>(frame, 'title', row) ?? cell<string>(frame, 'rule', row) ?? 'Alert',
        severity: cell<string>(frame, 'severity', row) ?? 'info',
        since: cell<number>(frame, 'time', row),
        acknowledged: status === 'acknowledged' || cell<number>(frame, 'acknowledged_at', row) !== undefined,
      });
    }
  }
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return out.sort((a, b) => rank(a.severity) - rank(b.severity) || (a.since ?? 0) - (b.since ?? 0));
}

// ---- on call ------------------------------------------------------------------------

export interface OnCallNow {
  layer: string;
  name: string;
  contact: string;
  shiftEnd?: number;
  secondsToHandoff?: number;
}

/** Who is on call in each layer now, from the oncall_now frame. */
export function readOnCall(frames: DataFrame[]): OnCallNow[] {
  const frame = frames.find((f) => f.name === 'oncall_now' || f.fields.some((x) => x.name === 'seconds_to_handoff'));
  if (!frame) {
    return [];
  }
  return Array.from({ length: frame.length }, (_, row) => ({
    layer: cell<string>(frame, 'layer', row) ?? '',
    name: cell<string>(frame, 'name', row) ?? '',
    contact: cell<string>(frame, 'contact', row) ?? '',
    shiftEnd: cell<number>(frame, 'shift_end', row),
    secondsToHandoff: cell<number>(frame, 'seconds_to_handoff', row),
  }));
}

/** "Engineer A is on call (primary); handoff to Engineer B in 2d 3h." */
export function onCallSentence(p: OnCallNow, next?: string): string {
  const who = p.name ? `${p.name} is on call` : 'Nobody is on call';
  const layer = p.layer ? ` (${p.layer})` : '';
  if (p.secondsToHandoff === undefined) {
    return `${who}${layer}.`;
  }
  const to = next ? ` to ${next}` : '';
  return p.secondsToHandoff <= 0
    ? `${who}${layer}; handoff${to} now.`
    : `${who}${layer}; handoff${to} in ${formatDuration(p.secondsToHandoff)}.`;
}
