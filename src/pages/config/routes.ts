import { PLUGIN_BASE_URL } from '../../constants';

/** The configuration pages live under /a/<app>/config (the "Configuration" entry of the app's menu). */
export const CONFIG_ROUTE = 'config';
export const CONFIG_TABS = { objectives: 'objectives', oncall: 'oncall' } as const;
export const ROTA_EDITOR_URL = `${PLUGIN_BASE_URL}/${CONFIG_ROUTE}/${CONFIG_TABS.oncall}`;
export const OBJECTIVES_EDITOR_URL = `${PLUGIN_BASE_URL}/${CONFIG_ROUTE}/${CONFIG_TABS.objectives}`;
export const CONFIG_TEST_ID = 'data-testid appmon-config';
