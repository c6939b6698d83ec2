// Responses are built as values first and written last, so interceptors (the
// admin fault injector) can delay, replace or corrupt them before they leave.

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Returned by an interceptor to close the socket without any response. */
export const DROP_CONNECTION = Symbol('drop-connection');
export type HandlerOutcome = HttpResponse | typeof DROP_CONNECTION;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function textResponse(status: number, contentType: string, body: string): HttpResponse {
  return { status, headers: { 'Content-Type': contentType }, body };
}
