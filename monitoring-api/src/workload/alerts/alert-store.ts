// Every alert the workload has raised, oldest first, kept for the alert
// retention (90 days) and capped in count so memory stays bounded.
import type { AlertActionResult, TimeRange } from '../../contract/source.js';
import type { Alert, Escalation, Labels, Severity } from '../../contract/types.js';
import { escalationLevel } from './escalation.js';

export const ALERT_RETENTION_DAYS = 90;
const MAX_ALERTS = 50_000;
const DAY_MS = 86_400_000;

export interface NewAlert {
  rule: string;
  name: string;
  severity: Severity;
  description: string;
  metric: string | null;
  value: number | null;
  threshold: number | null;
  labels: Labels;
  runbookUrl: string | null;
  escalation: Escalation;
}

export interface AlertRecord extends NewAlert {
  id: string;
  startedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
}

export interface AlertListener {
  opened(record: AlertRecord): void;
  resolved(record: AlertRecord): void;
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function toAlert(record: AlertRecord, now: number): Alert {
  const unacknowledgedUntil = record.acknowledgedAt ?? record.resolvedAt ?? now;
  return {
    id: record.id,
    rule: record.rule,
    name: record.name,
    severity: record.severity,
    status: record.resolvedAt !== null ? 'resolved' : record.acknowledgedAt !== null ? 'acknowledged' : 'firing',
    description: record.description,
    metric: record.metric,
    value: record.value,
    threshold: record.threshold,
    started_at: new Date(record.startedAt).toISOString(),
    acknowledged_at: iso(record.acknowledgedAt),
    resolved_at: iso(record.resolvedAt),
    escalation_level: escalationLevel(record.escalation, record.startedAt, unacknowledgedUntil),
    labels: record.labels,
    runbook_url: record.runbookUrl,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export class AlertStore {
  private records: AlertRecord[] = [];
  private readonly byId = new Map<string, AlertRecord>();
  private nextId = 1;
  private readonly listeners: AlertListener[] = [];

  subscribe(listener: AlertListener): void {
    this.listeners.push(listener);
  }

  open(alert: NewAlert, at: number): AlertRecord {
    const record: AlertRecord = {
      ...alert,
      id: `a-${this.nextId++}`,
      startedAt: at,
      acknowledgedAt: null,
      resolvedAt: null,
    };
    this.records.push(record);
    this.byId.set(record.id, record);
    if (this.records.length > MAX_ALERTS) this.dropOldest(this.records.length - MAX_ALERTS);
    for (const listener of this.listeners) listener.opened(record);
    return record;
  }

  get(id: string): AlertRecord | undefined {
    return this.byId.get(id);
  }

  isOpen(id: string): boolean {
    const record = this.byId.get(id);
    return record !== undefined && record.resolvedAt === null;
  }

  acknowledge(id: string, at: number): AlertActionResult {
    const record = this.byId.get(id);
    if (!record) return { ok: false, reason: 'not_found' };
    if (record.resolvedAt !== null) return { ok: false, reason: 'already_resolved' };
    record.acknowledgedAt ??= at;
    return { ok: true, alert: toAlert(record, at) };
  }

  /** Resolving twice is harmless: the first resolution time stays. */
  resolve(id: string, at: number): AlertActionResult {
    const record = this.byId.get(id);
    if (!record) return { ok: false, reason: 'not_found' };
    if (record.resolvedAt === null) {
      record.resolvedAt = at;
      for (const listener of this.listeners) listener.resolved(record);
    }
    return { ok: true, alert: toAlert(record, at) };
  }

  /** Firing and acknowledged alerts, most severe first, then oldest first. */
  active(now: number): Alert[] {
    return this.records
      .filter((r) => r.resolvedAt === null)
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.startedAt - b.startedAt)
      .map((r) => toAlert(r, now));
  }

  /** Alerts whose lifetime overlaps the range, oldest first. */
  history(range: TimeRange, now: number, severity?: Severity): Alert[] {
    return this.records
      .filter(
        (r) =>
          r.startedAt < range.to &&
          (r.resolvedAt ?? Infinity) >= range.from &&
          (severity === undefined || r.severity === severity)
      )
      .map((r) => toAlert(r, now));
  }

  /** Forgets resolved alerts older than the retention. */
  prune(now: number): void {
    const cutoff = now - ALERT_RETENTION_DAYS * DAY_MS;
    let drop = 0;
    while (drop < this.records.length) {
      const r = this.records[drop]!;
      if (r.resolvedAt === null || r.resolvedAt >= cutoff) break;
      drop++;
    }
    if (drop > 0) this.dropOldest(drop);
  }

  private dropOldest(count: number): void {
    for (const record of this.records.slice(0, count)) this.byId.delete(record.id);
    this.records = this.records.slice(count);
  }
}
