// The JSON dashboard: a one-screen digest of health, traffic, alerts and
// business figures, computed from the same source as the other endpoints.
import type { MonitoringSource } from '../source.js';
import type { HealthReport, HealthStatus, MetricSample } from '../types.js';

export interface DashboardSummary {
  requests_per_minute: number | null;
  error_rate: number | null;
  response_time_p95: number | null;
  active_alerts: number;
  payments_success_rate: number | null;
  revenue_today: number | null;
  active_users: number | null;
}

export interface DashboardReport {
  timestamp: string;
  status: HealthStatus;
  health_score: number;
  uptime_percentage: number;
  summary: DashboardSummary;
  services: HealthReport['services'];
}

function unlabeled(samples: MetricSample[], name: string): number | null {
  const sample = samples.find((s) => s.name === name && (!s.labels || Object.keys(s.labels).length === 0));
  return sample ? sample.value : null;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) {
    return null;
  }
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function buildDashboard(source: MonitoringSource): DashboardReport {
  const health = source.health();
  const uptime = source.uptime();
  const samples = source.metrics();
  const requestsPerSecond = unlabeled(samples, 'api.requests.rate');
  return {
    timestamp: new Date(source.now()).toISOString(),
    status: health.status,
    health_score: health.health_score,
    uptime_percentage: uptime.uptime.percentage,
    summary: {
      requests_per_minute: round(requestsPerSecond === null ? null : requestsPerSecond * 60, 1),
      error_rate: unlabeled(samples, 'api.error_rate'),
      response_time_p95: unlabeled(samples, 'api.response_time.p95'),
      active_alerts: source.alerts.active().length,
      payments_success_rate: unlabeled(samples, 'payments.success_rate'),
      revenue_today: unlabeled(samples, 'payments.revenue.total'),
      active_users: unlabeled(samples, 'users.active'),
    },
    services: health.services,
  };
}
