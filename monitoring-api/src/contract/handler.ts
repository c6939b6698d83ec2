// The mountable endpoint layer: a plain (req, res, next?) function that an
// existing node:http or express app can use. It owns routing, keys, rate
// limiting, parameter errors and formats; data comes from a MonitoringSource.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KeyAuthenticator, type AuthKeys, type Role } from './auth.js';
import { ApiError, apiErrorResponse, errorResponse } from './errors.js';
import { DROP_CONNECTION, type HandlerOutcome, type HttpResponse } from './http-response.js';
import { RateLimiter, type RateDecision } from './rate-limit.js';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './request-body.js';
import { Router, type Interceptor, type RequestContext, type Route } from './router.js';
import { contractRoutes } from './routes/index.js';
import type { MonitoringSource } from './source.js';

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface MonitoringHandlerOptions {
  source: MonitoringSource;
  keys: AuthKeys;
  /** Requests per minute per key (per client address without a key). */
  rateLimitPerMinute: number;
  /** More routes served with the same auth and limits (the admin API). */
  extraRoutes?: Route[];
  /** Outermost first; see Interceptor. */
  interceptors?: Interceptor[];
  logger?: Logger;
  maxBodyBytes?: number;
  /** Injectable for tests; defaults to performance.now. */
  rateLimitClock?: () => number;
}

export type NextFunction = (err?: unknown) => void;
export type MonitoringHandler = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

const SILENT_LOGGER: Logger = { info: () => undefined, error: () => undefined };

function normalizePath(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return { 'X-RateLimit-Limit': String(decision.limit), 'X-RateLimit-Remaining': String(decision.remaining) };
}

function rateLimitedResponse(decision: RateDecision): HttpResponse {
  return errorResponse(
    429,
    `Rate limit of ${decision.limit} requests per minute exceeded; retry after ${decision.retryAfterSeconds} s.`,
    { 'Retry-After': String(decision.retryAfterSeconds), ...rateLimitHeaders(decision) }
  );
}

export function createMonitoringHandler(options: MonitoringHandlerOptions): MonitoringHandler {
  const logger = options.logger ?? SILENT_LOGGER;
  const auth = new KeyAuthenticator(options.keys);
  const limiter = new RateLimiter(options.rateLimitPerMinute, options.rateLimitClock);
  const router = new Router([...contractRoutes(options.source), ...(options.extraRoutes ?? [])]);
  const interceptors = options.interceptors ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function runRoute(ctx: RequestContext, route: Route): Promise<HandlerOutcome> {
    const execute = async (): Promise<HttpResponse> => {
      try {
        return await route.handle(ctx);
      } catch (err) {
        if (err instanceof ApiError) {
          return apiErrorResponse(err);
        }
        logger.error(`${route.method} ${route.path} failed`, err);
        return errorResponse(500, 'The server failed to build this response; see the server log for details.');
      }
    };
    if (!route.faultable) {
      return execute();
    }
    // Compose interceptors around the route, outermost first.
    const chain = interceptors.reduceRight<() => Promise<HandlerOutcome>>(
      (next, interceptor) => () => interceptor(ctx, route, next as () => Promise<HttpResponse>),
      execute
    );
    return chain();
  }

  async function respond(req: IncomingMessage, url: URL, route: Route): Promise<HandlerOutcome> {
    let role: Role;
    try {
      role = auth.identify(req.headers, url.searchParams);
    } catch (err) {
      // Failed key checks count against the caller's address, which bounds key guessing.
      const decision = limiter.take(`ip:${req.socket.remoteAddress ?? 'unknown'}`);
      return decision.allowed ? apiErrorResponse(err as ApiError) : rateLimitedResponse(decision);
    }
    const bucket = role === 'anonymous' ? `ip:${req.socket.remoteAddress ?? 'unknown'}` : `key:${role}`;
    const decision = limiter.take(bucket);
    if (!decision.allowed) {
      return rateLimitedResponse(decision);
    }
    try {
      auth.authorize(role, route.access);
    } catch (err) {
      return apiErrorResponse(err as ApiError);
    }
    const ctx: RequestContext = {
      method: req.method ?? 'GET',
      path: route.path,
      query: url.searchParams,
      headers: req.headers,
      role,
      readJson: () => readJsonBody(req, maxBodyBytes),
    };
    const outcome = await runRoute(ctx, route);
    if (outcome !== DROP_CONNECTION) {
      Object.assign(outcome.headers, rateLimitHeaders(decision));
    }
    return outcome;
  }

  function write(req: IncomingMessage, res: ServerResponse, outcome: HandlerOutcome): void {
    if (outcome === DROP_CONNECTION) {
      req.socket.destroy();
      return;
    }
    const body = typeof outcome.body === 'string' ? Buffer.from(outcome.body, 'utf8') : outcome.body;
    res.writeHead(outcome.status, {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...outcome.headers,
      'Content-Length': String(body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalizePath(url.pathname);
    const match = router.match(req.method ?? 'GET', path);
    if (match.kind === 'not_found') {
      if (next) {
        next();
        return;
      }
      write(req, res, errorResponse(404, `No endpoint at ${path}; openapi.yaml lists the endpoints of the contract.`));
      return;
    }
    if (match.kind === 'wrong_method') {
      const allowed = match.allowed.join(', ');
      write(
        req,
        res,
        errorResponse(405, `${req.method ?? ''} is not supported on ${path}; use ${allowed}.`, { Allow: allowed })
      );
      return;
    }
    respond(req, url, match.route).then(
      (outcome) => write(req, res, outcome),
      (err: unknown) => {
        logger.error(`${req.method ?? ''} ${path} failed`, err);
        if (!res.headersSent) {
          write(req, res, errorResponse(500, 'Unexpected server error; see the server log for details.'));
        }
      }
    );
  };
}
