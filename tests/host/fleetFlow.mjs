// A fleet dashboard over five instances of the application with one stopped: the generated
// fleet version of the system dashboard (dashboards/fleet/system.json) on the data source the
// host server provisions with -fleet 5 (pkg/cmd/hostserver/fleet.go: four instances of the
// reference API and a port that refuses connections). The page must show every answering
// instance's series and none of the stopped one, a notice naming the stopped instance in the
// panel header, and a fleet health of "4 of 5 healthy".
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const FLEET_SIZE = 5;
const FLEET_UID = 'appmon-fleet';
const DASHBOARD = 'dashboards/fleet/system.json';

function* walkPanels(panels = []) {
  for (const p of panels) {
    yield p;
    yield* walkPanels(p.panels);
  }
}

/** The case, or the reason there is none. */
export async function fleetCases(repo) {
  let dash;
  try {
    dash = JSON.parse(await readFile(path.join(repo, DASHBOARD), 'utf8'));
  } catch (e) {
    return { cases: [], problems: [`${DASHBOARD}: ${e.message}`] };
  }
  const panels = [...walkPanels(dash.panels)].map((p) => ({
    id: p.id,
    type: p.type,
    title: p.title ?? '',
    options: p.options ?? {},
    fieldConfig: p.fieldConfig ?? { defaults: {}, overrides: [] },
    targets: (p.targets ?? []).map((t) => ({ ...t, datasource: t.datasource ?? p.datasource })),
    transformations: p.transformations ?? [],
    gridPos: p.gridPos,
  }));
  const variables = {};
  for (const v of dash.templating?.list ?? []) {
    variables[v.name] = v.type === 'datasource' ? FLEET_UID : (v.current?.value ?? '');
  }
  const kase = {
    id: 'fleet-dashboard-system',
    kind: 'dashboard',
    server: 'fleet',
    fleetFlow: true,
    where: DASHBOARD,
    panels,
    time: dash.time,
    variables,
  };
  // The data source's settings page: the list of instances, and "Save & test" warning about the stopped one.
  const editor = {
    id: 'fleet-config-editor',
    kind: 'config-editor',
    server: 'fleet',
    fleetFlow: true,
    uid: FLEET_UID,
    expectHealth: 'warning',
  };
  // A query of the dashboard without its fleet view in the query editor: the choice is offered
  // because the data source reads several instances.
  const found = panels.flatMap((p) => p.targets).find((t) => t.fleetView === 'instances');
  const query = found && Object.fromEntries(Object.entries(found).filter(([k]) => k !== 'fleetView'));
  const queryEditor = {
    id: 'fleet-query-editor',
    kind: 'query-editor',
    server: 'fleet',
    fleetFlow: true,
    uid: FLEET_UID,
    query: { ...query, datasource: { type: query?.datasource?.type, uid: FLEET_UID } },
  };
  return { cases: [kase, editor, ...(query ? [queryEditor] : [])], problems: [] };
}

const panelSelector = (title) => `[data-testid="host-dashboard-panel"][data-panel-title="${title}"]`;

/** Hovers a panel's warning icon and returns the tooltip's text, or why there is none. */
async function warningOf(page, title) {
  const icon = page.locator(`${panelSelector(title)} [data-testid="host-notice-warning"]`);
  if ((await icon.count()) === 0) {
    return { error: `panel "${title}" shows no warning in its header` };
  }
  await icon.first().hover();
  const tip = page.locator('[role="tooltip"]').last();
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  const text = (await tip.textContent()) ?? '';
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  return { text };
}

/** Returns the failures: each says what the page shows instead. */
export async function runFleetFlow(c, context) {
  try {
    return await checkFleet(c, context);
  } catch (e) {
    return [`the fleet dashboard could not be checked: ${e.message.split('\n')[0]}`];
  }
}

