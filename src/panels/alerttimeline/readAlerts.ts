import { DataFrame, Field, FieldType } from '@grafana/data';

import {
  findField,
  frameLabel,
  frameNamed,
  numberAt,
  pickField,
  rowCount,
  stringAt,
  timeAt,
} from '../../shared/frames';
import { PanelIssue } from '../../shared/issues';
import { normalizeSeverity, SEVERITIES, Severity } from '../../shared/severity';
import { hasTag, labelValue, parseLabels } from './labels';
import { AlertFieldNames, AlertSpan, AlertState, MaintenanceWindow } from './types';

export interface AlertsResult {
  alerts: AlertSpan[];
  maintenance: MaintenanceWindow[];
  issues: PanelIssue[];
}

interface ReadOptions {
  fields?: AlertFieldNames;
  /** Dashboard annotations (data.annotations): maintenance-tagged ones always shade, the rest become alerts only when asked. */
  annotations?: DataFrame[];
  annotationsAsAlerts?: boolean;
}

const START = ['started_at', 'startsAt', 'start', 'time'];
const END = ['resolved_at', 'endsAt', 'end', 'timeEnd', 'time_end'];
const TITLE = ['name', 'title', 'alertname', 'rule', 'text'];
const SEVERITY = ['severity', 'priority', 'level'];
const STATE = ['status', 'state'];
// Frames the other AppMon queries return; the alert timeline has nothing to draw from them.
const NO_LABELS: Array<[string, string]> = [];
const FOREIGN_FRAMES = ['escalation_policy', 'oncall_now', 'oncall_shifts', 'slo', 'slo_trend'];

function normalizeState(
  value: string | undefined,
  end: number | undefined,
  acknowledgedAt: number | undefined
): AlertState {
  const v = (value ?? '').toLowerCase();
  if (v === 'acknowledged' || v === 'resolved' || v === 'firing') {
    return v;
  }
  if (v === 'ok' || v === 'normal' || v === 'inactive') {
    return 'resolved';
  }
  if (v === 'alerting' || v === 'pending' || v === 'active') {
    return end !== undefined ? 'resolved' : 'firing';
  }
  if (end !== undefined) {
    return 'resolved';
  }
  return acknowledgedAt !== undefined ? 'acknowledged' : 'firing';
}

function severityFrom(raw: string | undefined, labels: Array<[string, string]>): Severity {
  if (raw) {
    return normalizeSeverity(raw);
  }
  const fromLabel = labelValue(labels, 'severity');
  if (fromLabel) {
    return normalizeSeverity(fromLabel);
  }
  return SEVERITIES.find((s) => labels.some(([k, v]) => k.toLowerCase() === s && v === '')) ?? 'info';
}

function isTimeLike(field: Field | undefined): boolean {
  return (
    !!field && (field.type === FieldType.time || field.type === FieldType.number || field.type === FieldType.string)
  );
}

/**
 * Reads alert spans from the data source's alert frames (started_at/time, resolved_at/timeEnd,
 * name/title, severity, status, description/text, labels, runbook_url, escalation_level, ...)
 * and from Grafana annotation frames (time, timeEnd, text, tags). Frames named "maintenance",
 * and annotations tagged maintenance, become shaded maintenance windows instead.
 */
