// Routes are exact paths (the contract has no path parameters), grouped by
// path so a wrong method gets 405 with an Allow header instead of 404.
import type { IncomingHttpHeaders } from 'node:http';
import type { Access, Role } from './auth.js';
import type { HandlerOutcome, HttpResponse } from './http-response.js';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  role: Role;
  /** Parses the JSON request body (bounded in size). */
  readJson(): Promise<unknown>;
}

export interface Route {
  method: Method;
  path: string;
  access: Access;
  /** Admin fault injection may alter this route's responses. */
  faultable: boolean;
  handle(ctx: RequestContext): Promise<HttpResponse> | HttpResponse;
}

/** Wraps route execution; may delay, replace, corrupt or drop the response. */
export type Interceptor = (
  ctx: RequestContext,
  route: Route,
  next: () => Promise<HttpResponse>
) => Promise<HandlerOutcome>;

export type RouteMatch =
  { kind: 'found'; route: Route } | { kind: 'wrong_method'; allowed: Method[] } | { kind: 'not_found' };

export class Router {
  private readonly byPath = new Map<string, Map<string, Route>>();

  constructor(routes: Route[]) {
    for (const route of routes) {
      const methods = this.byPath.get(route.path) ?? new Map<string, Route>();
      if (methods.has(route.method)) {
        throw new Error(`Duplicate route ${route.method} ${route.path}`);
      }
      methods.set(route.method, route);
      this.byPath.set(route.path, methods);
    }
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  match(method: string, path: string): RouteMatch {
    const methods = this.byPath.get(path);
    if (!methods) {
      return { kind: 'not_found' };
    }
    const route = methods.get(method === 'HEAD' ? 'GET' : method);
    if (route) {
      return { kind: 'found', route };
    }
    return { kind: 'wrong_method', allowed: [...methods.keys()] as Method[] };
  }
}
