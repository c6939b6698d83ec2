import type { DataSourceJsonData } from '@grafana/schema';

// The query model is defined once, in Go (pkg/query/model.go and model_types.go); its TypeScript
// is generated from the JSON schema the backend's test writes. Change the Go model, then run
// `go test ./pkg/query -run TestQuerySchema -update`.
export type {
  AlertsAction,
  AppMonQuery,
  Format as MetricsFormat,
  OncallView as OnCallView,
  QueryField,
  QueryType,
  QueryTypeContract,
} from './queryModel.gen';
import type { AppMonQuery } from './queryModel.gen';

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
  historyCacheBytes?: number;
  cacheMaxBytes?: number;
  inflightMaxBytes?: number;
}

/** Secrets: written once from the config editor, never sent back to the browser. */
export interface AppMonSecureJsonData {
  apiKey?: string;
  adminKey?: string;
}
