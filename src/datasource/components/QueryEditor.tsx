import React, { useMemo } from 'react';
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { Combobox, InlineField, InlineSwitch, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { DataSource } from '../datasource';
import { AlertsAction, AppMonDataSourceOptions, AppMonQuery, MetricsFormat, OnCallView, QueryType } from '../types';
import { resourceOptions } from './resourceOptions';

type Props = QueryEditorProps<DataSource, AppMonQuery, AppMonDataSourceOptions>;

const QUERY_TYPES: Array<SelectableValue<QueryType>> = [
  {
    label: 'Metrics',
    value: 'metrics',
    description: 'Named metrics by category, over the time range when the server keeps history',
  },
  { label: 'Health', value: 'health', description: 'Overall status, health score and each dependency' },
  { label: 'Uptime', value: 'uptime', description: 'Uptime percentage and SLA compliance' },
  { label: 'Alerts', value: 'alerts', description: 'Active alerts, alert history or the alert rules' },
  { label: 'Dashboard', value: 'dashboard', description: 'The summary figures of /api/monitoring/dashboard' },
  { label: 'SLO', value: 'slo', description: 'Error budgets and burn rates of the configured objectives' },
  {
    label: 'On-call',
    value: 'oncall',
    description: 'Who is on call, the next shifts and the escalation of open alerts',
  },
];

const ALERT_ACTIONS: Array<SelectableValue<AlertsAction>> = [
  { label: 'Active', value: 'active' },
  { label: 'History', value: 'history' },
  { label: 'Configuration', value: 'configuration' },
];

const FORMATS: Array<SelectableValue<MetricsFormat>> = [
  {
    label: 'Auto',
    value: 'auto',
    description: 'JSON, then Prometheus text, then Datadog series: whichever the server answers',
  },
  { label: 'JSON', value: 'json' },
  { label: 'Prometheus', value: 'prometheus', description: 'Prometheus text (?format=prometheus)' },
  { label: 'Datadog', value: 'datadog', description: 'Datadog series (?format=datadog)' },
];

const ONCALL_VIEWS: Array<SelectableValue<OnCallView>> = [
  { label: 'Now', value: 'now' },
  { label: 'Next shifts', value: 'shifts' },
  { label: 'Escalation', value: 'escalation' },
];

const HELP: Record<QueryType, string> = {
  metrics: 'Leave category and metric empty to get every metric. Numeric series work in alert rules.',
  health:
    'Status is 1 (healthy), 0.5 (degraded) or 0 (unhealthy) per service; also the health score and response times.',
  uptime: 'Uptime percentage against the SLA target, and which SLA checks pass (1 met, 0 not).',
  alerts: 'History needs a server with the alerts.history extension; the health check tells.',
  dashboard: 'The same summary the application shows on its own dashboard endpoint.',
  slo: 'Objectives come from the data source settings. Pick one column (e.g. fast_burn) for an alert rule.',
  oncall: 'Schedules come from the data source settings (layers, rotations, overrides, escalation).',
};

export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const queryType = query.queryType ?? 'metrics';
  const categories = useMemo(() => resourceOptions(datasource, 'categories'), [datasource]);
  const metrics = useMemo(
    () => resourceOptions(datasource, 'metrics', query.category ? { category: query.category } : undefined),
    [datasource, query.category]
  );
  const services = useMemo(() => resourceOptions(datasource, 'services'), [datasource]);
  const severities = useMemo(() => resourceOptions(datasource, 'severities'), [datasource]);
  const objectives = useMemo(() => resourceOptions(datasource, 'objectives'), [datasource]);

  const update = (patch: Partial<AppMonQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };

  return (
    <Stack direction="column" gap={1}>
      <InlineField label="Query type" labelWidth={14}>
        <RadioButtonGroup<QueryType>
          options={QUERY_TYPES}
          value={queryType}
          onChange={(v) => update({ queryType: v })}
        />
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
          <InlineField
            label="Metric"
            labelWidth={10}
            tooltip="Exact names, lists or * wildcards such as api.response_time.*"
          >
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
          <InlineField
            label="Endpoint"
            labelWidth={10}
            tooltip="overall for the whole application, or paths such as /api/tickets or /api/*"
          >
            <Input
              id="appmon-endpoint"
              width={20}
              placeholder="All endpoints"
              defaultValue={query.endpoint ?? ''}
              onBlur={(e) => update({ endpoint: e.currentTarget.value.trim() })}
            />
          </InlineField>
          <InlineField
            label="Format"
            labelWidth={10}
            tooltip="Auto reads whichever format the server answers; pick one to use only that format"
          >
            <RadioButtonGroup<MetricsFormat>
              options={FORMATS}
              value={query.format ?? 'auto'}
              onChange={(v) => update({ format: v === 'auto' ? undefined : v })}
            />
          </InlineField>
        </Stack>
      )}

      {(queryType === 'health' || queryType === 'dashboard') && (
        <Stack gap={1} wrap="wrap">
          <InlineField label="Service" labelWidth={14}>
            <Combobox
              id="appmon-service"
              width={24}
              isClearable
              createCustomValue
              placeholder="All services"
              options={services}
              value={query.service || null}
              onChange={(v) => update({ service: v?.value ?? '' })}
            />
          </InlineField>
          <InlineField label="Series" labelWidth={10} tooltip="e.g. health.score, health.status, health.response_time">
            <Input
              id="appmon-series"
              width={32}
              placeholder="All series"
              defaultValue={query.metricName ?? ''}
              onBlur={(e) => update({ metricName: e.currentTarget.value.trim() })}
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

      {queryType === 'slo' && (
        <Stack gap={1} wrap="wrap">
          <InlineField
            label="Objective"
            labelWidth={14}
            tooltip="One objective of the data source settings; empty for all"
          >
            <Combobox
              id="appmon-objective"
              width={24}
              isClearable
              createCustomValue
              placeholder="All objectives"
              options={objectives}
              value={query.objective || null}
              onChange={(v) => update({ objective: v?.value ?? '' })}
            />
          </InlineField>
          <InlineField
            label="Column"
            labelWidth={10}
            tooltip="For alert rules: one numeric column, e.g. fast_burn or burn_rate_1h"
          >
            <Input
              id="appmon-slo-field"
              width={24}
              placeholder="All columns"
              defaultValue={query.sloField ?? ''}
              onBlur={(e) => update({ sloField: e.currentTarget.value.trim() })}
            />
          </InlineField>
        </Stack>
      )}

      {queryType === 'oncall' && (
        <Stack gap={1} wrap="wrap">
          <InlineField label="View" labelWidth={14}>
            <RadioButtonGroup<OnCallView>
              options={ONCALL_VIEWS}
              value={query.oncallView ?? 'now'}
              onChange={(v) => update({ oncallView: v })}
            />
          </InlineField>
          {query.oncallView === 'shifts' && (
            <InlineField label="Shifts" labelWidth={10} tooltip="Shifts per layer">
              <Input
                id="appmon-shift-count"
                type="number"
                min={1}
                max={52}
                width={10}
                defaultValue={query.shiftCount ?? 8}
                onBlur={(e) => update({ shiftCount: Number(e.currentTarget.value) || undefined })}
              />
            </InlineField>
          )}
        </Stack>
      )}

      {(queryType === 'metrics' || queryType === 'health') && (
        <InlineField
          label="Live"
          labelWidth={14}
          tooltip="Stream current values through Grafana Live, for wall screens"
        >
          <InlineSwitch value={Boolean(query.live)} onChange={(e) => update({ live: e.currentTarget.checked })} />
        </InlineField>
      )}

      <Text color="secondary" variant="bodySmall">
        {HELP[queryType]}
      </Text>
    </Stack>
  );
}
