// What Grafana sets up at start-up for app pages built with @grafana/scenes (which each
// plugin bundles): the request runner behind SceneQueryRunner (setRunRequest), panel
// plugin imports for VizPanel (setPluginImportUtils), and template interpolation that
// resolves a scene object's variables when the scoped vars carry it (__sceneObject), as
// Grafana's template service does.
import { Observable, defer, from, isObservable, of } from 'rxjs';
import { catchError, map, startWith } from 'rxjs/operators';
import {
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  LoadingState,
  PanelData,
  PanelPlugin,
  DataSourceRef,
  ScopedVars,
} from '@grafana/data';
import {
  DataSourceSrv,
  getDataSourceSrv,
  getTemplateSrv,
  setDataSourceSrv,
  setPluginImportUtils,
  setRunRequest,
  setTemplateSrv,
  toDataQueryError,
} from '@grafana/runtime';

import { loadPlugin } from './loadPlugin';
import { report } from './report';

/** Grafana's runRequest, as far as one-packet backend queries need: Loading, then the response. */
function runRequest(ds: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const base = { timeRange: request.range, request };
  const where = `${ds.name} query ${request.targets.map((t) => JSON.stringify(t)).join(', ')}`;
  return defer(() => {
    const r = ds.query(request);
    return isObservable(r) ? r : from(r);
  }).pipe(
    map((res: DataQueryResponse): PanelData => {
      const errors = res.errors ?? (res.error ? [res.error] : undefined);
      if (errors?.length) {
        report.error(`${where}: ${errors.map((e) => e.message).join('; ')}`);
      }
      return {
        ...base,
        state: res.state ?? (errors?.length ? LoadingState.Error : LoadingState.Done),
        series: res.data,
        errors,
      };
    }),
    catchError((err) => {
      const error = toDataQueryError(err);
      report.error(`${where}: ${error.message}`);
      return of<PanelData>({ ...base, state: LoadingState.Error, series: [], errors: [error] });
    }),
    startWith<PanelData>({ ...base, state: LoadingState.Loading, series: [] })
  );
}

const panels = new Map<string, PanelPlugin>();

async function importPanelPlugin(id: string): Promise<PanelPlugin> {
  let plugin = panels.get(id);
  if (!plugin) {
    plugin = await loadPlugin<PanelPlugin>(id, 'panel');
    panels.set(id, plugin);
  }
  return plugin;
}

interface SceneLike {
  parent?: SceneLike;
  state: { $variables?: { getByName?: (name: string) => { getValue: () => unknown } | undefined } };
}

const variablePattern = /\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g;

/** A variable's value from the nearest variable set up the scene graph. */
function sceneValue(object: SceneLike, name: string): unknown {
  for (let o: SceneLike | undefined = object; o; o = o.parent) {
    const v = o.state.$variables?.getByName?.(name);
    if (v) {
      return v.getValue();
    }
  }
  return undefined;
}

export function installSceneServices() {
  setRunRequest(runRequest);
  setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache: (id: string) => panels.get(id) });
  const base = getTemplateSrv();
  setTemplateSrv({
    ...base,
    getVariables: () => base.getVariables(),
    containsTemplate: (t?: string) => base.containsTemplate(t),
    updateTimeRange: (r) => base.updateTimeRange(r),
    replace(target?: string, scopedVars?: ScopedVars, format?: string | Function) {
      // Scenes wraps the object so that serialising scoped vars skips it: valueOf() unwraps it.
      const scene = scopedVars?.__sceneObject?.value?.valueOf?.() as SceneLike | undefined;
      if (!scene?.state) {
        return base.replace(target, scopedVars, format);
      }
      return (target ?? '').replace(variablePattern, (match, a, b, c) => {
        const name = a ?? b ?? c;
        const scoped = scopedVars?.[name]?.value;
        const value = scoped !== undefined && name !== '__sceneObject' ? scoped : sceneValue(scene, name);
        return value === undefined ? base.replace(match, scopedVars, format) : String(value);
      });
    },
  });
  // Grafana's data source service reads a scene's data source variable ("${datasource}") through
  // the template service above.
  const srv = getDataSourceSrv();
  const resolve = <T extends DataSourceRef | string | null | undefined>(ref: T, scopedVars?: ScopedVars): T => {
    const uid = typeof ref === 'string' ? ref : ref?.uid;
    if (!uid || !scopedVars?.__sceneObject) {
      return ref;
    }
    const replaced = getTemplateSrv().replace(uid, scopedVars);
    return (typeof ref === 'string' ? replaced : { ...(ref as DataSourceRef), uid: replaced }) as T;
  };
  const wrapped: DataSourceSrv = {
    get: (ref, scopedVars) => srv.get(resolve(ref, scopedVars), scopedVars),
    getInstanceSettings: (ref, scopedVars) => srv.getInstanceSettings(resolve(ref, scopedVars), scopedVars),
    getList: (filters) => srv.getList(filters),
    reload: () => srv.reload(),
    registerRuntimeDataSource: (entry) => srv.registerRuntimeDataSource(entry),
  };
  setDataSourceSrv(wrapped);
}
