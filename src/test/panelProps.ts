import { DataFrame, dateTime, FieldConfigSource, LoadingState, PanelProps, toDataFrame } from '@grafana/data';

/** Builds the props Grafana passes to a panel, for tests that render panels directly. */
export function panelProps<T>(options: T, series: DataFrame[], range = { from: 0, to: 3_600_000 }): PanelProps<T> {
  const timeRange = { from: dateTime(range.from), to: dateTime(range.to), raw: { from: 'now-1h', to: 'now' } };
  return {
    id: 1,
    data: { state: LoadingState.Done, series, timeRange },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig: { defaults: {}, overrides: [] } as FieldConfigSource,
    width: 600,
    height: 300,
    transparent: false,
    renderCounter: 0,
    title: 'test',
    eventBus: { publish: jest.fn(), getStream: jest.fn(), subscribe: jest.fn(), removeAllListeners: jest.fn(), newScopedBus: jest.fn() },
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
  } as unknown as PanelProps<T>;
}

export { toDataFrame };