async function checkFleet(c, { page, server, shot }) {
  const fleet = await (await fetch(`${server.url}host/fleet`)).json();
  const { answering, stopped } = fleet;
  if (answering.length + stopped.length !== FLEET_SIZE || stopped.length !== 1) {
    return [`the host server's fleet is ${JSON.stringify(fleet)}, not ${FLEET_SIZE} instances with one stopped`];
  }
  switch (c.kind) {
    case 'config-editor':
      return checkEditor(page, answering, stopped[0]);
    case 'query-editor':
      return checkQueryEditor(page);
    default:
      return checkDashboard(c, { page, shot }, answering, stopped);
  }
}

/** On a data source over several instances the query editor offers per instance or fleet. */
async function checkQueryEditor(page) {
  const perInstance = page.getByRole('radio', { name: 'Per instance' });
  if ((await perInstance.count()) === 0 || !(await perInstance.isChecked())) {
    return ['the query editor of the fleet data source does not offer "Per instance" (checked) and "Fleet"'];
  }
  return (await page.getByRole('radio', { name: 'Fleet' }).count()) === 1 ? [] : ['no "Fleet" choice'];
}

/** The Instances section lists every instance's base URL; the health check names the stopped one. */
async function checkEditor(page, answering, stopped) {
  const errors = [];
  const rows = [...answering, stopped];
  for (const [i, host] of rows.entries()) {
    const value = await page.getByLabel(`Instance ${i + 1}`, { exact: true }).inputValue({ timeout: 5000 });
    if (value !== `http://${host}`) {
      errors.push(`the config editor's instance ${i + 1} is "${value}", not http://${host}`);
    }
  }
  if (!(await page.getByRole('radio', { name: /List of instances/ }).isChecked())) {
    errors.push('the config editor does not show "List of instances" selected');
  }
  const notes = await page.evaluate(() => window.__hostResult.notes);
  const health = notes.find((n) => n.startsWith('health check:')) ?? '';
  const want = `${answering.length} of ${rows.length} instances answered: ${stopped} did not answer`;
  if (!health.includes(want)) {
    errors.push(`"Save & test" says "${health}", not "${want}"`);
  }
  return errors;
}

async function checkDashboard(c, { page, shot }, answering, stopped) {
  const errors = [];
  const total = answering.length + stopped.length;

  // Per-instance series: every time series panel has one legend entry per answering instance.
  for (const p of c.panels.filter((x) => x.type === 'timeseries')) {
    const text = (await page.locator(panelSelector(p.title)).textContent({ timeout: 5000 })) ?? '';
    const missing = answering.filter((i) => !text.includes(i));
    if (missing.length > 0) {
      errors.push(`panel "${p.title}" has no series of ${missing.join(', ')}; it shows: ${text.slice(0, 300)}`);
    }
    if (text.includes(stopped[0])) {
      errors.push(`panel "${p.title}" shows a series of the stopped instance ${stopped[0]}`);
    }
  }

  const health = (await page.locator(panelSelector('Fleet health')).textContent({ timeout: 5000 })) ?? '';
  const want = `${answering.length} of ${total} healthy`;
  if (!health.includes(want)) {
    errors.push(`the fleet health shows "${health.trim()}", not "${want}"`);
  }

  // The notice names the stopped instance, in the header of every panel that queries.
  const notice = `Instance ${stopped[0]} did not answer`;
  for (const p of c.panels.filter((x) => x.targets.length > 0)) {
    const { text, error } = await warningOf(page, p.title);
    if (error) {
      errors.push(error);
    } else if (!text.includes(notice) || !text.includes(`${answering.length} of ${total} instances`)) {
      errors.push(`panel "${p.title}": its warning says "${text}", not that ${stopped[0]} did not answer`);
    }
  }
  const cpu = c.panels.find((x) => x.type === 'timeseries');
  if (cpu) {
    await page
      .locator(`${panelSelector(cpu.title)} [data-testid="host-notice-warning"]`)
      .first()
      .hover();
    await page
      .locator('[role="tooltip"]')
      .last()
      .waitFor({ state: 'visible', timeout: 5000 })
      .catch(() => {});
    await shot('notice');
  }
  return errors;
}
