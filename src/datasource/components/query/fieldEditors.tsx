import React, { useMemo } from 'react';
import { SelectableValue } from '@grafana/data';
import { Combobox, InlineField, InlineSwitch, Input, RadioButtonGroup } from '@grafana/ui';

import type { DataSource } from '../../datasource';
import {
  ALERTS_ACTION_VALUES,
  AlertsAction,
  AppMonQuery,
  FLEET_VIEW_VALUES,
  FleetView,
  FORMAT_VALUES,
  Format,
  ONCALL_VIEW_VALUES,
  OncallView,
  QUERY_LIMITS,
  QueryField,
} from '../../queryModel.gen';
import { resourceOptions } from '../resourceOptions';

export interface FieldProps {
  query: AppMonQuery;
  datasource: DataSource;
  update: (patch: Partial<AppMonQuery>) => void;
}

/** One editor per field of the query model; a query type's section lists the fields it shows. */
export interface FieldEditor {
  Editor: (props: FieldProps) => React.ReactElement;
  /** Hides the field when it does not apply to the rest of the query or to the data source. */
  visible?: (query: AppMonQuery, datasource: DataSource) => boolean;
}

interface PickerProps extends FieldProps {
  field: 'category' | 'metricName' | 'service' | 'severity' | 'objective';
  label: string;
  resource: string;
  placeholder: string;
  width: number;
  tooltip?: string;
  params?: Record<string, string>;
  /** Fields to clear when this one changes (their options depend on it). */
  clears?: Partial<AppMonQuery>;
  custom?: boolean;
}

/** A backend-resource picker that also takes typed values (lists, wildcards, variables). */
function ResourcePicker(p: PickerProps) {
  const { datasource, resource } = p;
  const key = JSON.stringify(p.params ?? {});
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const options = useMemo(() => resourceOptions(datasource, resource, p.params), [datasource, resource, key]);
  return (
    <InlineField label={p.label} labelWidth={p.field === 'metricName' ? 10 : 14} tooltip={p.tooltip}>
      <Combobox
        id={`appmon-${p.field}`}
        width={p.width}
        isClearable
        createCustomValue={p.custom ?? true}
        placeholder={p.placeholder}
        options={options}
        value={p.query[p.field] || null}
        onChange={(v) => p.update({ [p.field]: v?.value ?? '', ...p.clears })}
      />
    </InlineField>
  );
}

interface TextProps extends FieldProps {
  field: 'endpoint' | 'metricName' | 'sloField' | 'sloWindow';
  label: string;
  placeholder: string;
  width: number;
  tooltip?: string;
}

/** A free-text field, saved on blur so typing does not run a query per key. */
function TextField(p: TextProps) {
  return (
    <InlineField label={p.label} labelWidth={10} tooltip={p.tooltip}>
      <Input
        id={`appmon-${p.field}`}
        width={p.width}
        placeholder={p.placeholder}
        defaultValue={p.query[p.field] ?? ''}
        onBlur={(e) => p.update({ [p.field]: e.currentTarget.value.trim() })}
      />
    </InlineField>
  );
}

function Choice<T extends string>(p: {
  label: string;
  options: Array<SelectableValue<T>>;
  value: T;
  onChange: (v: T) => void;
  tooltip?: string;
}) {
  return (
    <InlineField label={p.label} labelWidth={14} tooltip={p.tooltip}>
      <RadioButtonGroup<T> options={p.options} value={p.value} onChange={p.onChange} />
    </InlineField>
  );
}

// Words for the enum values; Record<...> makes a value added to the Go model fail to compile here.
const FORMAT_WORDS: Record<Format, SelectableValue<Format>> = {
  auto: { label: 'Auto', description: 'JSON, then Prometheus text, then Datadog series: whichever the server answers' },
  json: { label: 'JSON' },
  prometheus: { label: 'Prometheus', description: 'Prometheus text (?format=prometheus)' },
  datadog: { label: 'Datadog', description: 'Datadog series (?format=datadog)' },
};
const ALERTS_ACTION_WORDS: Record<AlertsAction, SelectableValue<AlertsAction>> = {
  active: { label: 'Active' },
  history: { label: 'History' },
  configuration: { label: 'Configuration' },
};
const ONCALL_VIEW_WORDS: Record<OncallView, SelectableValue<OncallView>> = {
  now: { label: 'Now' },
  shifts: { label: 'Next shifts' },
  escalation: { label: 'Escalation' },
};
const FLEET_VIEW_WORDS: Record<FleetView, SelectableValue<FleetView>> = {
  instances: { label: 'Per instance', description: 'One series per instance, labelled instance' },
  fleet: { label: 'Fleet', description: 'The instances combined into the fleet figures' },
};

function options<T extends string>(values: readonly T[], words: Record<T, SelectableValue<T>>) {
  return values.map((value) => ({ ...words[value], value }));
}

