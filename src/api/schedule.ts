import { getBackendSrv } from '@grafana/runtime';

/** The data source's /oncall/schedule answer (pkg/oncall View). */
export interface ScheduleView {
  from: string;
  to: string;
  layers: Array<{
    name: string;
    time_zone: string;
    rotation_length: number;
    rotation_unit: string;
    shifts: Array<{ name: string; contact: string; start: string; end: string; override: boolean }>;
  }>;
  escalation: Array<{ step: number; after_minutes: number; target: string; action: string }>;
  warnings: string[];
}

/** Reads the on-call schedule of the next weeks from an AppMon data source's backend. */
export function fetchSchedule(datasourceUid: string, weeks: number): Promise<ScheduleView> {
  return getBackendSrv().get<ScheduleView>(
    `/api/datasources/uid/${encodeURIComponent(datasourceUid)}/resources/oncall/schedule`,
    { weeks },
    undefined,
    { showErrorAlert: false }
  );
}
