import type { ComboboxOption } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { ResourceOption } from '../types';

/**
 * Picker options come from the backend's resource calls, so the browser never parses
 * upstream bodies. A failing call leaves the picker usable with a typed value.
 */
export function resourceOptions(datasource: DataSource, path: string, params?: Record<string, string>) {
  return async (input: string): Promise<Array<ComboboxOption<string>>> => {
    try {
      const options = (await datasource.getResource<ResourceOption[]>(path, params)) ?? [];
      const needle = input.toLowerCase();
      return options
        .filter((o) => `${o.value} ${o.label ?? ''}`.toLowerCase().includes(needle))
        .map((o) => ({ value: o.value, label: o.label ?? o.value, description: o.description }));
    } catch {
      return [];
    }
  };
}