export const FIELD_EDITORS: Record<QueryField, FieldEditor> = {
  category: {
    Editor: (p) => (
      <ResourcePicker
        {...p}
        field="category"
        label="Category"
        resource="categories"
        placeholder="All categories"
        width={24}
        tooltip="system, api, database, cache or business"
        clears={{ metricName: '' }}
      />
    ),
  },
  metricName: {
    // Metrics pick from the server's metric list; other types filter their own series by name.
    Editor: (p) =>
      (p.query.queryType ?? 'metrics') === 'metrics' ? (
        <ResourcePicker
          {...p}
          field="metricName"
          label="Metric"
          resource="metrics"
          params={p.query.category ? { category: p.query.category } : undefined}
          placeholder="All metrics"
          width={40}
          tooltip="Exact names, lists or * wildcards such as api.response_time.*"
        />
      ) : (
        <TextField
          {...p}
          field="metricName"
          label="Series"
          placeholder="All series"
          width={32}
          tooltip="e.g. health.score, health.status, health.response_time"
        />
      ),
  },
  endpoint: {
    Editor: (p) => (
      <TextField
        {...p}
        field="endpoint"
        label="Endpoint"
        placeholder="All endpoints"
        width={20}
        tooltip="overall for the whole application, or paths such as /api/tickets or /api/*"
      />
    ),
  },
  format: {
    Editor: (p) => (
      <Choice<Format>
        label="Format"
        tooltip="Auto reads whichever format the server answers; pick one to use only that format"
        options={options(FORMAT_VALUES, FORMAT_WORDS)}
        value={p.query.format ?? 'auto'}
        onChange={(v) => p.update({ format: v === 'auto' ? undefined : v })}
      />
    ),
  },
  total: {
    Editor: (p) => (
      <InlineField
        label="Period total"
        labelWidth={14}
        tooltip="Rates per minute or per second (e.g. USD/min) summed over the time range, against the same length just before it"
      >
        <InlineSwitch
          id="appmon-total"
          value={Boolean(p.query.total)}
          onChange={(e) => p.update({ total: e.currentTarget.checked || undefined })}
        />
      </InlineField>
    ),
  },
  service: {
    Editor: (p) => (
      <ResourcePicker
        {...p}
        field="service"
        label="Service"
        resource="services"
        placeholder="All services"
        width={24}
      />
    ),
  },
  alertsAction: {
    Editor: (p) => (
      <Choice<AlertsAction>
        label="Alerts"
        options={options(ALERTS_ACTION_VALUES, ALERTS_ACTION_WORDS)}
        value={p.query.alertsAction ?? 'active'}
        onChange={(v) => p.update({ alertsAction: v })}
      />
    ),
  },
  severity: {
    Editor: (p) => (
      <ResourcePicker
        {...p}
        field="severity"
        label="Severity"
        resource="severities"
        placeholder="Any"
        width={20}
        custom={false}
      />
    ),
  },
  objective: {
    Editor: (p) => (
      <ResourcePicker
        {...p}
        field="objective"
        label="Objective"
        resource="objectives"
        placeholder="All objectives"
        width={24}
        tooltip="One objective of the data source settings; empty for all"
      />
    ),
  },
  sloField: {
    Editor: (p) => (
      <TextField
        {...p}
        field="sloField"
        label="Column"
        placeholder="All columns"
        width={24}
        tooltip="For alert rules: one numeric column, e.g. fast_burn or burn_rate_1h"
      />
    ),
  },
  sloWindow: {
    Editor: (p) => (
      <TextField
        {...p}
        field="sloWindow"
        label="Window"
        placeholder="Each objective's own"
        width={24}
        tooltip="Evaluate over another window, e.g. calendar_month or calendar_quarter"
      />
    ),
  },
  oncallView: {
    Editor: (p) => (
      <Choice<OncallView>
        label="View"
        options={options(ONCALL_VIEW_VALUES, ONCALL_VIEW_WORDS)}
        value={p.query.oncallView ?? 'now'}
        onChange={(v) => p.update({ oncallView: v })}
      />
    ),
  },
  shiftCount: {
    visible: (query) => query.oncallView === 'shifts',
    Editor: (p) => (
      <InlineField label="Shifts" labelWidth={10} tooltip="Shifts per layer">
        <Input
          id="appmon-shift-count"
          type="number"
          min={QUERY_LIMITS.shiftCount.minimum}
          max={QUERY_LIMITS.shiftCount.maximum}
          width={10}
          defaultValue={p.query.shiftCount ?? 8}
          onBlur={(e) => p.update({ shiftCount: Number(e.currentTarget.value) || undefined })}
        />
      </InlineField>
    ),
  },
  fleetView: {
    // Shown for a data source over several instances, and wherever a query already asks for a
    // view (a fleet dashboard on one application), so it can be seen and changed.
    visible: (query, datasource) => Boolean(datasource.readsFleet) || query.fleetView !== undefined,
    Editor: (p) => (
      <Choice<FleetView>
        label="Instances"
        tooltip="Per instance: one series per instance, labelled instance. Fleet: the instances combined: sums for counts and rates, means for shares, the maximum of instances for percentiles, N of M healthy. A data source over one application answers the fleet view over itself."
        options={options(FLEET_VIEW_VALUES, FLEET_VIEW_WORDS)}
        value={p.query.fleetView ?? 'instances'}
        onChange={(v) => p.update({ fleetView: v })}
      />
    ),
  },
  // Live is one switch under every section of a type that streams (QueryEditor).
  live: { Editor: () => <></>, visible: () => false },
};
