import { Severity } from '../../shared/severity';

export type GroupBy = 'alert' | 'rule' | 'service' | 'severity';

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
}

export interface MaintenanceWindow {
  start: number;
  end: number;
  title: string;
}
