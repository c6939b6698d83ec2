import { ReportObjective, SlaReport } from './api';

/** An objective with every figure known and met; override what a test is about. */
export function objective(over: Partial<ReportObjective> = {}): ReportObjective {
  return {
    id: 'availability',
    title: 'Availability',
    kind: 'availability',
    target: 99.9,
    window: 'calendar_month',
    time_zone: 'UTC',
    actual: 99.95,
    met: true,
    budget_minutes: 43.2,
    budget_used_minutes: 21.6,
    budget_used_ratio: 0.5,
    history_coverage: 1,
    days_in_month: 30,
    days_elapsed: 30,
    days_with_data: 30,
    days_missed: 0,
    daily: [],
    previous: { actual: 99.93, met: true, budget_used_ratio: 0.7, history_coverage: 1, days_missed: 0 },
    change_points: 0.02,
    ...over,
  };
}

/** November 2026, finished, with two objectives, two incidents and a full October. */
export function report(over: Partial<SlaReport> = {}): SlaReport {
  return {
    month: '2026-11',
    month_name: 'November 2026',
    time_zone: 'UTC',
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
    until: '2026-12-01T00:00:00Z',
    complete: true,
    objectives: [
      objective(),
      objective({
        id: 'error_rate',
        title: 'Error rate',
        kind: 'error_rate',
        target: 99.5,
        actual: 99.62,
        days_missed: 3,
        daily: [{ date: '2026-11-03', actual: 98.7, met: false }],
        change_points: -0.05,
      }),
    ],
    incidents: [
      {
        id: 'inc-1',
        title: 'High Error Rate',
        severity: 'high',
        started_at: '2026-11-03T12:00:00Z',
        resolved_at: '2026-11-03T12:40:00Z',
        duration_seconds: 2400,
      },
      {
        id: 'inc-2',
        title: 'Database Unavailable',
        severity: 'critical',
        started_at: '2026-11-20T08:00:00Z',
        resolved_at: '2026-11-20T08:20:00Z',
        duration_seconds: 1200,
      },
    ],
    incident_count: 2,
    mttr_seconds: 1800,
    previous: { month: '2026-10', month_name: 'October 2026', incident_count: 4, mttr_seconds: 2400, coverage: null },
    coverage: null,
    notices: [],
    ...over,
  };
}
