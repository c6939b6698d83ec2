// A dialect reshapes the reference server's responses the way another team
// might have implemented the same five endpoints: same figures, different
// field names, nesting, time formats and missing optional parts.
import type { HttpResponse } from '../contract/http-response.js';

/** What a request asks for, independent of how a dialect answers it. */
export type EndpointKey =
  | 'health'
  | 'uptime'
  | 'metrics'
  | 'metrics.prometheus'
  | 'metrics.datadog'
  | 'alerts.active'
  | 'alerts.configuration'
  | 'alerts.history'
  | 'alerts.write'
  | 'dashboard'
  | 'dashboard.html'
  | 'dashboard.grafana'
  | 'capabilities'
  | 'metrics.history'
  | 'incidents';

export interface DialectRequest {
  path: string;
  query: URLSearchParams;
  /**
   * The reference server's own response to this request, optionally with
   * some query parameters replaced (null removes one).
   */
  reference(overrides?: Record<string, string | null>): Promise<HttpResponse>;
}

export type EndpointHandler = (req: DialectRequest) => Promise<HttpResponse>;

export interface Dialect {
  name: string;
  /** One line for users: the style it imitates. */
  summary: string;
  /** What differs from the reference server, for the testdata README. */
  varies: string[];
  /** Endpoints this dialect answers; every other one gets notFound. */
  endpoints: Partial<Record<EndpointKey, EndpointHandler>>;
  /** The framework's own answer for a path it has no handler for. */
  notFound(path: string): HttpResponse;
}
