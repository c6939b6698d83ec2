// Which endpoint a request means, from its path, method and query.
import { PATHS } from '../contract/routes/paths.js';
import type { EndpointKey } from './types.js';

export function endpointKey(method: string, path: string, query: URLSearchParams): EndpointKey | undefined {
  switch (path) {
    case PATHS.health:
      return 'health';
    case PATHS.uptime:
      return 'uptime';
    case PATHS.metrics: {
      const format = query.get('format');
      if (format === 'prometheus') return 'metrics.prometheus';
      if (format === 'datadog') return 'metrics.datadog';
      return 'metrics';
    }
    case PATHS.alerts: {
      if (method === 'POST') return 'alerts.write';
      const action = query.get('action');
      if (action === 'configuration') return 'alerts.configuration';
      if (action === 'history') return 'alerts.history';
      return 'alerts.active';
    }
    case PATHS.dashboard:
      if (query.get('platform') === 'grafana') return 'dashboard.grafana';
      if (query.get('format') === 'html') return 'dashboard.html';
      return 'dashboard';
    case PATHS.capabilities:
      return 'capabilities';
    case PATHS.metricsHistory:
      return 'metrics.history';
    case PATHS.incidents:
      return 'incidents';
  }
  return undefined;
}
