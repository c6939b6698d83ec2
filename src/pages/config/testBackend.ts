import { DataSourceSettings } from './types';

/** A data source as Grafana's API answers it, for the editors' tests. */
export function dataSourceSettings(jsonData: Record<string, unknown>, extra: Partial<DataSourceSettings> = {}) {
  return {
    id: 1,
    uid: 'appmon',
    name: 'AppMon',
    type: 'appmon-endpoints-datasource',
    url: 'http://127.0.0.1:3001',
    access: 'proxy',
    isDefault: true,
    readOnly: false,
    version: 3,
    jsonData,
    secureJsonFields: { apiKey: true, adminKey: true },
    ...extra,
  } as DataSourceSettings;
}

/** The element holding both the control and its message: the Field around the control. */
export function fieldAround(control: HTMLElement, message: HTMLElement): HTMLElement {
  let el: HTMLElement | null = control;
  while (el && !el.contains(message)) {
    el = el.parentElement;
  }
  if (!el) {
    throw new Error('the message is not near the control');
  }
  return el;
}
