// TypeScript shapes of the monitoring endpoint contract. openapi.yaml is the
// source of truth; the server tests validate every response against it.

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface ServiceHealth {
  status: HealthStatus;
  /** Milliseconds the last probe of this dependency took. */
  responseTime: number;
  error?: string;
}

export interface HealthReport {
  status: HealthStatus;
  health_score: number;
  timestamp: string;
  services: Record<string, ServiceHealth>;
}

export interface UptimeReport {
  status: HealthStatus;
  timestamp: string;
  uptime: { formatted: string; percentage: number; seconds: number };
  sla: { target: number; compliance: { overall: boolean; uptime: boolean; errorRate: boolean } };
}

export const METRIC_CATEGORIES = ['system', 'api', 'database', 'cache', 'business'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

export const METRIC_UNITS = [
  '%',
  'ms',
  'seconds',
  'bytes',
  'bytes/s',
  'req/s',
  'count',
  'count/min',
  'USD',
  'USD/min',
  'bool',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export type Labels = Record<string, string>;

export interface MetricSample {
  name: string;
  value: number;
  unit: MetricUnit;
  category: MetricCategory;
  description: string;
  labels?: Labels;
}

export interface MetricsReport {
  timestamp: string;
  category: MetricCategory | 'all';
  metrics: MetricSample[];
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type AlertStatus = 'firing' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  rule: string;
  name: string;
  severity: Severity;
  status: AlertStatus;
  description: string;
  metric: string | null;
  value: number | null;
  threshold: number | null;
  started_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  escalation_level: number;
  labels: Labels;
  runbook_url: string | null;
}

export type ComparisonOperator = '>' | '>=' | '<' | '<=';
export type Escalation = 'immediate' | '30m' | '2h' | 'next_day' | 'none';

export interface AlertRule {
  name: string;
  title: string;
  severity: Severity;
  metric: string;
  operator: ComparisonOperator;
  threshold: number;
  unit: MetricUnit;
  for_seconds: number;
  description: string;
  escalation: Escalation;
}

export interface AlertChannel {
  name: string;
  enabled: boolean;
}

export interface AlertConfiguration {
  rules: AlertRule[];
  channels: AlertChannel[];
  thresholds: Record<string, number>;
}

export interface ChannelTestResult {
  success: boolean;
  channel: string;
  message: string;
}

export interface ManualAlertInput {
  severity: Severity;
  description: string;
  title?: string;
}

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  started_at: string;
  resolved_at: string | null;
  alert_ids: string[];
}

export interface IncidentsReport {
  incidents: Incident[];
  mtbf_seconds: number | null;
  mttr_seconds: number | null;
}

/** One [unix milliseconds, value] pair. */
export type HistoryPoint = [number, number];

export interface HistorySeries {
  name: string;
  unit: MetricUnit;
  category: MetricCategory;
  labels: Labels;
  points: HistoryPoint[];
}

export interface MetricsHistoryReport {
  from: string;
  to: string;
  step: number;
  series: HistorySeries[];
}

export const EXTENSIONS = ['metrics.history', 'alerts.history', 'incidents'] as const;
export type Extension = (typeof EXTENSIONS)[number];

export interface Capabilities {
  contract_version: string;
  extensions: Extension[];
  retention: { metrics_days: number; alerts_days: number; incidents_days: number };
  history_resolution_seconds: number[];
  max_points_per_series: number;
}

export interface ErrorBody {
  error: { status: number; code: string; message: string };
}
