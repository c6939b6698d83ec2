import React, { useMemo } from 'react';
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { Combobox, ComboboxOption, InlineField, InlineSwitch, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { DataSource } from '../datasource';
import { AlertsAction, AppMonDataSourceOptions, AppMonQuery, QueryType } from '../types';

type Props = QueryEditorProps<DataSource, AppMonQuery, AppMonDataSourceOptions>;

const QUERY_TYPES: Array<SelectableValue<QueryType>> = [
  { label: 'Metrics', value: 'metrics', description: 'Named metrics by category, over the time range when the server keeps history' },
  { label: 'Health', value: 'health', description: 'Overall status, health score and each dependency' },
  { label: 'Uptime', value: 'uptime', description: 'Uptime percentage and SLA compliance' },
  { label: 'Alerts', value: 'alerts', description: 'Active alerts, alert history or the alert rules' },
  { label: 'Dashboard', value: 'dashboard', description: 'The summary figures of /api/monitoring/dashboard' },
];

const ALERT_ACTIONS: Array<SelectableValue<AlertsAction>> = [
  { label: 'Active', value: 'active' },
  { label: 'History', value: 'history' },
  { label: 'Configuration', value: 'configuration' },
];

const HELP: Record<QueryType, string> = {
  metrics: 'Leave category and metric empty to get every metric. Numeric series work in alert rules.',
  health: 'One row per dependency; status is 1 (healthy), 0.5 (degraded) or 0 (unhealthy).',
  uptime: 'Uptime percentage against the SLA target, and which SLA checks pass.',
  alerts: 'History needs a server with the alerts.history extension; the health check tells.',
  dashboard: 'The same summary the application shows on its own dashboard endpoint.',
};

/**
 * Picker options come from the backend's resource calls, so the browser never parses
 * upstream bodies. A failing call leaves the picker usable with a typed value.
 */
function resourceOptions(datasource: DataSource, path: string, params?: Record<string, string>) {
  return async (input: string): Promise<Array<ComboboxOption<string>>> => {
    try {
      const values = (await datasource.getResource<string[]>(path, params)) ?? [];
      const needle = input.toLowerCase();
      return values.filter((v) => v.toLowerCase().includes(needle)).map((v) => ({ label: v, value: v }));
    } catch {
      return [];
    }
  };
}

export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const queryType = query.queryType ?? 'metrics';
  const categories = useMemo(() => resourceOptions(datasource, 'categories'), [datasource]);
  const metrics = useMemo(
    () => resourceOptions(datasource, 'metrics', query.category ? { category: query.category } : undefined),
    [datasource, query.category]
  );
  const severities = useMemo(() => resourceOptions(datasource, 'severities'), [datasource]);

  const update = (patch: Partial<AppMonQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };

  return (
    <Stack direction="column" gap={1}>
      <InlineField label="Query type" labelWidth={14}>
        <RadioButtonGroup<QueryType> options={QUERY_TYPES} value={queryType} onChange={(v) => update({ queryType: v })} />
      </InlineField>

      {queryType === 'metrics' && (
        <Stack gap={1} wrap="wrap">
          <InlineField label="Category" labelWidth={14} tooltip="system, api, database, cache or business">
            <Combobox
              id="appmon-category"
              width={24}
              isClearable
              createCustomValue
              placeholder="All categories"
              options={categories}
              value={query.category || null}
              onChange={(v) => update({ category: v?.value ?? '', metricName: '' })}
            />
          </InlineField>
          <InlineField label="Metric" labelWidth={10}>
            <Combobox
              id="appmon-metric"
              width={40}
              isClearable
              createCustomValue
              placeholder="All metrics"
              options={metrics}
              value={query.metricName || null}
              onChange={(v) => update({ metricName: v?.value ?? '' })}
            />
          </InlineField>
        </Stack>
      )}

      {queryType === 'alerts' && (
        <Stack gap={1} wrap="wrap">
          <InlineField label="Alerts" labelWidth={14}>
            <RadioButtonGroup<AlertsAction>
              options={ALERT_ACTIONS}
              value={query.alertsAction ?? 'active'}
              onChange={(v) => update({ alertsAction: v })}
            />
          </InlineField>
          <InlineField label="Severity" labelWidth={10}>
            <Combobox
              id="appmon-severity"
              width={20}
              isClearable
              placeholder="Any"
              options={severities}
              value={query.severity || null}
              onChange={(v) => update({ severity: v?.value ?? '' })}
            />
          </InlineField>
        </Stack>
      )}

      {(queryType === 'metrics' || queryType === 'health') && (
        <InlineField label="Live" labelWidth={14} tooltip="Stream current values through Grafana Live, for wall screens">
          <InlineSwitch value={Boolean(query.live)} onChange={(e) => update({ live: e.currentTarget.checked })} />
        </InlineField>
      )}

      <Text color="secondary" variant="bodySmall">
        {HELP[queryType]}
      </Text>
    </Stack>
  );
}
