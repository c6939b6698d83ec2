// Groups alerts into incidents: a critical, high or medium alert opens an
// incident unless one is already open, which it then joins; the incident
// resolves when its last alert resolves. Kept for one year, capped in count.
import type { TimeRange } from '../../contract/source.js';
import type { Incident, IncidentsReport, Severity } from '../../contract/types.js';
import type { AlertListener, AlertRecord } from './alert-store.js';

export const INCIDENT_RETENTION_DAYS = 365;
const MAX_INCIDENTS = 10_000;
const DAY_MS = 86_400_000;
const INCIDENT_SEVERITIES: ReadonlySet<Severity> = new Set(['critical', 'high', 'medium']);
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

interface IncidentRecord {
  id: string;
  title: string;
  severity: Severity;
  startedAt: number;
  resolvedAt: number | null;
  alertIds: string[];
  openAlerts: Set<string>;
}

function toIncident(record: IncidentRecord): Incident {
  return {
    id: record.id,
    title: record.title,
    severity: record.severity,
    started_at: new Date(record.startedAt).toISOString(),
    resolved_at: record.resolvedAt === null ? null : new Date(record.resolvedAt).toISOString(),
    alert_ids: [...record.alertIds],
  };
}

export class IncidentTracker implements AlertListener {
  /** @param observedSince start of the data: MTBF does not count time before it. */
  constructor(private readonly observedSince: number) {}

  private records: IncidentRecord[] = [];
  private open: IncidentRecord | null = null;
  private nextId = 1;
  private readonly incidentOfAlert = new Map<string, IncidentRecord>();

  opened(alert: AlertRecord): void {
    if (!INCIDENT_SEVERITIES.has(alert.severity)) return;
    let incident = this.open;
    if (!incident) {
      incident = {
        id: `inc-${this.nextId++}`,
        title: alert.name,
        severity: alert.severity,
        startedAt: alert.startedAt,
        resolvedAt: null,
        alertIds: [],
        openAlerts: new Set(),
      };
      this.records.push(incident);
      this.open = incident;
      if (this.records.length > MAX_INCIDENTS) this.records.shift();
    }
    if (RANK[alert.severity] < RANK[incident.severity]) incident.severity = alert.severity;
    incident.alertIds.push(alert.id);
    incident.openAlerts.add(alert.id);
    this.incidentOfAlert.set(alert.id, incident);
  }

  resolved(alert: AlertRecord): void {
    const incident = this.incidentOfAlert.get(alert.id);
    if (!incident) return;
    this.incidentOfAlert.delete(alert.id);
    incident.openAlerts.delete(alert.id);
    if (incident.openAlerts.size === 0 && incident.resolvedAt === null) {
      incident.resolvedAt = alert.resolvedAt;
      if (this.open === incident) this.open = null;
    }
  }

  /**
   * Incidents overlapping the range, plus MTTR (mean open time of the
   * resolved incidents that started in the range) and MTBF (observed time
   * in the range not spent in an incident, divided by the incidents that
   * started in it). Both are null when there is nothing to average.
   */
  report(range: TimeRange, now: number): IncidentsReport {
    const overlapping = this.records.filter((r) => r.startedAt < range.to && (r.resolvedAt ?? Infinity) >= range.from);
    const started = overlapping.filter((r) => r.startedAt >= range.from);
    const repaired = started.filter((r) => r.resolvedAt !== null);
    const end = Math.min(range.to, now);
    let downMs = 0;
    for (const r of overlapping) {
      downMs += Math.max(0, Math.min(r.resolvedAt ?? now, end) - Math.max(r.startedAt, range.from));
    }
    const spanMs = Math.max(0, end - Math.max(range.from, this.observedSince));
    return {
      incidents: overlapping.map(toIncident),
      mtbf_seconds: started.length === 0 ? null : Math.round((spanMs - downMs) / started.length / 1000),
      mttr_seconds:
        repaired.length === 0
          ? null
          : Math.round(repaired.reduce((sum, r) => sum + (r.resolvedAt! - r.startedAt), 0) / repaired.length / 1000),
    };
  }

  prune(now: number): void {
    const cutoff = now - INCIDENT_RETENTION_DAYS * DAY_MS;
    while (this.records.length > 0) {
      const oldest = this.records[0]!;
      if (oldest.resolvedAt === null || oldest.resolvedAt >= cutoff) break;
      this.records.shift();
    }
  }
}
