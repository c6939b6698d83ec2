import { SEVERITIES, Severity } from '../../shared/severity';
import { LaneIndex } from './intervalIndex';
import { AlertSpan, GroupBy } from './types';

/** A span as drawn: its alert, where it sits, and its end (open alerts run to now). */
export interface PlacedSpan {
  alert: AlertSpan;
  row: number;
  lane: number;
  start: number;
  end: number;
}

export interface TimelineRow {
  key: string;
  label: string;
  lanes: number;
  /** The most severe alert of the row, for the label marker. */
  severity: Severity;
  /** Ids of the row's spans (all lanes) sorted by start, for keyboard moves. */
  spanIds: number[];
  /** Where the row's alerts come from: application, Grafana, or both (a merged rule row). */
  sources: { app: boolean; grafana: boolean };
  /** The hit-test index of a lane, built the first time the pointer reaches the row. */
  laneIndex: (lane: number) => LaneIndex | undefined;
}

/** Lane indexes cost four typed arrays each; 50,000 one-alert rows should not build them up front. */
function lazyIndexes(
  lanes: Array<Array<{ id: number; start: number; end: number }>>
): (lane: number) => LaneIndex | undefined {
  const built: Array<LaneIndex | undefined> = [];
  return (lane) => {
    if (lane < 0 || lane >= lanes.length) {
      return undefined;
    }
    built[lane] ??= new LaneIndex(lanes[lane]);
    return built[lane];
  };
}

export interface TimelineLayout {
  rows: TimelineRow[];
  spans: PlacedSpan[];
}

/** Overlapping alerts of a grouped row stack in lanes; past this many they share the lane that frees first. */
export const MAX_LANES = 6;

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<
  Severity,
  number
>;

function groupKey(alert: AlertSpan, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'rule':
      return alert.ruleKey || alert.rule || alert.title;
    case 'service':
      return alert.service || '(no service)';
    case 'severity':
      return alert.severity;
    default:
      return alert.id;
  }
}

/**
 * Places alerts (sorted by start) in rows: one per alert (oldest or newest first), or one
 * per rule, service or severity with overlapping alerts in lanes, each lane with a
 * hit-test index built on first use.
 */
export function layoutRows(
  alerts: AlertSpan[],
  groupBy: GroupBy,
  openEnd: number,
  newestFirst = false
): TimelineLayout {
  const spans: PlacedSpan[] = [];
  const rows: TimelineRow[] = [];

  if (groupBy === 'alert') {
    (newestFirst ? [...alerts].reverse() : alerts).forEach((alert, i) => {
      const span: PlacedSpan = {
        alert,
        row: i,
        lane: 0,
        start: alert.start,
        end: alert.end ?? Math.max(openEnd, alert.start),
      };
      spans.push(span);
      rows.push({
        key: `${alert.id}#${i}`,
        label: alert.title,
        lanes: 1,
        severity: alert.severity,
        spanIds: [i],
        sources: { app: alert.source !== 'grafana', grafana: alert.source === 'grafana' },
        laneIndex: lazyIndexes([[{ id: i, start: span.start, end: span.end }]]),
      });
    });
    return { rows, spans };
  }

  const groups = new Map<string, AlertSpan[]>();
  for (const alert of alerts) {
    const key = groupKey(alert, groupBy);
    const list = groups.get(key);
    if (list) {
      list.push(alert);
    } else {
      groups.set(key, [alert]);
    }
  }

  const ordered = [...groups.entries()].map(([key, list]) => ({
    key,
    list,
    severity: list.reduce<Severity>(
      (worst, a) => (SEVERITY_RANK[a.severity] < SEVERITY_RANK[worst] ? a.severity : worst),
      'info'
    ),
  }));
  ordered.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.key.localeCompare(b.key));

  ordered.forEach(({ key, list, severity }, rowNumber) => {
    const laneEnds: number[] = [];
    const laneSpans: Array<Array<{ id: number; start: number; end: number }>> = [];
    const spanIds: number[] = [];
    for (const alert of list) {
      const start = alert.start;
      const end = alert.end ?? Math.max(openEnd, start);
      let lane = laneEnds.findIndex((laneEnd) => laneEnd < start);
      if (lane === -1 && laneEnds.length < MAX_LANES) {
        lane = laneEnds.length;
        laneEnds.push(-Infinity);
        laneSpans.push([]);
      } else if (lane === -1) {
        lane = laneEnds.indexOf(Math.min(...laneEnds));
      }
      laneEnds[lane] = Math.max(laneEnds[lane], end);
      const id = spans.length;
      spans.push({ alert, row: rowNumber, lane, start, end });
      laneSpans[lane].push({ id, start, end });
      spanIds.push(id);
    }
    rows.push({
      key,
      label: groupBy === 'severity' ? key.charAt(0).toUpperCase() + key.slice(1) : key,
      lanes: Math.max(1, laneEnds.length),
      severity,
      spanIds,
      sources: {
        app: list.some((a) => a.source !== 'grafana'),
        grafana: list.some((a) => a.source === 'grafana'),
      },
      laneIndex: lazyIndexes(laneSpans),
    });
  });
  return { rows, spans };
}
