// The host page: shares modules with SystemJS, installs Grafana's runtime services,
// loads the built plugins from /public/plugins/<id>/module.js and renders one case
// (?case=<id>, listed in ?cases=<file>, default cases.json). window.__hostResult tells the driver the outcome.
import './report';

import React from 'react';
import { createRoot } from 'react-dom/client';
import {
  AppPlugin,
  DataQuery,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  PanelPlugin,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';

import { renderAppConfig, renderAppPage } from './app';
import { DashboardCase, renderDashboard } from './dashboard';
import { renderConfigEditor, renderQueryEditor } from './editors';
import { loadMeta, loadPlugin } from './loadPlugin';
import { PanelCase, backendRows, renderPanel } from './panels';
import { report } from './report';
import { HostDataSourceSrv, backendSrv, installServices, pendingRequests, setVariables } from './services';
import { initRegistries } from './registries';
import { installSceneServices } from './scenes';
import { registerShared } from './shared';

type HostCase =
  | ({ id: string; kind: 'panel'; variables?: Record<string, string>; expectData?: boolean } & PanelCase)
  | { id: string; kind: 'config-editor'; uid: string; expectHealth?: string }
  | { id: string; kind: 'query-editor'; uid: string; query: DataQuery }
  | (DashboardCase & { variables?: Record<string, string> })
  | { id: string; kind: 'app-page'; pluginId: string; path: string }
  | { id: string; kind: 'app-config'; pluginId: string };

const DATASOURCE_ID = 'appmon-endpoints-datasource';

class ErrorBoundary extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    report.error(`render threw: ${error.name}: ${error.message}`);
  }
  render() {
    return this.state.error ? <pre role="alert">{String(this.state.error)}</pre> : this.props.children;
  }
}

/** The provisioned data sources as the frontend sees them (no secrets), with the plugin's meta. */
async function dataSourceServices() {
  const plugin = await loadPlugin<DataSourcePlugin<DataSourceApi>>(DATASOURCE_ID, 'datasource');
  const meta = await loadMeta(DATASOURCE_ID);
  const list = await backendSrv.get<Array<Record<string, any>>>('/api/datasources');
  const settings = list
    .filter((d) => d.type === DATASOURCE_ID)
    .map(
      (d) =>
        ({
          id: d.id,
          uid: d.uid,
          type: d.type,
          name: d.name,
          meta,
          url: `/api/datasources/proxy/uid/${d.uid}`,
          jsonData: d.jsonData,
          access: 'proxy',
          readOnly: true,
          isDefault: d.isDefault,
        }) as DataSourceInstanceSettings
    );
  const srv = new HostDataSourceSrv(settings, plugin);
  installServices(srv);
  return { plugin, srv };
}

async function build(c: HostCase): Promise<React.ReactElement> {
  switch (c.kind) {
    case 'panel': {
      setVariables(c.variables ?? {});
      if (c.targets?.length) {
        await dataSourceServices();
      }
      return renderPanel(await loadPlugin<PanelPlugin>(c.pluginId, 'panel'), c);
    }
    case 'dashboard':
      setVariables(c.variables ?? {});
      await dataSourceServices();
      return renderDashboard(c);
    case 'config-editor': {
      const { plugin, srv } = await dataSourceServices();
      return renderConfigEditor(plugin, await srv.get(c.uid), c.uid, c.expectHealth);
    }
    case 'query-editor': {
      const { plugin, srv } = await dataSourceServices();
      return renderQueryEditor(plugin, await srv.get(c.uid), c.query);
    }
    case 'app-page':
      await dataSourceServices().then(installSceneServices);
      return renderAppPage(await loadPlugin<AppPlugin>(c.pluginId, 'app'), c.path);
    case 'app-config':
      return renderAppConfig(await loadPlugin<AppPlugin>(c.pluginId, 'app'));
  }
}

/** Resolves once no request is in flight and the DOM has been quiet for a while. */
function settle(quietMs = 600, timeoutMs = 20_000) {
  return new Promise<void>((resolve) => {
    let last = Date.now();
    const observer = new MutationObserver(() => (last = Date.now()));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const started = Date.now();
    const tick = () => {
      const now = Date.now();
      if ((pendingRequests() === 0 && now - last >= quietMs) || now - started > timeoutMs) {
        observer.disconnect();
        if (now - started > timeoutMs) {
          report.error(`the page did not settle within ${timeoutMs} ms (${pendingRequests()} requests in flight)`);
        }
        resolve();
        return;
      }
      setTimeout(tick, 100);
    };
    tick();
  });
}

/**
 * With rows from the backend, a whole-panel message instead of the visualization is a
 * failure (frames it cannot read, a renamed field); with none, the empty state is right.
 */
function checkPanelShowsData(c: HostCase) {
  if (c.kind !== 'panel' || !c.expectData) {
    return;
  }
  const panel = document.querySelector('[data-testid="host-panel"]');
  const message = panel?.querySelector('[role="alert"], [role="status"]');
  if (message && backendRows() > 0) {
    report.error(
      `${c.where}: the panel shows "${message.textContent?.trim()}" instead of the frames the backend returned`
    );
  } else if (message) {
    report.note(`${c.where}: no rows in range, the panel says "${message.textContent?.trim()}"`);
  }
}

async function main() {
  registerShared();
  initRegistries();
  installServices();
  const params = new URLSearchParams(window.location.search);
  const id = params.get('case');
  const casesFile = params.get('cases') ?? 'cases.json';
  const { cases } = (await (await fetch(`/${casesFile}`)).json()) as { cases: HostCase[] };
  const c = cases.find((x) => x.id === id);
  const container = document.getElementById('root')!;
  if (!c) {
    report.error(`no case "${id}" in ${casesFile}`);
    report.finish();
    return;
  }
  try {
    const element = await build(c);
    createRoot(container).render(
      <ThemeContext.Provider value={config.theme2}>
        <GlobalStyles />
        <ErrorBoundary>{element}</ErrorBoundary>
      </ThemeContext.Provider>
    );
    await settle();
    // A blank page (a route that matched nothing, a lazy page that never came) is a failure too.
    if (!container.textContent?.trim() && !container.querySelector('canvas, svg')) {
      report.error(`${c.id}: the page rendered nothing`);
    }
    checkPanelShowsData(c);
  } catch (e) {
    report.error(`loading ${c.id}: ${e instanceof Error ? e.message : JSON.stringify(e)}`);
  }
  container.setAttribute('data-host-done', 'true');
  report.finish();
}

main();
