import { getBackendSrv } from '@grafana/runtime';

/** One day of an objective's month. */
export interface ReportDay {
  date: string;
  actual: number | null;
  met: boolean | null;
}

/** One objective over the month; null is unknown (no data), never 0. */
export interface ReportObjective {
  id: string;
  title: string;
  kind: string;
  target: number;
  window: string;
  time_zone: string;
  actual: number | null;
  met: boolean | null;
  budget_minutes: number;
  budget_used_minutes: number | null;
  budget_used_ratio: number | null;
  history_coverage: number;
  days_in_month: number;
  days_elapsed: number;
  days_with_data: number;
  days_missed: number | null;
  daily: ReportDay[];
  previous: {
    actual: number | null;
    met: boolean | null;
    budget_used_ratio: number | null;
    history_coverage: number;
    days_missed: number | null;
  };
  change_points: number | null;
}

export interface ReportIncident {
  id: string;
  title: string;
  severity: string;
  started_at: string;
  resolved_at: string | null;
  duration_seconds: number | null;
}

/** The backend's GET /sla-report answer. */
export interface SlaReport {
  month: string;
  month_name: string;
  time_zone: string;
  from: string;
  to: string;
  until: string;
  complete: boolean;
  objectives: ReportObjective[];
  incidents: ReportIncident[] | null;
  incident_count: number | null;
  mttr_seconds: number | null;
  previous: {
    month: string;
    month_name: string;
    incident_count: number | null;
    mttr_seconds: number | null;
    coverage: string | null;
  };
  coverage: string | null;
  notices: string[];
}

/** Reads a month's SLA report from an AppMon data source's backend (the current month without one). */
export function fetchSlaReport(datasourceUid: string, month?: string): Promise<SlaReport> {
  return getBackendSrv().get<SlaReport>(
    `/api/datasources/uid/${encodeURIComponent(datasourceUid)}/resources/sla-report`,
    month ? { month } : {},
    undefined,
    { showErrorAlert: false }
  );
}
