export const testIds = {
  appConfig: {
    container: 'data-testid appmon-app-config',
    toggle: 'data-testid appmon-app-toggle',
  },
  report: {
    container: 'data-testid appmon-sla-report',
  },
  home: {
    container: 'data-testid appmon-status-home',
  },
  schedule: {
    container: 'data-testid appmon-oncall-schedule',
  },
  overview: {
    container: 'data-testid appmon-overview',
    datasources: 'data-testid appmon-overview-datasources',
    dashboards: 'data-testid appmon-overview-dashboards',
  },
};
