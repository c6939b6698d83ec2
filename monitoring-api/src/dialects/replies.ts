// Building blocks for dialect handlers: reshape the reference body, pass it
// through, or answer the way a framework answers by itself.
import { jsonResponse, textResponse, type HttpResponse } from '../contract/http-response.js';
import type { DialectRequest, EndpointHandler } from './types.js';

export { jsonResponse as json, textResponse as text };

/** Reshapes the reference JSON body; errors and non-JSON bodies pass unchanged. */
export function reshape<T>(
  transform: (body: T, req: DialectRequest) => unknown,
  overrides?: Record<string, string | null>
): EndpointHandler {
  return async (req) => {
    const ref = await req.reference(overrides);
    const isJson = (ref.headers['Content-Type'] ?? '').startsWith('application/json');
    // Health answers 503 when unhealthy with the full report, so it is reshaped too.
    if (!isJson || (ref.status >= 300 && ref.status !== 503)) return ref;
    const body = JSON.parse(ref.body.toString()) as T;
    return jsonResponse(ref.status, transform(body, req));
  };
}

/** The reference response unchanged (a part this dialect implements to the letter). */
export const passthrough: EndpointHandler = (req) => req.reference();

/** Always the same answer, whatever the reference says. */
export function fixed(response: HttpResponse): EndpointHandler {
  return async () => response;
}

/** A fresh response per request: the body may depend on the query. */
export function answer(build: (req: DialectRequest) => HttpResponse): EndpointHandler {
  return async (req) => build(req);
}

/** 200 whatever the health: frameworks whose health page reports in the body only. */
export function alwaysOk(handler: EndpointHandler): EndpointHandler {
  return async (req) => {
    const res = await handler(req);
    return res.status === 503 ? { ...res, status: 200 } : res;
  };
}
