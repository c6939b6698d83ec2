import { jsonResponse } from '../http-response.js';
import { parseTimeRange } from '../params.js';
import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import { checkRetention, extensionMissing } from './extension-support.js';
import { PATHS } from './paths.js';

const DEFAULT_SPAN_MS = 30 * 86_400_000;

export function incidentRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.incidents,
      access: 'read',
      faultable: true,
      handle: (ctx) => {
        const incidents = source.incidents;
        if (!incidents) {
          throw extensionMissing('incidents');
        }
        const range = parseTimeRange(ctx.query, source.now(), DEFAULT_SPAN_MS);
        checkRetention(range, incidents.retentionDays, 'incidents');
        return jsonResponse(200, incidents.incidents(range));
      },
    },
  ];
}
