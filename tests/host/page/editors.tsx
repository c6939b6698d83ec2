// The data source's editors as Grafana's data source settings page and query row
// render them, with the provisioned settings and the dashboards' queries.
import React, { useState } from 'react';
import { CoreApp, DataSourceApi, DataSourcePlugin, DataSourceSettings, DataQuery, dateMath } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';

import { report } from './report';

type AnyPlugin = DataSourcePlugin<DataSourceApi>;

/** expectHealth: what "Save & test" should say (a fleet with an instance down warns). */
export async function renderConfigEditor(plugin: AnyPlugin, ds: DataSourceApi, uid: string, expectHealth = 'success') {
  const ConfigEditor = plugin.components.ConfigEditor;
  if (!ConfigEditor) {
    throw new Error('the data source has no ConfigEditor');
  }
  const settings = await getBackendSrv().get<DataSourceSettings>(`/api/datasources/uid/${uid}`);
  // "Save & test" runs the health check through the backend.
  const test = await ds.testDatasource?.();
  report.note(`health check: ${test?.status}: ${test?.message}`);
  if (test?.status !== expectHealth) {
    report.error(`data source test failed: ${test?.status}: ${test?.message}`);
  }
  function Editor() {
    const [options, setOptions] = useState(settings);
    return <ConfigEditor options={options} onOptionsChange={setOptions} />;
  }
  return (
    <div style={{ width: 900 }}>
      <Editor />
    </div>
  );
}

export function renderQueryEditor(plugin: AnyPlugin, ds: DataSourceApi, query: DataQuery) {
  const QueryEditor = plugin.components.QueryEditor;
  if (!QueryEditor) {
    throw new Error('the data source has no QueryEditor');
  }
  const range = {
    from: dateMath.toDateTime('now-6h', {})!,
    to: dateMath.toDateTime('now', {})!,
    raw: { from: 'now-6h', to: 'now' },
  };
  function Editor() {
    const [q, setQ] = useState(query);
    return (
      <QueryEditor
        datasource={ds}
        query={q}
        onChange={(next: DataQuery) => setQ(next)}
        onRunQuery={() => {}}
        app={CoreApp.PanelEditor}
        range={range}
      />
    );
  }
  return (
    <div style={{ width: 900 }}>
      <Editor />
    </div>
  );
}
