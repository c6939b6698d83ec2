import { jsonResponse } from '../http-response.js';
import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import type { HealthReport, UptimeReport } from '../types.js';
import { PATHS } from './paths.js';

/** Health and uptime: public probes (a key is optional but checked if sent). */
export function statusRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.health,
      access: 'public',
      faultable: true,
      handle: () => {
        const health = source.health();
        const report: HealthReport = {
          status: health.status,
          health_score: health.health_score,
          timestamp: new Date(source.now()).toISOString(),
          services: health.services,
        };
        // Load balancers read the status code; the body is the same either way.
        return jsonResponse(report.status === 'unhealthy' ? 503 : 200, report);
      },
    },
    {
      method: 'GET',
      path: PATHS.uptime,
      access: 'public',
      faultable: true,
      handle: () => {
        const uptime = source.uptime();
        const report: UptimeReport = {
          status: uptime.status,
          timestamp: new Date(source.now()).toISOString(),
          uptime: uptime.uptime,
          sla: uptime.sla,
        };
        return jsonResponse(200, report);
      },
    },
  ];
}
