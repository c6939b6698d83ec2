import { badRequest } from '../errors.js';
import { jsonResponse } from '../http-response.js';
import { parseEnumParam, parseSecondsParam, parseTimeRange } from '../params.js';
import type { RequestContext, Route } from '../router.js';
import type { MetricsHistorySource, MonitoringSource } from '../source.js';
import { METRIC_CATEGORIES, type MetricsHistoryReport } from '../types.js';
import { checkRetention, extensionMissing } from './extension-support.js';
import { PATHS } from './paths.js';

/** Points per series above which a query is refused (Grafana's own ceiling is similar). */
export const MAX_POINTS_PER_SERIES = 11_000;
/** Target when the caller gives no step. */
const DEFAULT_POINTS = 1_000;
const HOUR_MS = 3_600_000;

function roundUpToResolution(seconds: number, resolution: number): number {
  return Math.max(resolution, Math.ceil(seconds / resolution) * resolution);
}

function chooseStep(ctx: RequestContext, spanMs: number, history: MetricsHistorySource): number {
  const resolution = history.resolutionSeconds;
  const requested = parseSecondsParam(ctx.query, 'step');
  const step = roundUpToResolution(requested ?? spanMs / 1000 / DEFAULT_POINTS, resolution);
  const points = Math.ceil(spanMs / 1000 / step);
  if (points > MAX_POINTS_PER_SERIES) {
    const minimum = roundUpToResolution(spanMs / 1000 / MAX_POINTS_PER_SERIES, resolution);
    throw badRequest(
      'step',
      `${step} s over this range gives ${points} points per series, above the limit of ${MAX_POINTS_PER_SERIES}; use a step of at least ${minimum} s.`
    );
  }
  return step;
}

function queryHistory(source: MonitoringSource, ctx: RequestContext) {
  const history = source.metricsHistory;
  if (!history) {
    throw extensionMissing('metrics.history');
  }
  const name = ctx.query.get('name') || undefined;
  const category = parseEnumParam(ctx.query, 'category', METRIC_CATEGORIES);
  if (!name && !category) {
    throw badRequest('name', 'give a metric name, a category, or both (for example name=api.response_time.p95).');
  }
  if (name) {
    const descriptor = history.catalog().find((d) => d.name === name);
    if (!descriptor) {
      throw badRequest('name', `unknown metric "${name}"; GET /api/monitoring/metrics lists the names.`);
    }
    if (category && descriptor.category !== category) {
      throw badRequest('category', `metric "${name}" is in category "${descriptor.category}", not "${category}".`);
    }
  }
  const range = parseTimeRange(ctx.query, source.now(), HOUR_MS);
  checkRetention(range, history.retentionDays, 'metrics');
  const step = chooseStep(ctx, range.to - range.from, history);
  const report: MetricsHistoryReport = {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    step,
    series: history.query({
      ...(name ? { name } : {}),
      ...(category ? { category } : {}),
      from: range.from,
      to: range.to,
      stepSeconds: step,
    }),
  };
  return jsonResponse(200, report);
}

export function historyRoutes(source: MonitoringSource): Route[] {
  return [
    {
      method: 'GET',
      path: PATHS.metricsHistory,
      access: 'read',
      faultable: true,
      handle: (ctx) => queryHistory(source, ctx),
    },
  ];
}
