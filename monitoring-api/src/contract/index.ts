// Public surface of the endpoint layer, for apps that mount it.
export { createMonitoringHandler } from './handler.js';
export type { Logger, MonitoringHandler, MonitoringHandlerOptions, NextFunction } from './handler.js';
export type { AuthKeys, Access, Role } from './auth.js';
export type { Interceptor, RequestContext, Route } from './router.js';
export { DROP_CONNECTION, jsonResponse, textResponse } from './http-response.js';
export type { HandlerOutcome, HttpResponse } from './http-response.js';
export { ApiError, errorResponse } from './errors.js';
export { PATHS } from './routes/index.js';
export type * from './source.js';
export type * from './types.js';
