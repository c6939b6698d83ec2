import { DataSourceInstanceSettings } from '@grafana/data';

import { HealthStatus } from '@grafana/runtime';

import { DataSource } from './datasource';
import { AppMonDataSourceOptions } from './types';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => ({ replace: (s: string) => s.replace('$cat', 'database') }),
}));

function newDataSource() {
  return new DataSource({
    id: 1,
    uid: 'appmon',
    type: 'appmon-endpoints-datasource',
    name: 'AppMon',
    jsonData: {},
    meta: {},
  } as unknown as DataSourceInstanceSettings<AppMonDataSourceOptions>);
}

describe('DataSource', () => {
  it('answers template variable queries from the backend resources', async () => {
    const ds = newDataSource();
    const getResource = jest
      .spyOn(ds, 'getResource')
      .mockResolvedValue([{ value: 'database.query_time.p95', label: 'Query time p95' }]);
    await expect(ds.metricFindQuery('metrics($cat)')).resolves.toEqual([
      { text: 'Query time p95', value: 'database.query_time.p95' },
    ]);
    expect(getResource).toHaveBeenCalledWith('metrics', { category: 'database' });
  });

  it('rejects an unknown variable query with the accepted forms', async () => {
    await expect(newDataSource().metricFindQuery('select 1')).rejects.toThrow(/Use categories, metrics/);
  });

  it('interpolates variables in every text filter', () => {
    const query = newDataSource().applyTemplateVariables(
      { refId: 'A', queryType: 'metrics', category: '$cat', metricName: 'x', service: '$cat' },
      {}
    );
    expect(query).toMatchObject({ category: 'database', service: 'database', metricName: 'x' });
  });

  it('defaults new queries to metrics', () => {
    expect(newDataSource().getDefaultQuery('dashboard' as never)).toEqual({ queryType: 'metrics' });
  });

  it('supports annotation queries through the regular query path', () => {
    expect(newDataSource().annotations).toEqual({});
  });

  it('shows a working data source with missing optional parts as a warning', async () => {
    const ds = newDataSource();
    const check = jest.spyOn(ds, 'callHealthCheck');
    check.mockResolvedValueOnce({
      status: HealthStatus.OK,
      message: 'Warning: connected to http://app and the health check and metrics (JSON) work, but ...',
      details: { level: 'warning', warnings: ['capabilities: no endpoint', 'uptime: 404'], verboseMessage: 'OK ...' },
    });
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'warning',
      message: 'Warning: connected to http://app and the health check and metrics (JSON) work, but ...',
      details: { message: 'capabilities: no endpoint\nuptime: 404', verboseMessage: 'OK ...' },
    });
    check.mockResolvedValueOnce({ status: HealthStatus.OK, message: 'Connected', details: { level: 'ok' } });
    await expect(ds.testDatasource()).resolves.toEqual({ status: 'success', message: 'Connected' });
    check.mockResolvedValueOnce({ status: HealthStatus.Error, message: 'API key rejected', details: {} });
    await expect(ds.testDatasource()).rejects.toMatchObject({ status: 'error', message: 'API key rejected' });
  });
});
