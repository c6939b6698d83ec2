// Loads a built plugin as Grafana does: System.import of public/plugins/<id>/module.js,
// then the `plugin` export must be an instance of the host's own plugin classes (a
// plugin that bundles its own @grafana/data fails here, as it would in Grafana).
import { AppPlugin, DataSourcePlugin, GrafanaPlugin, PanelPlugin, PluginMeta } from '@grafana/data';

import { System } from './shared';

const classes = { app: AppPlugin, datasource: DataSourcePlugin, panel: PanelPlugin } as const;

export type PluginType = keyof typeof classes;

export async function loadMeta(id: string): Promise<PluginMeta> {
  const baseUrl = `public/plugins/${id}`;
  const res = await fetch(`/${baseUrl}/plugin.json`);
  if (!res.ok) {
    throw new Error(`${baseUrl}/plugin.json: ${res.status}`);
  }
  const json = await res.json();
  return { ...json, baseUrl, module: `${baseUrl}/module.js`, enabled: true, pinned: true, jsonData: {} };
}

export async function loadPlugin<T extends GrafanaPlugin>(id: string, type: PluginType): Promise<T> {
  const meta = await loadMeta(id);
  const mod = await System.import(`/${meta.module}`);
  const plugin = mod.plugin as T | undefined;
  if (!plugin) {
    throw new Error(`${meta.module} has no "plugin" export (exports: ${Object.keys(mod).join(', ') || 'none'})`);
  }
  if (!(plugin instanceof classes[type])) {
    const got = (plugin as object).constructor?.name || 'class from another copy of @grafana/data';
    throw new Error(
      `${meta.module}: "plugin" is a ${got}, not an instance of the host's ${classes[type].name} ` +
        '(is @grafana/data bundled instead of shared?)'
    );
  }
  plugin.meta = meta;
  if (plugin instanceof AppPlugin) {
    plugin.init(meta as never);
  }
  return plugin;
}
