import { normalizeSeverity, Severity } from './severity';

/**
 * Readers for Grafana's own alerting HTTP API, as documented for Grafana 12:
 * - the Prometheus-compatible rules API (GET /api/prometheus/grafana/api/v1/rules):
 *   {status, data: {groups: [{name, file, folderUid, rules: [{name, uid, state, labels,
 *   annotations, query, health, type, alerts: [{labels, annotations, state, activeAt, value}]}]}]}};
 * - the state history API (GET /api/v1/rules/history): one data frame as JSON, {schema: {fields:
 *   [time, line, labels]}, data: {values: [[ms…], [line…], [labels…]]}}, each line an object with
 *   previous and current state, ruleUID, ruleTitle and the instance's labels.
 * Every field may be missing: what cannot be read is skipped and counted, never guessed.
 */

/** A Grafana-managed alert rule that passed the panel's filter. */
export interface GrafanaRule {
  uid: string;
  title: string;
  folder: string;
  group: string;
  severity: Severity;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The AppMon metric the rule watches: its `metric` label, else the metricName in its query. */
  metric?: string;
}

/** One stretch of a Grafana alert instance firing, from the current rules or the state history. */
export interface GrafanaAlert {
  /** Stable per instance and start: rule uid, instance labels and start time. */
  id: string;
  ruleUid: string;
  title: string;
  severity: Severity;
  start: number;
  /** Undefined while the instance is still firing. */
  end?: number;
  labels: Array<[string, string]>;
  summary?: string;
  description?: string;
  runbookUrl?: string;
  value?: number;
}

/** Which rules the panel shows: a folder (title or uid) and label matchers; empty means any. */
export interface GrafanaRuleFilter {
  folder?: string;
  /** Comma-separated `key=value` or `key!=value`, e.g. "source=appmon". */
  labels?: string;
}

export interface ParsedRules {
  rules: GrafanaRule[];
  /** Instances firing now (state Alerting), one open span each. */
  firing: GrafanaAlert[];
  /** Entries that could not be read (a rule without a name, an instance without activeAt). */
  skipped: number;
}

/** A Grafana answer that is not in the documented shape at all. */
export class GrafanaShapeError extends Error {}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) {
    for (const [k, val] of Object.entries(v)) {
      if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') {
        out[k] = String(val);
      }
    }
  }
  return out;
}

/** Grafana severity labels seen in the wild, mapped to AppMon's five severities. */
const SEVERITY_ALIASES: Record<string, Severity> = {
  page: 'critical',
  error: 'high',
  major: 'high',
  warning: 'medium',
  warn: 'medium',
  minor: 'low',
  informational: 'info',
};

export function grafanaSeverity(labels: Record<string, string>): Severity {
  const raw = (labels.severity ?? labels.priority ?? '').toLowerCase();
  return SEVERITY_ALIASES[raw] ?? normalizeSeverity(raw);
}

/** Parses "source=appmon, team!=checkout" into matchers; anything without = is ignored. */
export function parseMatchers(spec: string | undefined): Array<{ key: string; value: string; negate: boolean }> {
  return (spec ?? '')
    .split(',')
    .map((part) => /^\s*([^=!\s]+)\s*(!?=)\s*"?([^"]*?)"?\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ key: m[1], value: m[3], negate: m[2] === '!=' }));
}

export function ruleMatches(
  rule: { folder: string; folderUid: string; labels: Record<string, string> },
  filter: GrafanaRuleFilter
): boolean {
  const folder = (filter.folder ?? '').trim().toLowerCase();
  if (folder) {
    // Nested folders come as "Parent/Child": the last segment or the whole path matches.
    const title = rule.folder.toLowerCase();
    const last = title.split('/').pop()?.trim() ?? '';
    if (title !== folder && last !== folder && rule.folderUid.toLowerCase() !== folder) {
      return false;
    }
  }
  return parseMatchers(filter.labels).every(
    ({ key, value, negate }) => ((rule.labels[key] ?? '') === value) !== negate
  );
}

/** The metricName an AppMon query asks for, wherever it appears in the rule's query text. */
function metricOf(labels: Record<string, string>, query: string): string | undefined {
  if (labels.metric) {
    return labels.metric;
  }
  return /"?metricName"?\s*[:=]\s*"([^"]+)"/.exec(query)?.[1];
}

