import {
  CoreApp,
  DataSourceInstanceSettings,
  MetricFindValue,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv, HealthCheckError, HealthStatus } from '@grafana/runtime';

import { FleetJsonData } from './components/fleetSettings';
import { AppMonDataSourceOptions, AppMonQuery, DEFAULT_QUERY, ResourceOption } from './types';
import { parseVariableQuery } from './variables';

/**
 * All parsing happens in the Go backend; the browser only forwards queries,
 * so panels, alert rules and query caching see the same frames.
 */
export class DataSource extends DataSourceWithBackend<AppMonQuery, AppMonDataSourceOptions> {
  /** The settings list several instances (jsonData "fleet"): the query editor offers the fleet view. */
  readonly readsFleet: boolean;

  constructor(instanceSettings: DataSourceInstanceSettings<AppMonDataSourceOptions>) {
    super(instanceSettings);
    this.readsFleet = (instanceSettings.jsonData as FleetJsonData | undefined)?.fleet != null;
    // Alert history frames carry time, timeEnd, title and text, so any query of this data
    // source can be an annotation query (the dashboards' "AppMon alerts" annotations).
    this.annotations = {};
  }

  getDefaultQuery(_: CoreApp): Partial<AppMonQuery> {
    return DEFAULT_QUERY;
  }

  applyTemplateVariables(query: AppMonQuery, scopedVars: ScopedVars): AppMonQuery {
    const templateSrv = getTemplateSrv();
    return {
      ...query,
      category: query.category ? templateSrv.replace(query.category, scopedVars) : query.category,
      metricName: query.metricName ? templateSrv.replace(query.metricName, scopedVars) : query.metricName,
      severity: query.severity ? templateSrv.replace(query.severity, scopedVars) : query.severity,
      service: query.service ? templateSrv.replace(query.service, scopedVars) : query.service,
      endpoint: query.endpoint ? templateSrv.replace(query.endpoint, scopedVars) : query.endpoint,
      objective: query.objective ? templateSrv.replace(query.objective, scopedVars) : query.objective,
    };
  }

  filterQuery(query: AppMonQuery): boolean {
    return !query.hide;
  }

  /** Template variables: the backend lists categories, metrics, services and severities. */
  async metricFindQuery(query: string, options?: { scopedVars?: ScopedVars }): Promise<MetricFindValue[]> {
    const call = parseVariableQuery(getTemplateSrv().replace(query, options?.scopedVars));
    const found = (await this.getResource<ResourceOption[]>(call.path, call.params)) ?? [];
    return found.map((o) => ({ text: o.label ?? o.value, value: o.value }));
  }

  /**
   * Save & test. Grafana's health result is OK or an error; the backend marks an OK result whose
   * optional parts (alert history, dashboard, ...) are missing with details.level "warning", shown
   * yellow with the list of what is missing.
   */
  async testDatasource(): Promise<TestDataSourceResponse> {
    const res = await this.callHealthCheck();
    if (res.status !== HealthStatus.OK) {
      return Promise.reject({
        status: 'error',
        message: res.message,
        error: new HealthCheckError(res.message, res.details),
      });
    }
    if (res.details?.level !== 'warning') {
      return { status: 'success', message: res.message };
    }
    const warnings: string[] = Array.isArray(res.details.warnings) ? res.details.warnings : [];
    return {
      status: 'warning',
      message: res.message,
      details: { message: warnings.join('\n'), verboseMessage: String(res.details.verboseMessage ?? '') },
    };
  }
}
