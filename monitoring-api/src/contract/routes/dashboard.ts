import { buildDashboard } from '../formats/dashboard-summary.js';
import { renderDashboardHtml } from '../formats/dashboard-html.js';
import { buildGrafanaDashboard } from '../formats/grafana-dashboard.js';
import { HTML_CONTENT_TYPE, jsonResponse, textResponse } from '../http-response.js';
import { parseEnumParam } from '../params.js';
import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import { PATHS } from './paths.js';

const FORMATS = ['json', 'html'] as const;
const PLATFORMS = ['grafana'] as const;

export function dashboardRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.dashboard,
      access: 'read',
      faultable: true,
      handle: (ctx) => {
        const format = parseEnumParam(ctx.query, 'format', FORMATS, 'json');
        const platform = parseEnumParam(ctx.query, 'platform', PLATFORMS);
        if (platform === 'grafana') {
          return jsonResponse(200, buildGrafanaDashboard());
        }
        const report = buildDashboard(source);
        if (format === 'html') {
          return textResponse(200, HTML_CONTENT_TYPE, renderDashboardHtml(report, source.alerts.active()));
        }
        return jsonResponse(200, report);
      },
    },
  ];
}
