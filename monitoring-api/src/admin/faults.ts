// Fault injection for tests and demos: makes a contract endpoint slow, fail
// with a status, return broken JSON, an HTML error page, an oversized body,
// or drop the connection. Faults apply after the key check and rate limit,
// to the first matching fault in creation order, and never to admin routes.
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorResponse } from '../contract/errors.js';
import {
  DROP_CONNECTION,
  HTML_CONTENT_TYPE,
  textResponse,
  type HandlerOutcome,
  type HttpResponse,
} from '../contract/http-response.js';
import type { Interceptor } from '../contract/router.js';

export const FAULT_MODES = ['latency', 'status', 'malformed', 'html', 'oversized', 'drop'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const MAX_LATENCY_MS = 120_000;
export const MAX_OVERSIZED_BYTES = 100_000_000;
const DEFAULT_LATENCY_MS = 2_000;
const DEFAULT_STATUS = 503;
const DEFAULT_HTML_STATUS = 502;
const DEFAULT_OVERSIZED_BYTES = 20_000_000;

export interface FaultSpec {
  endpoint: string;
  mode: FaultMode;
  latency_ms?: number;
  status?: number;
  size_bytes?: number;
  count?: number;
}

export interface Fault {
  id: string;
  endpoint: string;
  mode: FaultMode;
  /** Delay before the (possibly faulty) response, ms. */
  latency_ms: number;
  /** Status of "status" and "html" faults, null otherwise. */
  status: number | null;
  /** Body size of "oversized" faults, null otherwise. */
  size_bytes: number | null;
  /** Requests this fault still applies to; null means until cleared. */
  remaining: number | null;
}

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: `f-${this.nextId++}`,
      endpoint: spec.endpoint,
      mode: spec.mode,
      latency_ms: spec.latency_ms ?? (spec.mode === 'latency' ? DEFAULT_LATENCY_MS : 0),
      status:
        spec.mode === 'status'
          ? (spec.status ?? DEFAULT_STATUS)
          : spec.mode === 'html'
            ? (spec.status ?? DEFAULT_HTML_STATUS)
            : null,
      size_bytes: spec.mode === 'oversized' ? (spec.size_bytes ?? DEFAULT_OVERSIZED_BYTES) : null,
      remaining: spec.count ?? null,
    };
    this.faults.push(fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /** The fault for a request to `path`, counting it as used. */
  take(path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.endpoint === '*' || f.endpoint === path);
    if (!fault) return undefined;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return { ...fault };
  }
}

function bodyText(response: HttpResponse): string {
  return typeof response.body === 'string' ? response.body : response.body.toString('utf8');
}

/** The first half of the real body, then an unterminated string: no JSON parser accepts it. */
function malformed(response: HttpResponse): HttpResponse {
  const text = bodyText(response);
  return { ...response, body: `${text.slice(0, Math.floor(text.length / 2))}{"` };
}

/** The real body padded with newlines (JSON whitespace, blank exposition lines) to the size. */
function oversized(response: HttpResponse, size: number): HttpResponse {
  const body = Buffer.from(bodyText(response), 'utf8');
  if (body.length >= size) return response;
  return { ...response, body: Buffer.concat([body, Buffer.alloc(size - body.length, 0x0a)]) };
}

/** What a reverse proxy in front of a dead application sends. */
function htmlErrorPage(status: number): HttpResponse {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return textResponse(
    status,
    HTML_CONTENT_TYPE,
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n<body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`
  );
}

export function faultInterceptor(store: FaultStore): Interceptor {
  return async (_ctx, route, next): Promise<HandlerOutcome> => {
    const fault = store.take(route.path);
    if (!fault) return next();
    if (fault.latency_ms > 0) await sleep(fault.latency_ms);
    switch (fault.mode) {
      case 'latency':
        return next();
      case 'status':
        return errorResponse(
          fault.status!,
          `Injected fault ${fault.id}: ${route.path} answers ${fault.status} on purpose.`
        );
      case 'malformed':
        return malformed(await next());
      case 'html':
        return htmlErrorPage(fault.status!);
      case 'oversized':
        return oversized(await next(), fault.size_bytes!);
      case 'drop':
        return DROP_CONNECTION;
    }
  };
}
