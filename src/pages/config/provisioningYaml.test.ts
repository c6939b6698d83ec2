import { parse } from 'yaml';

import { provisioningYaml } from './provisioningYaml';

describe('provisioningYaml', () => {
  const ds = {
    id: 1,
    uid: 'appmon',
    name: 'AppMon',
    type: 'appmon-endpoints-datasource',
    url: 'http://127.0.0.1:3001',
    isDefault: true,
    readOnly: true,
    jsonData: {
      timeoutSeconds: 10,
      allowedRedirectHosts: [],
      slos: [
        {
          id: 'availability',
          kind: 'availability',
          target: 99.9,
          window: 'calendar_month',
          time_zone: 'Europe/Berlin',
        },
        { id: 'yes', title: 'Latency: p95 # fast', kind: 'latency', target: 99, window: '30d', threshold_ms: 2000 },
      ],
      oncall: {
        layers: [{ name: 'primary', members: [{ name: 'Ana', contact: '+49 30 1234' }], handoff_time: '09:00' }],
        overrides: [],
      },
    },
    secureJsonFields: { apiKey: true, adminKey: false },
  };

  it('reads back as the same data source entry, without secrets', () => {
    const text = provisioningYaml(ds);
    const file = parse(text);
    expect(file.apiVersion).toBe(1);
    expect(file.datasources).toEqual([
      {
        name: 'AppMon',
        uid: 'appmon',
        type: 'appmon-endpoints-datasource',
        access: 'proxy',
        url: 'http://127.0.0.1:3001',
        isDefault: true,
        jsonData: ds.jsonData,
      },
    ]);
    expect(text).toContain("keep your file's apiKey (secrets never leave Grafana)");
    expect(text).not.toContain('adminKey');
  });

  it('quotes strings YAML would read as other types', () => {
    const text = provisioningYaml({ ...ds, jsonData: { a: 'true', b: '09:00', c: '', d: '0.5', e: 'off' } });
    expect(parse(text).datasources[0].jsonData).toEqual({ a: 'true', b: '09:00', c: '', d: '0.5', e: 'off' });
  });
});