export function readAlerts(
  frames: DataFrame[],
  { fields = {}, annotations = [], annotationsAsAlerts = false }: ReadOptions = {}
): AlertsResult {
  const alerts: AlertSpan[] = [];
  const maintenance: MaintenanceWindow[] = [];
  const issues: PanelIssue[] = [];
  const labelCache = new Map<string, Array<[string, string]>>();
  const urlCache = new Map<string, string | undefined>();
  const escalation = readEscalation(frames);

  const readFrame = (frame: DataFrame, alertsAllowed: boolean) => {
    if (
      frameNamed(frame, 'oncall_escalation') ||
      FOREIGN_FRAMES.some((n) => frame.name === n) ||
      frame.fields.length === 0
    ) {
      return;
    }
    const start = pickField(frame, fields.start, START);
    if (!isTimeLike(start)) {
      issues.push({
        level: 'warning',
        message: `${frameLabel(frame)} has no start time field (started_at or time). Pick it under Fields → Start.`,
      });
      return;
    }
    const end = pickField(frame, fields.end, END);
    const title = pickField(frame, fields.title, TITLE, FieldType.string);
    const severity = pickField(frame, fields.severity, SEVERITY);
    const state = pickField(frame, fields.state, STATE);
    const description = findField(
      frame,
      title?.name === 'text' ? ['description', 'summary'] : ['description', 'text', 'summary']
    );
    const id = findField(frame, ['id', 'alert_id', 'fingerprint']);
    const rule = findField(frame, ['rule', 'alertname', 'rule_name']);
    const service = findField(frame, ['service']);
    const labels = findField(frame, ['labels']);
    const tags = findField(frame, ['tags']);
    const acknowledged = findField(frame, ['acknowledged_at', 'acknowledgedAt']);
    const level = findField(frame, ['escalation_level', 'escalation_step', 'current_step']);
    const runbook = findField(frame, ['runbook_url', 'runbook']);
    const value = findField(frame, ['value']);
    const threshold = findField(frame, ['threshold']);
    const metric = findField(frame, ['metric', 'metric_name', 'metricName']);
    const wholeFrameIsMaintenance = frameNamed(frame, 'maintenance');
    if (!wholeFrameIsMaintenance && !title && !severity && !state && !end && !tags) {
      issues.push({
        level: 'warning',
        message: `${frameLabel(frame)} has a time but no alert fields (name, severity, status, resolved_at or tags); it is not drawn.`,
      });
      return;
    }
    const rows = rowCount(frame);

    for (let i = 0; i < rows; i++) {
      const s = timeAt(start, i);
      if (s === undefined) {
        continue;
      }
      const e = timeAt(end, i);
      const endTime = e !== undefined && e >= s ? e : undefined;
      // Parsed labels are cached per distinct string and shared between rows: never mutate them.
      const fromLabels = labels ? parseLabels(labels.values[i], labelCache) : NO_LABELS;
      const rowLabels = tags ? [...fromLabels, ...parseLabels(tags.values[i], labelCache)] : fromLabels;
      const text = stringAt(title, i);
      if (wholeFrameIsMaintenance || hasTag(rowLabels, 'maintenance')) {
        if (endTime !== undefined && endTime > s) {
          maintenance.push({ start: s, end: endTime, title: text || 'Maintenance' });
        }
        continue;
      }
      if (!alertsAllowed) {
        continue;
      }
      const alertId = stringAt(id, i) ?? `${frameLabel(frame)}-${i}`;
      const acknowledgedAt = timeAt(acknowledged, i);
      const joined = escalation.get(alertId);
      alerts.push({
        id: alertId,
        title: text || stringAt(rule, i) || 'Alert',
        severity: severityFrom(stringAt(severity, i), rowLabels),
        state: normalizeState(stringAt(state, i), endTime, acknowledgedAt),
        start: s,
        end: endTime,
        acknowledgedAt: acknowledgedAt !== undefined && acknowledgedAt >= s ? acknowledgedAt : undefined,
        description: stringAt(description, i) || undefined,
        rule: stringAt(rule, i) || labelValue(rowLabels, 'rule') || labelValue(rowLabels, 'alertname'),
        service: stringAt(service, i) || labelValue(rowLabels, 'service'),
        labels: rowLabels,
        runbookUrl: cachedSafeUrl(stringAt(runbook, i) || labelValue(rowLabels, 'runbook_url'), urlCache),
        escalationLevel: joined?.step ?? numberAt(level, i),
        notifying: joined?.notifying,
        value: numberAt(value, i),
        threshold: numberAt(threshold, i),
        metric: stringAt(metric, i) || labelValue(rowLabels, 'metric'),
      });
    }
  };

  frames.forEach((frame) => readFrame(frame, true));
  annotations.forEach((frame) => readFrame(frame, annotationsAsAlerts));
  alerts.sort((a, b) => a.start - b.start);
  maintenance.sort((a, b) => a.start - b.start);
  return { alerts, maintenance, issues };
}

/** Current escalation step and who is being notified, per alert id, from oncall_escalation frames. */
function readEscalation(frames: DataFrame[]): Map<string, { step?: number; notifying?: string }> {
  const byId = new Map<string, { step?: number; notifying?: string }>();
  for (const frame of frames) {
    if (!frameNamed(frame, 'oncall_escalation')) {
      continue;
    }
    const id = findField(frame, ['alert_id', 'id']);
    const step = findField(frame, ['current_step']);
    const notifying = findField(frame, ['notifying']);
    for (let i = 0; i < rowCount(frame); i++) {
      const alertId = stringAt(id, i);
      if (alertId) {
        byId.set(alertId, { step: numberAt(step, i), notifying: stringAt(notifying, i) || undefined });
      }
    }
  }
  return byId;
}

/** Runbook links repeat across thousands of alerts; parse each distinct one once. */
function cachedSafeUrl(url: string | undefined, cache: Map<string, string | undefined>): string | undefined {
  if (!url) {
    return undefined;
  }
  if (!cache.has(url)) {
    cache.set(url, safeUrl(url));
  }
  return cache.get(url);
}

/** Only http(s) links become clickable; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return undefined;
    }
    return url;
  } catch {
    return undefined;
  }
}
