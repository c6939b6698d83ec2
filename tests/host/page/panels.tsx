// Panels as Grafana's panel chrome renders them: options merged with the plugin's
// defaults, field config applied with the plugin's registry, data from the data
// source's own query() through the host server.
import React from 'react';
import { isObservable, lastValueFrom } from 'rxjs';
import * as grafanaData from '@grafana/data';
import {
  CoreApp,
  DataFrame,
  DataQueryRequest,
  EventBusSrv,
  FieldConfigSource,
  LoadingState,
  PanelData,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  TimeRange,
  applyFieldOverrides,
  DataFrameJSON,
  createTheme,
  dataFrameFromJSON,
  dateMath,
  dateTime,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { PanelChrome } from '@grafana/ui';
import { merge } from 'lodash';

import { report } from './report';

export interface PanelCase {
  pluginId: string;
  title: string;
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  targets?: Array<Record<string, unknown>>;
  /** Dashboard time, e.g. { from: 'now-6h', to: 'now' }. */
  time?: { from: string; to: string };
  /** Golden responses (pkg/golden/testdata/<name>.jsonc) to render instead of running targets. */
  golden?: string[];
  /** The dashboard the panel comes from, for messages. */
  where?: string;
}

let rowsReturned = 0;
/** Rows in the frames the backend returned for the panel's targets. */
export const backendRows = () => rowsReturned;

const theme = createTheme({ colors: { mode: 'dark' } });
const WIDTH = 900;
const HEIGHT = 420;

/** Every option path the panel declares (fields.start, showLegend, …). */
export function optionPaths(plugin: PanelPlugin): string[] {
  const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  return builder.getItems().map((i) => i.path);
}

/** Leaf paths of a saved options object ({fields: {start: 'x'}} -> fields.start). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [prefix];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 && prefix
    ? [prefix]
    : entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** A saved option the panel does not declare would be silently ignored in Grafana. */
export function unknownOptions(plugin: PanelPlugin, options: Record<string, unknown>): string[] {
  const known = optionPaths(plugin);
  return leafPaths(options).filter((p) => p && !known.some((k) => p === k || p.startsWith(`${k}.`)));
}

function withDefaults(plugin: PanelPlugin, c: PanelCase) {
  const helper = (grafanaData as Record<string, unknown>).getPanelOptionsWithDefaults as
    undefined | ((p: unknown) => { options: Record<string, unknown>; fieldConfig: FieldConfigSource });
  const currentFieldConfig = c.fieldConfig ?? { defaults: {}, overrides: [] };
  if (helper) {
    return helper({ plugin, currentOptions: c.options ?? {}, currentFieldConfig, isAfterPluginChange: false });
  }
  return {
    options: merge({}, plugin.defaults, c.options ?? {}),
    fieldConfig: merge({}, plugin.fieldConfigDefaults, currentFieldConfig),
  };
}

export function timeRangeOf(c: Pick<PanelCase, 'time'>): TimeRange {
  const raw = c.time ?? { from: 'now-6h', to: 'now' };
  const at = (s: string, roundUp: boolean) =>
    s.startsWith('now') ? dateMath.toDateTime(s, { roundUp })! : dateTime(s);
  return { from: at(raw.from, false), to: at(raw.to, true), raw };
}

// The SDK's golden files: a commented table, this line, then the response as JSON.
const MACHINE_LINE = '//  \u{1F31F} This was machine generated.  Do not edit. \u{1F31F}\n';

async function goldenData(c: PanelCase, range: TimeRange): Promise<PanelData> {
  const series: DataFrame[] = [];
  for (const name of c.golden ?? []) {
    const text = await (await fetch(`/golden/${name}.jsonc`)).text();
    const parts = text.split(MACHINE_LINE);
    if (parts.length < 3) {
      throw new Error(`golden/${name}.jsonc is not a golden response file`);
    }
    const frames: DataFrameJSON[] = JSON.parse(parts[2]).frames ?? [];
    series.push(...frames.map((f) => dataFrameFromJSON(f)));
  }
  rowsReturned += series.reduce((n, f) => n + f.length, 0);
  return { state: LoadingState.Done, series, timeRange: range };
}

/** Runs the panel's targets through the data source's query(), as the panel query runner does. */
export async function runTargets(c: PanelCase, range: TimeRange): Promise<PanelData> {
  const targets = c.targets ?? [];
  if (targets.length === 0) {
    return { state: LoadingState.Done, series: [], timeRange: range };
  }
  const ds = await getDataSourceSrv().get(targets[0].datasource as never);
  const request = {
    app: CoreApp.Dashboard,
    requestId: `host-${c.pluginId}`,
    timezone: 'utc',
    range,
    interval: '1m',
    intervalMs: 60_000,
    maxDataPoints: WIDTH,
    targets: targets as never[],
    scopedVars: {},
    startTime: Date.now(),
  } as DataQueryRequest;
  const result = ds.query(request);
  const responses = [await (isObservable(result) ? lastValueFrom(result) : result)];
  const series: DataFrame[] = responses.flatMap((r) => r.data as DataFrame[]);
  const errors = responses.flatMap((r) => r.errors ?? (r.error ? [r.error] : []));
  for (const e of errors) {
    report.error(`${c.where}: query ${e.refId ?? ''} failed: ${e.message}`);
  }
  for (const t of targets) {
    const frames = series.filter((f) => f.refId === t.refId);
    const rows = frames.reduce((n, f) => n + f.length, 0);
    rowsReturned += rows;
    report.note(
      `${c.where}: target ${t.refId} returned ${frames.length} frames (${frames.map((f) => f.name).join(', ')}), ${rows} rows`
    );
    if (frames.length === 0) {
      report.error(`${c.where}: target ${t.refId} returned no frames`);
    }
  }
  return { state: LoadingState.Done, series, errors, timeRange: range, request };
}

export async function renderPanel(plugin: PanelPlugin, c: PanelCase): Promise<React.ReactElement> {
  const unknown = unknownOptions(plugin, c.options ?? {});
  if (unknown.length > 0) {
    report.error(
      `${c.where}: options ${unknown.join(', ')} are not options of ${c.pluginId} (it has: ${optionPaths(plugin).join(', ')})`
    );
  }
  const { options, fieldConfig } = withDefaults(plugin, c);
  const range = timeRangeOf(c);
  const data = c.golden ? await goldenData(c, range) : await runTargets(c, range);
  const replaceVariables = (s: string) => getTemplateSrv().replace(s);
  const series = applyFieldOverrides({
    data: data.series,
    fieldConfig,
    fieldConfigRegistry: plugin.fieldConfigRegistry,
    replaceVariables,
    theme,
    timeZone: 'utc',
  });
  const Panel = plugin.panel!;
  const eventBus = new EventBusSrv();
  const noop = () => {};
  return (
    <div style={{ width: WIDTH, height: HEIGHT }} data-testid="host-panel">
      <PanelChrome title={c.title} width={WIDTH} height={HEIGHT}>
        {(innerWidth, innerHeight) => (
          <Panel
            id={1}
            data={{ ...data, series }}
            timeRange={range}
            timeZone="utc"
            options={options}
            fieldConfig={fieldConfig}
            transparent={false}
            width={innerWidth}
            height={innerHeight}
            renderCounter={0}
            title={c.title}
            eventBus={eventBus}
            onOptionsChange={noop}
            onFieldConfigChange={noop}
            replaceVariables={replaceVariables}
            onChangeTimeRange={noop}
          />
        )}
      </PanelChrome>
    </div>
  );
}
