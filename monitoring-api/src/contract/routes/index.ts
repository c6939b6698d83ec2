import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import { alertRoutes } from './alerts.js';
import { capabilityRoutes } from './capabilities.js';
import { dashboardRoutes } from './dashboard.js';
import { historyRoutes } from './history.js';
import { incidentRoutes } from './incidents.js';
import { metricsRoutes } from './metrics.js';
import { statusRoutes } from './status.js';

/** Every contract route (core and extensions) backed by one source. */
export function contractRoutes(source: MonitoringSource): Route[] {
  return [
    ...statusRoutes(source),
    ...metricsRoutes(source),
    ...dashboardRoutes(source),
    ...alertRoutes(source),
    ...capabilityRoutes(source),
    ...historyRoutes(source),
    ...incidentRoutes(source),
  ];
}

export { PATHS } from './paths.js';
