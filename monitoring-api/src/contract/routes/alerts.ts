import { ApiError, badRequest } from '../errors.js';
import { jsonResponse, type HttpResponse } from '../http-response.js';
import { parseEnumParam, parseTimeRange } from '../params.js';
import type { RequestContext, Route } from '../router.js';
import type { AlertActionResult, MonitoringSource } from '../source.js';
import { SEVERITIES } from '../types.js';
import { parseAlertAction } from './alert-actions.js';
import { PATHS } from './paths.js';
import { checkRetention, extensionMissing } from './extension-support.js';

const ACTIONS = ['active', 'configuration', 'history'] as const;
const DAY_MS = 86_400_000;

function listAlerts(source: MonitoringSource, ctx: RequestContext): HttpResponse {
  const action = parseEnumParam(ctx.query, 'action', ACTIONS, 'active');
  const now = source.now();
  if (action === 'configuration') {
    return jsonResponse(200, source.alerts.configuration());
  }
  if (action === 'active') {
    const alerts = source.alerts.active();
    return jsonResponse(200, { timestamp: new Date(now).toISOString(), count: alerts.length, alerts });
  }
  const history = source.alertHistory;
  if (!history) {
    throw extensionMissing('alerts.history');
  }
  const range = parseTimeRange(ctx.query, now, DAY_MS);
  checkRetention(range, history.retentionDays, 'alerts');
  const severity = parseEnumParam(ctx.query, 'severity', SEVERITIES);
  const alerts = history.history(range, severity);
  return jsonResponse(200, { count: alerts.length, alerts });
}

function actionResult(result: AlertActionResult, id: string, verb: string): HttpResponse {
  if (result.ok) {
    return jsonResponse(200, { alert: result.alert });
  }
  if (result.reason === 'not_found') {
    throw new ApiError(404, `No alert with id "${id}"; GET /api/monitoring/alerts?action=active lists current ids.`);
  }
  throw new ApiError(409, `Alert "${id}" is already resolved and cannot be ${verb}.`);
}

async function changeAlerts(source: MonitoringSource, ctx: RequestContext): Promise<HttpResponse> {
  const action = parseAlertAction(await ctx.readJson());
  switch (action.action) {
    case 'test': {
      const result = await source.alerts.testChannel(action.channel);
      if (!result) {
        const channels = source.alerts
          .configuration()
          .channels.map((c) => c.name)
          .join(', ');
        throw badRequest('channel', `unknown channel "${action.channel}"; configured channels: ${channels}.`);
      }
      return jsonResponse(200, result);
    }
    case 'trigger':
      return jsonResponse(201, { alert: source.alerts.trigger(action) });
    case 'acknowledge':
      return actionResult(source.alerts.acknowledge(action.id), action.id, 'acknowledged');
    case 'resolve':
      return actionResult(source.alerts.resolve(action.id), action.id, 'resolved');
  }
}

export function alertRoutes(source: MonitoringSource): Route[] {
  return [
    { method: 'GET', path: PATHS.alerts, access: 'read', faultable: true, handle: (ctx) => listAlerts(source, ctx) },
    {
      method: 'POST',
      path: PATHS.alerts,
      access: 'admin',
      faultable: true,
      handle: (ctx) => changeAlerts(source, ctx),
    },
  ];
}
