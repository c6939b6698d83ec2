import { Severity } from '../../shared/severity';

export type GroupBy = 'alert' | 'rule' | 'service' | 'severity';

/** Where alerts come from: the data source's frames, Grafana-managed rules, or both. */
export type AlertSource = 'application' | 'grafana' | 'both';
export type AlertDisplay = 'timeline' | 'counts';

/** Field names picked in the options when auto-detection picks the wrong field. Empty means auto-detect. */
export interface AlertFieldNames {
  start?: string;
  end?: string;
  title?: string;
  severity?: string;
  state?: string;
}

export interface AlertTimelineOptions {
  /** Show only these severities; empty shows all. */
  severities?: Severity[];
  /** One row per alert, or one row per rule, service or severity. */
  groupBy?: GroupBy;
  /** Row order when there is one row per alert. */
  rowOrder?: 'newest' | 'oldest';
  showLegend?: boolean;
  /** Height of one lane in pixels; rows of grouped alerts stack lanes for overlapping alerts. */
  laneHeight?: number;
  showMaintenance?: boolean;
  /** Draw dashboard annotations (not tagged maintenance) as alerts too. */
  annotationsAsAlerts?: boolean;
  fields?: AlertFieldNames;
  /** Application alerts (the panel's queries), Grafana-managed alerts, or both (default). */
  alertSource?: AlertSource;
  /** Grafana rules in this folder (title or uid); empty means any folder. */
  grafanaFolder?: string;
  /** Grafana rules with these labels, e.g. "source=appmon"; empty means any labels. */
  grafanaLabels?: string;
  /** The timeline, or compact counts by severity. */
  display?: AlertDisplay;
  /** Counts of alerts open now, or of alerts that fired in the time range. */
  countWhat?: 'active' | 'range';
}

export type AlertState = 'firing' | 'acknowledged' | 'resolved';

export interface AlertSpan {
  id: string;
  title: string;
  severity: Severity;
  state: AlertState;
  start: number;
  /** Undefined while the alert is still open. */
  end?: number;
  acknowledgedAt?: number;
  description?: string;
  rule?: string;
  service?: string;
  /** Labels and tags as key/value; plain tags have an empty value. */
  labels: Array<[string, string]>;
  runbookUrl?: string;
  escalationLevel?: number;
  /** Who the escalation policy is notifying now, from an oncall_escalation frame. */
  notifying?: string;
  value?: number;
  threshold?: number;
  /** The metric the alert's rule watches, e.g. api.error_rate. */
  metric?: string;
  /** Application alert (the panel's queries; the default) or Grafana-managed alert instance. */
  source?: 'app' | 'grafana';
  /** Row key when grouped by rule: a Grafana rule matched to an application rule shares its row. */
  ruleKey?: string;
  /** The same condition in the other source, and why they were matched. */
  linked?: { title: string; reason: string };
}

export interface MaintenanceWindow {
  start: number;
  end: number;
  title: string;
}
