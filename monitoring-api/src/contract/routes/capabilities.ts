import { jsonResponse } from '../http-response.js';
import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import type { Capabilities, Extension } from '../types.js';
import { MAX_POINTS_PER_SERIES } from './history.js';
import { PATHS } from './paths.js';

export const CONTRACT_VERSION = '1.0';

/** What a client can discover before using the optional extensions. */
export function describeCapabilities(source: MonitoringSource): Capabilities {
  const extensions: Extension[] = [];
  if (source.metricsHistory) extensions.push('metrics.history');
  if (source.alertHistory) extensions.push('alerts.history');
  if (source.incidents) extensions.push('incidents');
  return {
    contract_version: CONTRACT_VERSION,
    extensions,
    retention: {
      metrics_days: source.metricsHistory?.retentionDays ?? 0,
      alerts_days: source.alertHistory?.retentionDays ?? 0,
      incidents_days: source.incidents?.retentionDays ?? 0,
    },
    history_resolution_seconds: source.metricsHistory ? [source.metricsHistory.resolutionSeconds] : [],
    max_points_per_series: MAX_POINTS_PER_SERIES,
  };
}

export function capabilityRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.capabilities,
      access: 'read',
      faultable: true,
      handle: () => jsonResponse(200, describeCapabilities(source)),
    },
  ];
}
