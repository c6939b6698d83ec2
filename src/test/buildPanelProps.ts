import {
  DataFrame,
  DataQueryError,
  dateTime,
  EventBusSrv,
  FieldConfigSource,
  LoadingState,
  PanelProps,
  TimeRange,
} from '@grafana/data';
import { TimeZone } from '@grafana/schema';

export interface PanelPropsInput<T> {
  options: T;
  series: DataFrame[];
  range?: { from: number; to: number };
  width?: number;
  height?: number;
  state?: LoadingState;
  errors?: DataQueryError[];
  annotations?: DataFrame[];
  fieldConfig?: FieldConfigSource;
  timeZone?: TimeZone;
  onChangeTimeRange?: PanelProps<T>['onChangeTimeRange'];
  onOptionsChange?: PanelProps<T>['onOptionsChange'];
}

/**
 * Builds the props Grafana passes to a panel, for tests and the panel gallery, which
 * render the panels' real components outside Grafana.
 */
export function buildPanelProps<T>(input: PanelPropsInput<T>): PanelProps<T> {
  const range = input.range ?? { from: 0, to: 3_600_000 };
  const timeRange: TimeRange = {
    from: dateTime(range.from),
    to: dateTime(range.to),
    raw: { from: dateTime(range.from), to: dateTime(range.to) },
  };
  const noop = () => {};
  return {
    id: 1,
    data: {
      state: input.state ?? (input.errors?.length ? LoadingState.Error : LoadingState.Done),
      series: input.series,
      annotations: input.annotations,
      errors: input.errors,
      timeRange,
    },
    timeRange,
    timeZone: input.timeZone ?? 'utc',
    options: input.options,
    fieldConfig: input.fieldConfig ?? { defaults: {}, overrides: [] },
    width: input.width ?? 600,
    height: input.height ?? 300,
    transparent: false,
    renderCounter: 0,
    title: 'panel',
    eventBus: new EventBusSrv(),
    onOptionsChange: input.onOptionsChange ?? noop,
    onFieldConfigChange: noop,
    replaceVariables: (s: string) => s,
    onChangeTimeRange: input.onChangeTimeRange ?? noop,
  };
}
