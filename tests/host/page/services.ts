// Grafana's runtime services, as far as plugins use them, talking to the host server
// over real HTTP: the same paths Grafana serves (/api/ds/query, /api/datasources/…).
import { Observable, lastValueFrom } from 'rxjs';
import {
  DataFrame,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  DataSourceRef,
  Field,
  ScopedVars,
  TypedVariableModel,
} from '@grafana/data';
import {
  BackendSrv,
  BackendSrvRequest,
  DataSourceSrv,
  FetchResponse,
  TemplateSrv,
  setBackendSrv,
  setDataSourceSrv,
  setTemplateSrv,
} from '@grafana/runtime';

import { report } from './report';

let pending = 0;
/** Requests still in flight, so the page knows when a render has settled. */
export const pendingRequests = () => pending;

function buildUrl(url: string, params?: Record<string, unknown>) {
  const u = new URL(url, window.location.origin);
  for (const [k, v] of Object.entries(params ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one !== undefined && one !== null) {
        u.searchParams.append(k, String(one));
      }
    }
  }
  return u.toString();
}

function fetchObservable<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const controller = new AbortController();
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
    let body: string | undefined;
    if (options.data !== undefined && method !== 'GET') {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
      headers['Content-Type'] = 'application/json';
    }
    pending++;
    fetch(buildUrl(options.url, options.params), { method, headers, body, signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: the text itself
        }
        const base = { status: res.status, statusText: res.statusText, data: data as T, config: options };
        if (!res.ok) {
          const message = (data as { message?: string } | undefined)?.message ?? res.statusText;
          report.request(`${method} ${options.url} answered ${res.status}: ${message}`);
          subscriber.error({ ...base, message });
          return;
        }
        subscriber.next({
          ...base,
          ok: true,
          headers: res.headers,
          redirected: res.redirected,
          type: res.type,
          url: res.url,
        });
        subscriber.complete();
      })
      .catch((err) => subscriber.error({ status: 0, data: undefined, message: String(err), config: options }))
      .finally(() => pending--);
    return () => controller.abort();
  });
}

const backendSrv: BackendSrv = {
  fetch: fetchObservable,
  chunked: () => {
    throw new Error('the host does not serve chunked requests');
  },
  async datasourceRequest<T>(options: BackendSrvRequest) {
    return lastValueFrom(fetchObservable<T>(options));
  },
  async request<T>(options: BackendSrvRequest) {
    return (await lastValueFrom(fetchObservable<T>(options))).data;
  },
  get: (url, params, requestId, options) => backendSrv.request({ ...options, url, params, requestId, method: 'GET' }),
  delete: (url, data, options) => backendSrv.request({ ...options, url, data, method: 'DELETE' }),
  post: (url, data, options) => backendSrv.request({ ...options, url, data, method: 'POST' }),
  patch: (url, data, options) => backendSrv.request({ ...options, url, data, method: 'PATCH' }),
  put: (url, data, options) => backendSrv.request({ ...options, url, data, method: 'PUT' }),
};

/** Dashboard variables: name -> current value (the dashboard's saved "current"). */
const variables = new Map<string, string>();

export function setVariables(values: Record<string, string>) {
  variables.clear();
  for (const [k, v] of Object.entries(values)) {
    variables.set(k, v);
  }
}

const variablePattern = /\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g;

// Grafana's field macros (${__field.labels.instance}, ${__field.name}, ${__series.name}), which
// display names use; applyFieldOverrides passes the field in scopedVars.__dataContext.
const fieldMacro = /\$\{__(field\.labels\.(\w+)|field\.name|series\.name)\}/g;

function fieldMacros(target: string, scopedVars?: ScopedVars): string {
  const context = scopedVars?.__dataContext?.value as { field?: Field; frame?: DataFrame } | undefined;
  if (!context?.field) {
    return target;
  }
  return target.replace(fieldMacro, (match, what: string, label?: string) => {
    if (label !== undefined) {
      return context.field?.labels?.[label] ?? '';
    }
    return what === 'field.name' ? context.field!.name : (context.frame?.name ?? '');
  });
}

const templateSrv: TemplateSrv = {
  getVariables: () =>
    [...variables.entries()].map(
      ([name, value]) => ({ name, type: 'constant', current: { value, text: value } }) as unknown as TypedVariableModel
    ),
  replace(target?: string, scopedVars?: ScopedVars) {
    return fieldMacros(target ?? '', scopedVars).replace(variablePattern, (match, a, b, c) => {
      const name = a ?? b ?? c;
      const scoped = scopedVars?.[name]?.value;
      if (scoped !== undefined) {
        return String(scoped);
      }
      return variables.get(name) ?? match;
    });
  },
  containsTemplate: (target?: string) => !!target && new RegExp(variablePattern.source).test(target),
  updateTimeRange: () => {},
};

/** The provisioned data sources, with the host's instance of the plugin's DataSource class. */
export class HostDataSourceSrv implements DataSourceSrv {
  private instances = new Map<string, DataSourceApi>();

  constructor(
    private settings: DataSourceInstanceSettings[],
    private plugin: DataSourcePlugin<DataSourceApi>
  ) {}

  getInstanceSettings(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars) {
    const raw = typeof ref === 'string' ? ref : ref?.uid;
    if (!raw) {
      return this.settings.find((s) => s.isDefault) ?? this.settings[0];
    }
    const uid = templateSrv.replace(raw, scopedVars);
    return this.settings.find((s) => s.uid === uid || s.name === uid);
  }

  async get(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars) {
    const settings = this.getInstanceSettings(ref, scopedVars);
    if (!settings) {
      throw new Error(`Data source ${JSON.stringify(ref)} was not found`);
    }
    let ds = this.instances.get(settings.uid);
    if (!ds) {
      ds = new this.plugin.DataSourceClass(settings);
      ds.meta = settings.meta;
      this.instances.set(settings.uid, ds);
    }
    return ds;
  }

  getList() {
    return this.settings;
  }

  reload() {}

  registerRuntimeDataSource() {
    throw new Error('the host does not register runtime data sources');
  }
}

export function installServices(dataSourceSrv?: DataSourceSrv) {
  setBackendSrv(backendSrv);
  setTemplateSrv(templateSrv);
  if (dataSourceSrv) {
    setDataSourceSrv(dataSourceSrv);
  }
}

export { backendSrv };
