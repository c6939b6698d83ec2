// Grafana dashboard JSON model (import format, with a data source input) for
// the seed's "?platform=grafana". Panels query the AppMon data source; the
// target fields (queryType, category, metricName, alertsAction) follow its query model.
const DATASOURCE = { type: 'appmon-endpoints-datasource', uid: '${DS_APPMON}' };

interface PanelSpec {
  title: string;
  type: 'stat' | 'timeseries' | 'table';
  unit: string;
  target: Record<string, string>;
  width: number;
}

const PANELS: PanelSpec[] = [
  { title: 'Health score', type: 'stat', unit: 'none', target: { queryType: 'health' }, width: 6 },
  { title: 'Uptime', type: 'stat', unit: 'percent', target: { queryType: 'uptime' }, width: 6 },
  { title: 'Active alerts', type: 'table', unit: 'none', target: { queryType: 'alerts', alertsAction: 'active' }, width: 12 },
  {
    title: 'p95 response time',
    type: 'timeseries',
    unit: 'ms',
    target: metric('api', 'api.response_time.p95'),
    width: 12,
  },
  { title: 'Error rate', type: 'timeseries', unit: 'percent', target: metric('api', 'api.error_rate'), width: 12 },
  { title: 'Requests', type: 'timeseries', unit: 'reqps', target: metric('api', 'api.requests.rate'), width: 12 },
  {
    title: 'Memory usage',
    type: 'timeseries',
    unit: 'percent',
    target: metric('system', 'system.memory.usage'),
    width: 12,
  },
  {
    title: 'Payment success',
    type: 'timeseries',
    unit: 'percent',
    target: metric('business', 'payments.success_rate'),
    width: 12,
  },
  {
    title: 'Revenue today',
    type: 'stat',
    unit: 'currencyUSD',
    target: metric('business', 'payments.revenue.total'),
    width: 12,
  },
];

function metric(category: string, name: string): Record<string, string> {
  return { queryType: 'metrics', category, metricName: name };
}

export function buildGrafanaDashboard(): Record<string, unknown> {
  let x = 0;
  let y = 0;
  const panels = PANELS.map((spec, index) => {
    if (x + spec.width > 24) {
      x = 0;
      y += 8;
    }
    const panel = {
      id: index + 1,
      title: spec.title,
      type: spec.type,
      datasource: DATASOURCE,
      gridPos: { h: 8, w: spec.width, x, y },
      fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
      options: {},
      targets: [{ refId: 'A', datasource: DATASOURCE, ...spec.target }],
    };
    x += spec.width;
    return panel;
  });
  return {
    __inputs: [
      {
        name: 'DS_APPMON',
        label: 'AppMon endpoints',
        description: 'The AppMon data source pointed at this application',
        type: 'datasource',
        pluginId: 'appmon-endpoints-datasource',
        pluginName: 'AppMon endpoints',
      },
    ],
    title: 'Application monitoring',
    uid: 'appmon-endpoint-overview',
    tags: ['appmon'],
    editable: true,
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    panels,
  };
}
