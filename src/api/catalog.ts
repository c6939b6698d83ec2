import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';

import { DASHBOARD_TAG, DATASOURCE_TYPE } from '../constants';

export interface AppMonDataSource {
  uid: string;
  name: string;
  url: string;
}

export interface DataSourceHealth {
  status: 'OK' | 'ERROR' | 'UNKNOWN';
  message: string;
}

export interface AppMonDashboard {
  uid: string;
  title: string;
  url: string;
}

/** Lists the data sources of the AppMon type that the current user can see. */
export async function listAppMonDataSources(): Promise<AppMonDataSource[]> {
  const all = await getBackendSrv().get<Array<AppMonDataSource & { type: string }>>('/api/datasources');
  return all.filter((ds) => ds.type === DATASOURCE_TYPE).map(({ uid, name, url }) => ({ uid, name, url }));
}

/** Runs the data source's health check; a failing check is reported, not thrown. */
export async function checkHealth(uid: string): Promise<DataSourceHealth> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<{ status: string; message: string }>({
        url: `/api/datasources/uid/${encodeURIComponent(uid)}/health`,
        showErrorAlert: false,
      })
    );
    return { status: response.data.status === 'OK' ? 'OK' : 'ERROR', message: response.data.message };
  } catch (err) {
    const data = (err as { data?: { message?: string } }).data;
    return { status: 'ERROR', message: data?.message ?? 'The health check could not run.' };
  }
}

/** Lists the dashboards this app provisions (they carry the appmon tag). */
export async function listAppMonDashboards(): Promise<AppMonDashboard[]> {
  return getBackendSrv().get<AppMonDashboard[]>('/api/search', { tag: DASHBOARD_TAG, type: 'dash-db' });
}
