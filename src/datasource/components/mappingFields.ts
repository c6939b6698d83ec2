/**
 * Response mappings (jsonData.mappings): per endpoint, JSONPath expressions saying where the data is
 * in a response whose shape the backend cannot guess. The backend (pkg/parse/mapping.go) validates
 * and applies them; this file only describes the form.
 */

export type MappingEndpoint = 'alerts' | 'metrics' | 'health' | 'dashboard' | 'uptime';

export interface EndpointMapping {
  root?: string;
  items?: string;
  fields?: Record<string, string>;
  services?: string;
  serviceFields?: Record<string, string>;
  summary?: Record<string, string>;
}

export type Mappings = Partial<Record<MappingEndpoint, EndpointMapping>>;

/** The jsonData key the backend reads (pkg/settings/mappings.go). */
export interface MappingJsonData {
  mappings?: Mappings;
}

/** A path setting of one endpoint: root, items or services. */
export type PathKey = 'root' | 'items' | 'services';
/** A group of field paths of one endpoint. */
export type GroupKey = 'fields' | 'serviceFields' | 'summary';

export interface FieldGroup {
  key: GroupKey;
  label: string;
  /** Relative to what the paths are read from, in the user's words. */
  relativeTo: string;
  names: string[];
}

export interface EndpointForm {
  endpoint: MappingEndpoint;
  label: string;
  path: string;
  paths: Array<{ key: PathKey; label: string; description: string; placeholder: string }>;
  groups: FieldGroup[];
}

const ROOT = {
  key: 'root' as const,
  label: 'Root',
  description: 'The object the other paths start from. Empty: the whole response.',
  placeholder: '$.result',
};

const SERVICES = {
  key: 'services' as const,
  label: 'Services',
  description: 'The dependencies: a list, its elements, or an object keyed by service name.',
  placeholder: '$.checks[*]',
};

const SERVICE_FIELDS: FieldGroup = {
  key: 'serviceFields',
  label: 'Service fields',
  relativeTo: 'each service',
  names: ['name', 'status', 'responseTime', 'error'],
};

/** One entry per endpoint, in the order of the contract; names match the backend's. */
export const ENDPOINT_FORMS: EndpointForm[] = [
  {
    endpoint: 'alerts',
    label: 'Alerts',
    path: '/api/monitoring/alerts',
    paths: [
      ROOT,
      {
        key: 'items',
        label: 'Alert list',
        description: 'Where the alerts are: a list, its elements, or an object keyed by alert id.',
        placeholder: '$.payload.alertList[*]',
      },
    ],
    groups: [
      {
        key: 'fields',
        label: 'Alert fields',
        relativeTo: 'each alert',
        names: [
          'id',
          'name',
          'severity',
          'status',
          'startedAt',
          'value',
          'threshold',
          'metric',
          'rule',
          'description',
          'acknowledgedAt',
          'resolvedAt',
          'escalationLevel',
          'labels',
          'runbookUrl',
        ],
      },
    ],
  },
  {
    endpoint: 'metrics',
    label: 'Metrics',
    path: '/api/monitoring/metrics',
    paths: [
      ROOT,
      {
        key: 'items',
        label: 'Metric list',
        description: 'Where the metrics are: a list, its elements, or an object keyed by metric name.',
        placeholder: '$.data.metrics[*]',
      },
    ],
    groups: [
      {
        key: 'fields',
        label: 'Metric fields',
        relativeTo: 'each metric',
        names: ['name', 'value', 'unit', 'category', 'description', 'labels', 'timestamp'],
      },
    ],
  },
  {
    endpoint: 'health',
    label: 'Health',
    path: '/api/health/check',
    paths: [ROOT, SERVICES],
    groups: [
      { key: 'fields', label: 'Health fields', relativeTo: 'the root', names: ['status', 'score', 'timestamp'] },
      SERVICE_FIELDS,
    ],
  },
  {
    endpoint: 'dashboard',
    label: 'Dashboard',
    path: '/api/monitoring/dashboard',
    paths: [ROOT, SERVICES],
    groups: [
      {
        key: 'fields',
        label: 'Dashboard fields',
        relativeTo: 'the root',
        names: ['status', 'healthScore', 'uptimePercentage', 'timestamp'],
      },
      {
        key: 'summary',
        label: 'Summary figures',
        relativeTo: 'the root',
        names: [
          'requests_per_minute',
          'error_rate',
          'response_time_p95',
          'active_alerts',
          'payments_success_rate',
          'revenue_today',
          'active_users',
        ],
      },
      SERVICE_FIELDS,
    ],
  },
  {
    endpoint: 'uptime',
    label: 'Uptime',
    path: '/api/monitoring/uptime',
    paths: [ROOT],
    groups: [
      {
        key: 'fields',
        label: 'Uptime fields',
        relativeTo: 'the root',
        names: [
          'status',
          'percentage',
          'seconds',
          'formatted',
          'slaTarget',
          'compliant',
          'uptimeCompliant',
          'errorRateCompliant',
          'timestamp',
        ],
      },
    ],
  },
];

/**
 * Drops empty paths and groups so saved settings stay minimal and "no mapping" is absent. Values are
 * kept as typed (the backend trims them): trimming here would eat a space typed inside a path.
 */
function prune(m: EndpointMapping): EndpointMapping | undefined {
  const out: EndpointMapping = {};
  for (const key of ['root', 'items', 'services'] as const) {
    const v = m[key];
    if (v && v.trim() !== '') {
      out[key] = v;
    }
  }
  for (const key of ['fields', 'serviceFields', 'summary'] as const) {
    const group = Object.entries(m[key] ?? {}).filter(([, v]) => v.trim() !== '');
    if (group.length > 0) {
      out[key] = Object.fromEntries(group);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Sets one path of one endpoint; an emptied mapping disappears. */
export function setMappingPath(
  mappings: Mappings | undefined,
  endpoint: MappingEndpoint,
  key: PathKey,
  value: string
): Mappings | undefined {
  return replace(mappings, endpoint, { ...mappings?.[endpoint], [key]: value });
}

/** Sets one field path of one endpoint's group. */
export function setMappingField(
  mappings: Mappings | undefined,
  endpoint: MappingEndpoint,
  group: GroupKey,
  name: string,
  value: string
): Mappings | undefined {
  const current = mappings?.[endpoint] ?? {};
  return replace(mappings, endpoint, { ...current, [group]: { ...current[group], [name]: value } });
}

function replace(mappings: Mappings | undefined, endpoint: MappingEndpoint, next: EndpointMapping) {
  const out: Mappings = { ...mappings };
  const pruned = prune(next);
  if (pruned) {
    out[endpoint] = pruned;
  } else {
    delete out[endpoint];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The candidate sent to the preview: what is typed, pruned; {} previews the endpoint unmapped. */
export function candidate(mappings: Mappings | undefined, endpoint: MappingEndpoint): EndpointMapping {
  return prune(mappings?.[endpoint] ?? {}) ?? {};
}
