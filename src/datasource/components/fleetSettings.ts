/**
 * jsonData "fleet": the instances one data source reads (backend: pkg/settings/fleet.go).
 * No key means one instance at the data source URL.
 */
export type FleetRecord = 'A' | 'AAAA' | 'SRV';

export interface FleetDiscovery {
  name?: string;
  record?: FleetRecord;
  port?: number;
  refreshSeconds?: number;
}

export interface FleetSettings {
  instances?: string[];
  discovery?: FleetDiscovery;
  maxConcurrency?: number;
}

export interface FleetJsonData {
  fleet?: FleetSettings;
}

export type FleetMode = 'single' | 'list' | 'dns';

// The backend's bounds (pkg/settings/fleet.go).
export const FLEET_LIMITS = {
  maxInstances: 1000,
  maxConcurrency: { min: 1, max: 256, default: 16 },
  refreshSeconds: { min: 5, max: 3600, default: 30 },
  port: { min: 1, max: 65535 },
} as const;

export function fleetMode(fleet: FleetSettings | undefined): FleetMode {
  if (!fleet) {
    return 'single';
  }
  return fleet.discovery ? 'dns' : 'list';
}

/**
 * The fleet settings of a mode, carrying over what applies: the concurrency, and the list or
 * the discovery kept from before. A new list starts with the data source URL.
 */
export function switchMode(
  mode: FleetMode,
  current: FleetSettings | undefined,
  remembered: { instances?: string[]; discovery?: FleetDiscovery },
  dataSourceURL: string | undefined
): FleetSettings | undefined {
  const maxConcurrency = current?.maxConcurrency;
  switch (mode) {
    case 'single':
      return undefined;
    case 'list': {
      const url = (dataSourceURL ?? '').trim();
      const instances = remembered.instances ?? (url !== '' ? [url] : ['']);
      return { instances, maxConcurrency };
    }
    case 'dns':
      return { discovery: remembered.discovery ?? { record: 'A' }, maxConcurrency };
  }
}

/** What is wrong with one instance's base URL, in the backend's words; undefined when usable. */
export function instanceURLProblem(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') {
    return "Write the instance's base URL, like http://10.0.0.1:4000.";
  }
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return 'Not a base URL: use http:// or https:// and a host, like http://10.0.0.1:4000.';
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') {
    return 'Not a base URL: use http:// or https:// and a host, like http://10.0.0.1:4000.';
  }
  if (u.username !== '' || u.password !== '') {
    return 'Remove the user name and password: the API key goes in the API key field, which is stored encrypted.';
  }
  if (u.search !== '' || u.hash !== '' || text.includes('?') || text.includes('#')) {
    return 'Use only the base URL, without a query string or fragment.';
  }
  return undefined;
}

/** host:port with the scheme's default port, as the backend tells instances apart. */
function instanceKey(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return `${u.hostname.toLowerCase()}:${port}`;
  } catch {
    return undefined;
  }
}

/** Problems per row of the list: a bad URL, or the same instance as an earlier row. */
export function instanceProblems(instances: string[]): Array<string | undefined> {
  const seen = new Map<string, number>();
  return instances.map((raw, i) => {
    const problem = instanceURLProblem(raw);
    if (problem) {
      return problem;
    }
    const key = instanceKey(raw);
    if (key === undefined) {
      return undefined;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      return `The same instance as row ${first + 1}; list each instance once.`;
    }
    seen.set(key, i);
    return undefined;
  });
}

// The backend's DNS name rule: labels of letters, digits, '-' and '_', an optional final dot.
const DNS_NAME =
  /^([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/;

export function dnsNameProblem(raw: string | undefined): string | undefined {
  const name = (raw ?? '').trim();
  if (name === '') {
    return 'Write the DNS name that lists the instances, like app.internal.';
  }
  if (/[:/]/.test(name)) {
    return 'Only the name, like app.internal: the scheme and path come from the URL, the port from the port field.';
  }
  if (name.length > 253 || !DNS_NAME.test(name)) {
    return "Not a DNS name: use letters, digits, '-', '_' and dots, like app.internal.";
  }
  return undefined;
}

/** What is wrong with a number setting; undefined when it is unset (the default) or usable. */
export function numberProblem(value: number | undefined, min: number, max: number, whole = true): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if ((whole && !Number.isInteger(value)) || value < min || value > max) {
    return `Set ${whole ? 'a whole number' : 'a number'} between ${min} and ${max}.`;
  }
  return undefined;
}

/** The number typed into an input; empty is unset. */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
