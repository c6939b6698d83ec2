/**
 * The option paths of AppMon's own panels, read from each panel's option builder the way Grafana's
 * options pane reads them, must match schemas/appmon-panel-options.json. The Go
 * provisioning check (pkg/internal/provcheck) validates the dashboards' panel options against that
 * file, so a renamed or removed option cannot leave dashboards with a key the panel ignores.
 *
 * After changing a panel's options, rewrite the file with
 *   APPMON_WRITE_PANEL_OPTIONS=1 npx jest tests/provisioning/panelOptions
 */
import fs from 'fs';
import path from 'path';
import { PanelPlugin, standardEditorsRegistry } from '@grafana/data';

import { optionItems } from '../../src/test/pluginOptions';
import { plugin as alertTimeline } from '../../src/panels/alerttimeline/module';
import { plugin as onCallStatus } from '../../src/panels/oncallstatus/module';
import { plugin as slaCompliance } from '../../src/panels/slacompliance/module';
import { REPO_ROOT } from './repoFiles';

const FILE = path.join(REPO_ROOT, 'schemas', 'appmon-panel-options.json');

const PANELS: Array<[id: string, plugin: PanelPlugin<any>]> = [
  ['appmon-alerttimeline-panel', alertTimeline],
  ['appmon-oncallstatus-panel', onCallStatus],
  ['appmon-slacompliance-panel', slaCompliance],
];

interface OptionSpec {
  path: string;
  /** The options pane editor: boolean, radio, select, number, text, field-name, ... */
  editor: string;
  /** The values a radio or select offers, when the builder lists them. */
  values?: unknown[];
}

function optionSpecs(plugin: PanelPlugin<any>): OptionSpec[] {
  return optionItems(plugin).map((item) => {
    const editor = standardEditorsRegistry.list().find((e) => e.editor === item.editor)?.id ?? 'custom';
    const options = (item.settings as { options?: Array<{ value: unknown }> } | undefined)?.options;
    return {
      path: item.path,
      editor,
      ...(Array.isArray(options) && options.length > 0 ? { values: options.map((o) => o.value) } : {}),
    };
  });
}

const actual = Object.fromEntries(PANELS.map(([id, plugin]) => [id, optionSpecs(plugin)]));

if (process.env.APPMON_WRITE_PANEL_OPTIONS === '1') {
  fs.writeFileSync(FILE, JSON.stringify(actual, null, 2) + '\n');
}

describe("AppMon panels' option paths", () => {
  const committed = JSON.parse(fs.readFileSync(FILE, 'utf8'));

  it.each(PANELS.map(([id]) => id))('%s matches appmon-panel-options.json', (id) => {
    expect(committed[id]).toEqual(actual[id]);
  });

  it('lists every AppMon panel and only them', () => {
    expect(Object.keys(committed).sort()).toEqual(PANELS.map(([id]) => id).sort());
  });

  it('knows the editor of every option', () => {
    for (const specs of Object.values(actual)) {
      expect(specs.filter((s) => s.editor === 'custom')).toEqual([]);
    }
  });
});
