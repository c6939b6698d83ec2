// The cases the host renders, read from the built bundle: every panel with its defaults
// and no data, every AppMon panel of every provisioned dashboard with its saved options
// and targets, the data source's editors, the app's pages and its configuration page.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';

import { alertActionCases } from './alertActionFlows.mjs';
import { editorCases } from './editorFlows.mjs';
import { fleetCases } from './fleetFlow.mjs';

const DATASOURCE_ID = 'appmon-endpoints-datasource';

async function readJSON(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

function* walkPanels(panels = []) {
  for (const p of panels) {
    yield p;
    yield* walkPanels(p.panels);
  }
}

/** Returns { cases, problems }: problems are dashboard faults found while reading. */
export async function collectCases({ dist, datasourcesFile }) {
  const plugins = [];
  for (const rel of ['.', 'datasource', ...(await readdir(path.join(dist, 'panels'))).map((p) => `panels/${p}`)]) {
    const meta = await readJSON(path.join(dist, rel, 'plugin.json'));
    plugins.push({ ...meta, dir: rel });
  }
  const app = plugins.find((p) => p.type === 'app');
  const panelIds = plugins.filter((p) => p.type === 'panel').map((p) => p.id);
  const provisioned = YAML.parse(await readFile(datasourcesFile, 'utf8')).datasources.filter(
    (d) => d.type === DATASOURCE_ID
  );
  const uid = provisioned[0].uid;
  const cases = [];
  const problems = [];

  for (const id of panelIds) {
    cases.push({
      id: `panel-defaults-${id}`,
      kind: 'panel',
      pluginId: id,
      title: `${id}: defaults, no data`,
      where: `${id} with defaults`,
    });
  }

  // The backend's golden frames (pkg/golden/testdata) for each panel, as the jest tests read them.
  const golden = {
    'appmon-slacompliance-panel': ['slo'],
    'appmon-alerttimeline-panel': ['alerts_history'],
    'appmon-oncallstatus-panel': ['oncall_now', 'oncall_shifts', 'oncall_escalation'],
  };
  for (const id of panelIds) {
    if (golden[id]) {
      cases.push({
        id: `panel-golden-${id}`,
        kind: 'panel',
        pluginId: id,
        title: `${id}: golden frames ${golden[id].join(', ')}`,
        golden: golden[id],
        // The hour before the golden clock (pkg/golden: now).
        time: { from: '2025-06-01T11:00:30Z', to: '2025-06-01T12:00:30Z' },
        expectData: true,
        where: `${id} with the golden frames`,
      });
    }
  }

  // Grafana-managed alerts (the host serves Grafana's alerting API from tests/host/grafana-alerting/)
  // beside the application's golden alerts: a firing Grafana rule, a firing application alert, and
  // the Grafana rule on the same metric and severity as that alert sharing its row.
  if (panelIds.includes('appmon-alerttimeline-panel')) {
    cases.push({
      id: 'timeline-grafana-merged',
      kind: 'panel',
      pluginId: 'appmon-alerttimeline-panel',
      title: 'Alert timeline: application and Grafana alerts, grouped by rule',
      golden: ['alerts_history'],
      options: { alertSource: 'both', groupBy: 'rule' },
      time: { from: '2025-06-01T11:00:30Z', to: '2025-06-01T12:00:30Z' },
      expectData: true,
      where: 'alert timeline with Grafana-managed alerts',
    });
    cases.push({
      id: 'timeline-grafana-counts',
      kind: 'panel',
      pluginId: 'appmon-alerttimeline-panel',
      title: 'Active alerts (application + Grafana)',
      golden: ['alerts_history'],
      options: { alertSource: 'both', display: 'counts' },
      time: { from: '2025-06-01T11:00:30Z', to: '2025-06-01T12:00:30Z' },
      expectData: true,
      where: 'alert counts with Grafana-managed alerts',
    });
  }

  const queriesByType = new Map();
  const dashboardsDir = path.join(dist, 'dashboards');
  for (const file of (await readdir(dashboardsDir)).filter((f) => f.endsWith('.json')).sort()) {
    const dash = await readJSON(path.join(dashboardsDir, file));
    const variables = {};
    for (const v of dash.templating?.list ?? []) {
      variables[v.name] = v.current?.value ?? '';
    }
    for (const panel of walkPanels(dash.panels)) {
      for (const t of panel.targets ?? []) {
        const dsType = t.datasource?.type ?? panel.datasource?.type;
        if (dsType === DATASOURCE_ID && !queriesByType.has(t.queryType ?? 'metrics')) {
          queriesByType.set(t.queryType ?? 'metrics', { ...t, datasource: t.datasource ?? panel.datasource });
        }
      }
      if (typeof panel.type !== 'string' || !panel.type.startsWith('appmon-')) {
        continue;
      }
      const where = `${file} panel ${panel.id} "${panel.title}"`;
      if (!panelIds.includes(panel.type)) {
        problems.push(`${where}: type ${panel.type} is not a panel of this bundle (${panelIds.join(', ')})`);
        continue;
      }
      cases.push({
        id: `dashboard-${path.basename(file, '.json')}-${panel.id}`,
        kind: 'panel',
        pluginId: panel.type,
        title: panel.title ?? '',
        options: panel.options ?? {},
        fieldConfig: panel.fieldConfig ?? { defaults: {}, overrides: [] },
        targets: (panel.targets ?? []).map((t) => ({ ...t, datasource: t.datasource ?? panel.datasource })),
        time: dash.time,
        variables,
        expectData: true,
        where,
      });
    }
  }

  cases.push({ id: 'datasource-config-editor', kind: 'config-editor', uid });
  for (const [type, query] of [...queriesByType.entries()].sort()) {
    cases.push({
      id: `query-editor-${type}`,
      kind: 'query-editor',
      uid,
      query: { ...query, datasource: { type: DATASOURCE_ID, uid } },
    });
  }
  for (const inc of app.includes ?? []) {
    if (inc.type === 'page' && inc.path?.startsWith(`/a/${app.id}/`)) {
      cases.push({ id: `app-page-${path.basename(inc.path)}`, kind: 'app-page', pluginId: app.id, path: inc.path });
    }
  }
  // The SLA report of a month named in the URL, on screen and as the browser prints it.
  const month = new Date().toISOString().slice(0, 7);
  const report = { kind: 'app-page', pluginId: app.id, path: `/a/${app.id}/report?month=${month}` };
  cases.push({ id: 'app-page-report-month', ...report }, { id: 'app-page-report-print', ...report, media: 'print' });
  cases.push({ id: 'app-config', kind: 'app-config', pluginId: app.id });
  cases.push(...editorCases(app.id, cases));
  cases.push(...alertActionCases(uid));
  // The fleet version of the system dashboard, on a data source over five instances, one stopped.
  const fleet = await fleetCases(path.resolve(path.dirname(datasourcesFile), '..', '..'));
  cases.push(...fleet.cases);
  problems.push(...fleet.problems);
  return { cases, problems };
}
