// The "source" a host application gives the contract layer: where health,
// metrics, alerts and (optionally) history come from. The demo workload in
// src/workload implements it; a real application would back it with its own
// collectors. The contract layer owns HTTP, auth, validation and formats.
import type {
  Alert,
  AlertConfiguration,
  ChannelTestResult,
  HealthReport,
  HistorySeries,
  IncidentsReport,
  ManualAlertInput,
  MetricCategory,
  MetricSample,
  MetricUnit,
  Severity,
  UptimeReport,
} from './types.js';

/** Inclusive start, exclusive end, both unix milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface MetricDescriptor {
  name: string;
  unit: MetricUnit;
  category: MetricCategory;
  description: string;
}

export type AlertActionResult = { ok: true; alert: Alert } | { ok: false; reason: 'not_found' | 'already_resolved' };

export interface AlertSource {
  /** Alerts that are firing or acknowledged. */
  active(): Alert[];
  configuration(): AlertConfiguration;
  trigger(input: ManualAlertInput): Alert;
  acknowledge(id: string): AlertActionResult;
  resolve(id: string): AlertActionResult;
  /** Sends a test notification; undefined when the channel does not exist. */
  testChannel(channel: string): Promise<ChannelTestResult | undefined>;
}

export interface MetricsHistoryQuery {
  name?: string;
  category?: MetricCategory;
  from: number;
  to: number;
  stepSeconds: number;
}

export interface MetricsHistorySource {
  retentionDays: number;
  /** Native resolution; steps are rounded up to a multiple of it. */
  resolutionSeconds: number;
  catalog(): MetricDescriptor[];
  query(query: MetricsHistoryQuery): HistorySeries[];
}

export interface AlertHistorySource {
  retentionDays: number;
  /** Alerts whose [started_at, resolved_at or now] overlaps the range. */
  history(range: TimeRange, severity?: Severity): Alert[];
}

export interface IncidentSource {
  retentionDays: number;
  incidents(range: TimeRange): IncidentsReport;
}

export interface MonitoringSource {
  /** Current time in unix milliseconds; every timestamp in responses uses it. */
  now(): number;
  health(): Omit<HealthReport, 'timestamp'>;
  uptime(): Omit<UptimeReport, 'timestamp'>;
  /** Current value of every metric (one entry per label set). */
  metrics(): MetricSample[];
  alerts: AlertSource;
  /** Optional extensions: leave undefined when the application lacks them. */
  metricsHistory?: MetricsHistorySource;
  alertHistory?: AlertHistorySource;
  incidents?: IncidentSource;
}