/** Grafana states come as "Alerting", "Alerting (NoData)", "Normal (MissingSeries)"…: the first word decides. */
export function isAlerting(state: unknown): boolean {
  return /^alerting\b/i.test(text(state).trim());
}

/** The first number in Grafana's value text ("[ var='B' labels={} value=6.8 ]"). */
function valueOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return v;
  }
  const m = /value=(-?[\d.]+(?:e[+-]?\d+)?)/i.exec(text(v));
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function timeOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return v;
  }
  const t = Date.parse(text(v));
  // Grafana sends 0001-01-01T00:00:00Z for "never"; anything before 1971 is not a real start.
  return Number.isFinite(t) && t > 31_536_000_000 ? t : undefined;
}

/** Instance identity: rule uid plus its labels without Grafana's private (__…__) ones, sorted. */
export function instanceKey(ruleUid: string, labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .filter((k) => !k.startsWith('__'))
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  return `${ruleUid}{${parts.join(',')}}`;
}

const NOISY_LABELS = new Set(['alertname', 'grafana_folder']);
const visibleLabels = (labels: Record<string, string>): Array<[string, string]> =>
  Object.entries(labels).filter(([k]) => !k.startsWith('__') && !NOISY_LABELS.has(k));

/** Reads the rules API answer, keeping only the rules the filter picks. */
export function parseRules(body: unknown, filter: GrafanaRuleFilter): ParsedRules {
  if (!isObject(body) || !isObject(body.data) || !Array.isArray(body.data.groups)) {
    const status = isObject(body) ? text(body.status) : '';
    throw new GrafanaShapeError(
      status === 'error'
        ? `Grafana answered with an error: ${text((body as Json).error) || 'no message'}`
        : 'Grafana’s alert rules answer has no data.groups list.'
    );
  }
  const rules: GrafanaRule[] = [];
  const firing: GrafanaAlert[] = [];
  let skipped = 0;
  for (const group of body.data.groups) {
    if (!isObject(group)) {
      skipped++;
      continue;
    }
    const folder = text(group.file);
    for (const raw of list(group.rules)) {
      if (!isObject(raw) || !text(raw.name) || (raw.type !== undefined && raw.type !== 'alerting')) {
        // Recording rules have no alerts; anything else unreadable is counted.
        skipped += isObject(raw) && raw.type === 'recording' ? 0 : 1;
        continue;
      }
      const labels = stringMap(raw.labels);
      const folderUid = text(raw.folderUid) || text(group.folderUid);
      if (!ruleMatches({ folder, folderUid, labels }, filter)) {
        continue;
      }
      const uid = text(raw.uid) || `${folder}/${text(group.name)}/${text(raw.name)}`;
      const annotations = stringMap(raw.annotations);
      const rule: GrafanaRule = {
        uid,
        title: text(raw.name),
        folder,
        group: text(group.name),
        severity: grafanaSeverity(labels),
        labels,
        annotations,
        metric: metricOf(labels, text(raw.query)),
      };
      rules.push(rule);
      for (const inst of list(raw.alerts)) {
        if (!isObject(inst)) {
          skipped++;
          continue;
        }
        if (!isAlerting(inst.state)) {
          continue; // Pending and Normal instances are not alerts yet.
        }
        const start = timeOf(inst.activeAt);
        if (start === undefined) {
          skipped++;
          continue;
        }
        const instLabels = { ...labels, ...stringMap(inst.labels) };
        firing.push(
          toAlert(rule, instLabels, { ...annotations, ...stringMap(inst.annotations) }, start, undefined, inst.value)
        );
      }
    }
  }
  return { rules, firing, skipped };
}

function toAlert(
  rule: GrafanaRule,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  start: number,
  end: number | undefined,
  value: unknown
): GrafanaAlert {
  return {
    id: `grafana:${instanceKey(rule.uid, labels)}@${start}`,
    ruleUid: rule.uid,
    title: rule.title,
    severity: labels.severity ? grafanaSeverity(labels) : rule.severity,
    start,
    end,
    labels: visibleLabels(labels),
    summary: annotations.summary || undefined,
    description: annotations.description || undefined,
    runbookUrl: annotations.runbook_url || undefined,
    value: valueOf(value),
  };
}

