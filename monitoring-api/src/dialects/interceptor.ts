// Runs a dialect around the contract routes. It sits inside the fault
// injector, so injected faults still hit the dialect's bodies. Requests
// with the admin key get the contract's own shapes: tests compare what a
// client reads from the dialect with the figures behind it.
import type { HttpResponse } from '../contract/http-response.js';
import type { Interceptor } from '../contract/router.js';
import { endpointKey } from './endpoint.js';
import type { Dialect, DialectRequest } from './types.js';

export function dialectInterceptor(dialect: Dialect): Interceptor {
  return async (ctx, route, next) => {
    const key = endpointKey(ctx.method, route.path, ctx.query);
    if (!key || ctx.role === 'admin') return next();
    const handler = dialect.endpoints[key];
    if (!handler) return dialect.notFound(route.path);
    const original = new URLSearchParams(ctx.query);
    const req: DialectRequest = {
      path: route.path,
      query: original,
      reference: (overrides = {}): Promise<HttpResponse> => {
        // The route reads ctx.query when it runs, so overrides go there.
        for (const key of [...ctx.query.keys()]) ctx.query.delete(key);
        for (const [key, value] of original) ctx.query.append(key, value);
        for (const [key, value] of Object.entries(overrides)) {
          if (value === null) ctx.query.delete(key);
          else ctx.query.set(key, value);
        }
        return next();
      },
    };
    return handler(req);
  };
}
