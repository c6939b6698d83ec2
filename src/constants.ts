import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;
export const DATASOURCE_TYPE = 'appmon-endpoints-datasource';
/** Tag carried by every dashboard this app provisions, so pages can list them. */
export const DASHBOARD_TAG = 'appmon';

export enum ROUTES {
  Home = 'home',
  Report = 'report',
  Overview = 'overview',
  OnCall = 'oncall',
}
