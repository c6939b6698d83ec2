import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface Target {
  refId: string;
  datasource?: { type?: string; uid?: string };
  queryType?: string;
  metricName?: string;
  [key: string]: unknown;
}

export interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  gridPos: { x: number; y: number; w: number; h: number };
  fieldConfig?: { defaults?: { unit?: string; thresholds?: unknown } };
  timeShift?: string;
}

export interface Dashboard {
  uid: string;
  title: string;
  tags: string[];
  links: Array<{ type: string; tags?: string[] }>;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query?: unknown }> };
}

export function readDashboards(): Array<{ file: string; dashboard: Dashboard }> {
  const dir = path.join(REPO_ROOT, 'dashboards');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, dashboard: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Dashboard }));
}

export function readYaml<T>(relativePath: string): T {
  return parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8')) as T;
}

/** Panels that show data (rows only group them). */
export function dataPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.filter((p) => p.type !== 'row');
}

/** NAME=value lines of an env file (blank lines and # comments skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) {
      throw new Error(`not NAME=value: ${line}`);
    }
    out[m[1]] = m[2];
  }
  return out;
}

/** Replaces ${NAME} as Grafana does at startup; a name without a value is an error. */
export function expandEnv(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    if (!(name in values)) {
      throw new Error(`\${${name}} is used without a default in thresholds.env`);
    }
    return values[name];
  });
}
