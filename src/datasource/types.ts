import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

/** Query types the Go backend answers; each maps to one endpoint of the contract. */
export type QueryType = 'health' | 'uptime' | 'metrics' | 'alerts' | 'dashboard';

export type AlertsAction = 'active' | 'history' | 'configuration';

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
  /** Stream current values through Grafana Live instead of polling. */
  live?: boolean;
}

export const DEFAULT_QUERY: Partial<AppMonQuery> = {
  queryType: 'metrics',
};

/** Non-secret settings, stored in jsonData. The URL lives in the data source's own url field. */
export interface AppMonDataSourceOptions extends DataSourceJsonData {
  timeoutSeconds?: number;
  cacheTTLSeconds?: number;
  maxResponseBytes?: number;
  maxRetries?: number;
  streamIntervalSeconds?: number;
}

/** Secrets: written once from the config editor, never sent back to the browser. */
export interface AppMonSecureJsonData {
  apiKey?: string;
  adminKey?: string;
}