export interface HistoryTransition {
  time: number;
  ruleUid: string;
  ruleTitle: string;
  previous: string;
  current: string;
  labels: Record<string, string>;
  values?: Record<string, number>;
}

/** Reads the state history data frame; rows without a time or a rule are skipped and counted. */
export function parseHistory(body: unknown): { transitions: HistoryTransition[]; skipped: number } {
  if (!isObject(body) || !isObject(body.schema) || !isObject(body.data)) {
    throw new GrafanaShapeError('Grafana’s alert state history answer is not a data frame (schema and data).');
  }
  const fields = list(body.schema.fields).map((f) => (isObject(f) ? text(f.name) : ''));
  const values = list(body.data.values);
  const column = (name: string) => list(values[fields.indexOf(name)]);
  const times = column('time');
  const lines = column('line');
  const transitions: HistoryTransition[] = [];
  let skipped = 0;
  for (let i = 0; i < times.length; i++) {
    let line: unknown = lines[i];
    if (typeof line === 'string') {
      try {
        line = JSON.parse(line);
      } catch {
        line = undefined;
      }
    }
    const time = timeOf(times[i]);
    if (!isObject(line) || time === undefined || !text(line.ruleUID)) {
      skipped++;
      continue;
    }
    const values = isObject(line.values)
      ? Object.fromEntries(Object.entries(line.values).filter((e): e is [string, number] => typeof e[1] === 'number'))
      : undefined;
    transitions.push({
      time,
      ruleUid: text(line.ruleUID),
      ruleTitle: text(line.ruleTitle),
      previous: text(line.previous),
      current: text(line.current),
      labels: stringMap(line.labels),
      values,
    });
  }
  transitions.sort((a, b) => a.time - b.time);
  return { transitions, skipped };
}

/**
 * Firing stretches from state transitions: each instance's move into Alerting opens one,
 * its move out closes it. Instances still firing at the end are open (end undefined).
 */
export function historySpans(transitions: HistoryTransition[], rules: Map<string, GrafanaRule>): GrafanaAlert[] {
  const open = new Map<string, { rule: GrafanaRule; t: HistoryTransition }>();
  const spans: GrafanaAlert[] = [];
  const close = (key: string, end: number | undefined) => {
    const o = open.get(key);
    if (o) {
      const last = o.t.values ? Object.values(o.t.values).at(-1) : undefined;
      spans.push(toAlert(o.rule, { ...o.rule.labels, ...o.t.labels }, o.rule.annotations, o.t.time, end, last));
      open.delete(key);
    }
  };
  for (const t of transitions) {
    const rule = rules.get(t.ruleUid);
    if (!rule) {
      continue;
    }
    const key = instanceKey(t.ruleUid, { ...rule.labels, ...t.labels });
    if (isAlerting(t.current)) {
      if (!open.has(key)) {
        open.set(key, { rule, t });
      }
    } else if (isAlerting(t.previous) || open.has(key)) {
      close(key, t.time);
    }
  }
  for (const key of [...open.keys()]) {
    close(key, undefined);
  }
  return spans;
}

/**
 * Current firing instances and history spans as one list: an instance firing now and the
 * history's open span for it are the same alert (the history's start is kept: activeAt is
 * when it began pending).
 */
export function combineGrafanaAlerts(firing: GrafanaAlert[], history: GrafanaAlert[] | undefined): GrafanaAlert[] {
  if (!history) {
    return firing;
  }
  const keyOf = (a: GrafanaAlert) => a.id.slice(0, a.id.lastIndexOf('@'));
  const nowFiring = new Map(firing.map((a) => [keyOf(a), a]));
  const out: GrafanaAlert[] = [];
  for (const span of history) {
    const current = span.end === undefined ? nowFiring.get(keyOf(span)) : undefined;
    if (current) {
      out.push({ ...current, id: span.id, start: span.start });
      nowFiring.delete(keyOf(span));
    } else if (span.end !== undefined) {
      out.push(span);
    }
    // An open history span with nothing firing now ended after the history's last entry: not shown as open.
  }
  out.push(...nowFiring.values());
  return out.sort((a, b) => a.start - b.start);
}
