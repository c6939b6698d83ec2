// Stand-ins for the Grafana panels dashboards use beside AppMon's (stat, gauge, time series):
// Grafana's own panel code is not in the npm packages, so the host draws the same data with
// @grafana/ui's visualizations (BigValue, TimeSeries and its legend), through the same
// reduce options, field config and display names. They show what the panel would show,
// not Grafana's exact drawing: a gauge is drawn as its value.
import React from 'react';
import {
  DataFrame,
  FieldConfigSource,
  GrafanaTheme2,
  InterpolateFunction,
  ReduceDataOptions,
  TimeRange,
  getFieldDisplayValues,
} from '@grafana/data';
import { LegendDisplayMode, VizLegendOptions } from '@grafana/schema';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  TimeSeries,
} from '@grafana/ui';

export const CORE_PANELS = ['stat', 'gauge', 'timeseries'];

export interface CorePanelProps {
  type: string;
  series: DataFrame[];
  options: Record<string, any>;
  fieldConfig: FieldConfigSource;
  width: number;
  height: number;
  timeRange: TimeRange;
  theme: GrafanaTheme2;
  replaceVariables: InterpolateFunction;
}

const DEFAULT_REDUCE: ReduceDataOptions = { calcs: ['lastNotNull'], values: false, fields: '' };

function Values(p: CorePanelProps) {
  const values = getFieldDisplayValues({
    data: p.series,
    reduceOptions: { ...DEFAULT_REDUCE, ...p.options.reduceOptions },
    fieldConfig: p.fieldConfig,
    replaceVariables: p.replaceVariables,
    theme: p.theme,
    timeZone: 'utc',
  });
  const gauge = p.type === 'gauge';
  const each = Math.max(1, values.length);
  const vertical = p.width < p.height;
  const width = vertical ? p.width : Math.floor(p.width / each);
  const height = vertical ? Math.floor(p.height / each) : p.height;
  return (
    <div style={{ display: 'flex', flexDirection: vertical ? 'column' : 'row' }} data-testid="host-values">
      {values.map((v, i) => (
        <BigValue
          key={i}
          theme={p.theme}
          width={width}
          height={height}
          value={v.display}
          count={values.length}
          colorMode={gauge ? BigValueColorMode.Value : (p.options.colorMode ?? BigValueColorMode.Value)}
          graphMode={BigValueGraphMode.None}
          justifyMode={p.options.justifyMode ?? BigValueJustifyMode.Auto}
          textMode={gauge ? BigValueTextMode.Auto : (p.options.textMode ?? BigValueTextMode.Auto)}
        />
      ))}
    </div>
  );
}

function Graph(p: CorePanelProps) {
  const saved = p.options.legend ?? {};
  const legend: VizLegendOptions = {
    showLegend: saved.showLegend ?? true,
    displayMode: saved.displayMode ?? LegendDisplayMode.List,
    placement: saved.placement ?? 'bottom',
    calcs: saved.calcs ?? [],
  };
  return (
    <TimeSeries
      frames={p.series}
      width={p.width}
      height={p.height}
      timeRange={p.timeRange}
      timeZone="utc"
      legend={legend}
      options={p.options}
    />
  );
}

export function CorePanel(p: CorePanelProps) {
  return p.type === 'timeseries' ? <Graph {...p} /> : <Values {...p} />;
}
