import { formatDatadog } from '../formats/datadog.js';
import { formatPrometheus } from '../formats/prometheus.js';
import { jsonResponse, PROMETHEUS_CONTENT_TYPE, textResponse } from '../http-response.js';
import { parseEnumParam } from '../params.js';
import type { Route } from '../router.js';
import type { MonitoringSource } from '../source.js';
import { METRIC_CATEGORIES, type MetricsReport } from '../types.js';
import { PATHS } from './paths.js';

const FORMATS = ['json', 'prometheus', 'datadog'] as const;

export function metricsRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.metrics,
      access: 'read',
      faultable: true,
      handle: (ctx) => {
        const format = parseEnumParam(ctx.query, 'format', FORMATS, 'json');
        const category = parseEnumParam(ctx.query, 'category', METRIC_CATEGORIES);
        const all = source.metrics();
        const samples = category ? all.filter((s) => s.category === category) : all;
        const now = source.now();
        if (format === 'prometheus') {
          return textResponse(200, PROMETHEUS_CONTENT_TYPE, formatPrometheus(samples));
        }
        if (format === 'datadog') {
          return jsonResponse(200, formatDatadog(samples, now));
        }
        const report: MetricsReport = {
          timestamp: new Date(now).toISOString(),
          category: category ?? 'all',
          metrics: samples,
        };
        return jsonResponse(200, report);
      },
    },
  ];
}
