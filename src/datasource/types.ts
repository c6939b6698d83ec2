import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

/** Query types the Go backend answers; each maps to one endpoint of the contract. */
export type QueryType = 'metrics' | 'health' | 'uptime' | 'alerts' | 'dashboard' | 'slo' | 'oncall';

export type AlertsAction = 'active' | 'history' | 'configuration';

export type OnCallView = 'now' | 'shifts' | 'escalation';

/**
 * Metrics wire format. `auto` (the default) reads JSON and falls back to Prometheus text, then Datadog
 * series, remembering for a few minutes which one the server answers; the others use that format only.
 */
export type MetricsFormat = 'auto' | 'json' | 'prometheus' | 'datadog';

export interface AppMonQuery extends DataQuery {
  queryType?: QueryType;
  /** metrics: category filter (system, api, database, cache, business); empty means all. */
  category?: string;
  /** metrics: one metric name such as `api.response_time.p95`; empty means every metric of the category. */
  metricName?: string;
  /** alerts: which list to read. */
  alertsAction?: AlertsAction;
  /** alerts: only this severity. */
  severity?: string;
  /** metrics: wire format to read; empty means `auto`. */
  format?: MetricsFormat;
  /** metrics: `overall` for the whole-application series, or endpoint paths such as /api/tickets or /api/*. */
  endpoint?: string;
  /** health and dashboard: only this service (or a list). */
  service?: string;
  /** slo: one objective id; empty means all objectives. */
  objective?: string;
  /** slo: return one numeric column (e.g. fast_burn) for alert rules. */
  sloField?: string;
  /** oncall: who is on call now, the next shifts, or the escalation of open alerts. */
  oncallView?: OnCallView;
  /** oncall shifts: how many shifts per layer. */
  shiftCount?: number;
  /** Stream current values through Grafana Live instead of polling. */
  live?: boolean;
}

export const DEFAULT_QUERY: Partial<AppMonQuery> = {
  queryType: 'metrics',
};

/** One option of a backend resource list (categories, metrics, services, severities). */
export interface ResourceOption {
  value: string;
  label?: string;
  description?: string;
}

/** Non-secret settings, stored in jsonData. The URL lives in the data source's own url field. */
export interface AppMonDataSourceOptions extends DataSourceJsonData {
  timeoutSeconds?: number;
  cacheTTLSeconds?: number;
  maxResponseBytes?: number;
  retries?: number;
  streamIntervalSeconds?: number;
}

/** Secrets: written once from the config editor, never sent back to the browser. */
export interface AppMonSecureJsonData {
  apiKey?: string;
  adminKey?: string;
}
