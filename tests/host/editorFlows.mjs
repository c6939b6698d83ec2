// The configuration pages' host cases: both editors with the backend's data, an invalid
// objective refused with its field named, and a saved rota that changes who the on-call panel
// and page show. Flows run in the case's browser page after its first render; the server
// plays Grafana's data source API (pkg/cmd/hostserver/datasource_edit.go).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const DS = 'appmon';
const NEW_ENGINEER = 'Ada Lovelace';

/** The editor cases; `after` holds the cases a flow opens once it has saved. */
export function editorCases(appId, cases) {
  const page = (sub) => ({ kind: 'app-page', pluginId: appId, path: `/a/${appId}/config/${sub}` });
  const oncallPanel = cases.find((c) => c.pluginId === 'appmon-oncallstatus-panel' && c.id.startsWith('dashboard-'));
  const oncallPage = { id: 'app-page-oncall', kind: 'app-page', pluginId: appId, path: `/a/${appId}/oncall` };
  return [
    { id: 'config-objectives', ...page('objectives') },
    { id: 'config-rota', ...page('oncall') },
    { id: 'config-objective-refused', ...page('objectives'), flow: 'objective-refused' },
    {
      id: 'config-rota-saved',
      ...page('oncall'),
      flow: 'rota-saved',
      after: [oncallPanel, oncallPage].filter(Boolean),
    },
  ];
}

async function api(server, method, url, body) {
  const res = await fetch(new URL(url, server.url), {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(data)}`);
  }
  return data;
}

/** Saves jsonData as the editors do: the whole record back, with the data source editable meanwhile. */
async function putJsonData(server, jsonData) {
  const ds = await api(server, 'GET', `api/datasources/uid/${DS}`);
  await api(server, 'PUT', `api/datasources/uid/${DS}`, { ...ds, jsonData });
}

/** Runs a flow; returns what went wrong, in the host check's words. */
export async function runFlow(c, { page, server, staticDir, outDir }) {
  const errors = [];
  const casesFile = `flow-${process.pid}-${c.id}.json`;
  await writeFile(path.join(staticDir, casesFile), JSON.stringify({ cases: [c, ...(c.after ?? [])] }));
  const shot = (name) => page.screenshot({ path: path.join(outDir, `${c.id}-${name}.png`), fullPage: true });
  const open = async (id) => {
    await page.goto(`${server.url}index.html?cases=${casesFile}&case=${encodeURIComponent(id)}`);
    await page.waitForFunction(() => window.__hostResult?.done === true, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__hostResult);
    errors.push(...result.errors.map((e) => `${id} after the flow: ${e}`));
  };
  const original = await api(server, 'GET', `api/datasources/uid/${DS}`);
  try {
    await api(server, 'POST', `host/datasources/${DS}/editable`, { editable: true });
    if (c.flow === 'rota-saved') {
      await rotaSaved(c, { page, open, shot, errors });
    } else if (c.flow === 'objective-refused') {
      await objectiveRefused(c, { page, open, shot, errors, server });
    } else {
      errors.push(`unknown flow ${c.flow}`);
    }
  } catch (e) {
    errors.push(`${c.id}: ${e instanceof Error ? e.message : String(e)}`);
    await shot('failed').catch(() => {});
  } finally {
    await putJsonData(server, original.jsonData).catch((e) => errors.push(`restoring the settings: ${e.message}`));
    await api(server, 'POST', `host/datasources/${DS}/editable`, { editable: !original.readOnly }).catch((e) =>
      errors.push(`restoring read-only: ${e.message}`)
    );
    await rm(path.join(staticDir, casesFile), { force: true });
  }
  return errors;
}

async function rotaSaved(c, { page, open, shot, errors }) {
  await open(c.id); // again, now that the data source is editable
  const primary = page.getByRole('region', { name: 'Layer primary' });
  await primary.getByLabel('Name of member 1 of primary').fill(NEW_ENGINEER);
  await primary.getByLabel('Contact of member 1 of primary').fill('+44 20 7946 0001');
  for (let i = 0; i < 3; i++) {
    await primary.getByRole('button', { name: 'Remove member 2 of primary' }).click();
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved the rota').waitFor({ timeout: 30_000 });
  await page.getByRole('table', { name: 'Shifts of primary' }).getByText(NEW_ENGINEER).first().waitFor();
  await shot('saved');
  for (const after of c.after) {
    await open(after.id);
    const text = await page.locator('#root').innerText();
    if (!text.includes(NEW_ENGINEER)) {
      errors.push(
        `${after.id}: after saving the rota, ${NEW_ENGINEER} is not shown as on call (the page says: ${text.slice(0, 300)})`
      );
    }
    await shot(after.id);
  }
}

/**
 * The controls of the field that shows a message: walking up from the message, the first
 * element that holds controls is the Field around it. A message in a list elsewhere finds none
 * or the whole form.
 */
async function controlsBeside(region, message) {
  const el = region.getByText(message).first();
  await el.waitFor({ timeout: 30_000 });
  return el.evaluate((node) => {
    for (let n = node.parentElement; n; n = n.parentElement) {
      const inputs = [...n.querySelectorAll('input')];
      if (inputs.length > 0) {
        return inputs.map((i) => ({
          type: i.type,
          id: i.id,
          label: i.closest('label')?.textContent ?? i.labels?.[0]?.textContent ?? '',
        }));
      }
    }
    return [];
  });
}

async function objectiveRefused(c, { page, open, shot, errors, server }) {
  // The backend's answer itself: both problems, each with its field.
  const answer = await api(server, 'POST', `api/datasources/uid/${DS}/resources/validate/objectives`, {
    objectives: [
      { kind: 'availability', target: 101, window: '30d' },
      { kind: 'latency', target: 99, window: '45d' },
    ],
  });
  const fields = answer.errors.map((e) => e.field).sort();
  if (fields.join() !== 'objectives[0].target,objectives[1].window') {
    errors.push(
      `validate/objectives named ${JSON.stringify(answer.errors)}, want objectives[0].target and objectives[1].window`
    );
  }

  // In the form: a target of 101 % is refused next to the target field, and nothing is saved.
  await open(c.id);
  const first = page.getByRole('region', { name: 'Objective 1' });
  await first.getByLabel(/^Target/).fill('101');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const target = await controlsBeside(first, '101 is not a percentage');
  if (target.length !== 1 || !target[0].id.endsWith('-target')) {
    errors.push(`the target problem is not shown beside the target field (beside ${JSON.stringify(target)})`);
  }
  await shot('target');
  const saved = await api(server, 'GET', `api/datasources/uid/${DS}`);
  if (JSON.stringify(saved.jsonData).includes('101')) {
    errors.push('an objective with a 101 % target was saved');
  }

  // A window the data source does not know, written into its settings by hand, is named on opening.
  await putJsonData(server, {
    ...saved.jsonData,
    slos: [{ id: 'availability', kind: 'availability', target: 99.9, window: '45d' }],
  });
  await open(c.id);
  const window = await controlsBeside(page.getByRole('region', { name: 'Objective 1' }), '"45d" is not supported');
  if (window.length === 0 || window.some((i) => i.type !== 'radio')) {
    errors.push(`the unknown window is not shown beside the window choice (beside ${JSON.stringify(window)})`);
  }
  await shot('window');
}
