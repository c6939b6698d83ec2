import { DataSourceSettings } from './types';

// Plain words, numbers and booleans stay bare; anything YAML could read as something else is quoted.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_ .\/@+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) {
    return 'null';
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(' ') && !s.includes(': ') && !s.includes(' #')
    ? s
    : JSON.stringify(s);
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

function block(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (typeof item === 'object' && item !== null && !isEmpty(item)) {
        const [first, ...rest] = block(item, indent + '  ');
        return [`${indent}- ${first.trimStart()}`, ...rest];
      }
      return [`${indent}- ${isEmpty(item) ? JSON.stringify(item) : scalar(item)}`];
    });
  }
  return Object.entries(v as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => {
      const k = scalar(key);
      if (typeof value === 'object' && value !== null && !isEmpty(value)) {
        return [`${indent}${k}:`, ...block(value, indent + '  ')];
      }
      return [`${indent}${k}: ${isEmpty(value) ? JSON.stringify(value) : scalar(value)}`];
    });
}

/**
 * The data source as a provisioning file entry, for data sources Grafana keeps read-only
 * because a file provisions them. Secrets are never shown: the file keeps its own secureJsonData.
 */
export function provisioningYaml(ds: DataSourceSettings): string {
  const entry: Record<string, unknown> = {
    name: ds.name,
    uid: ds.uid,
    type: ds.type,
    access: ds.access ?? 'proxy',
    url: ds.url,
    isDefault: ds.isDefault ?? false,
    jsonData: ds.jsonData,
  };
  const secrets = Object.entries(ds.secureJsonFields ?? {})
    .filter(([, set]) => set)
    .map(([k]) => k);
  const lines = ['apiVersion: 1', '', 'datasources:', ...block([entry], '  ')];
  if (secrets.length > 0) {
    lines.push(`    # secureJsonData: keep your file's ${secrets.join(', ')} (secrets never leave Grafana)`);
  }
  return lines.join('\n') + '\n';
}
