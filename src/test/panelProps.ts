import { DataFrame, PanelProps, toDataFrame } from '@grafana/data';

import { buildPanelProps, PanelPropsInput } from './buildPanelProps';

/** Panel props for jest tests, with spies for the callbacks a test may assert on. */
export function panelProps<T>(
  options: T,
  series: DataFrame[],
  extra: Partial<Omit<PanelPropsInput<T>, 'options' | 'series'>> = {}
): PanelProps<T> {
  return buildPanelProps<T>({
    onChangeTimeRange: jest.fn(),
    onOptionsChange: jest.fn(),
    ...extra,
    options,
    series,
  });
}

export { toDataFrame };
