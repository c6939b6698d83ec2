import { PanelPlugin, SelectFieldConfigSettings } from '@grafana/data';

import { SEVERITIES, Severity } from '../../shared/severity';
import { AlertTimelinePanel, DEFAULT_GRAFANA_FOLDER, DEFAULT_GRAFANA_LABELS } from './AlertTimelinePanel';
import { AlertDisplay, AlertSource, AlertTimelineOptions, GroupBy } from './types';

const FIELDS = ['Fields'];
const SOURCES = ['Alert source'];

export const plugin = new PanelPlugin<AlertTimelineOptions>(AlertTimelinePanel)
  // Dashboard annotations reach the panel so maintenance windows tagged "maintenance" can be shaded.
  .setDataSupport({ annotations: true, alertStates: false })
  .setPanelOptions((builder) =>
    builder
      .addRadio<AlertDisplay, SelectFieldConfigSettings<AlertDisplay>>({
        path: 'display',
        name: 'Show',
        description: 'The timeline, or compact counts of alerts by severity (for stat-sized panels).',
        defaultValue: 'timeline',
        settings: {
          options: [
            { value: 'timeline', label: 'Timeline' },
            { value: 'counts', label: 'Counts' },
          ],
        },
      })
      .addRadio<'active' | 'range', SelectFieldConfigSettings<'active' | 'range'>>({
        path: 'countWhat',
        name: 'Count',
        description: 'Alerts open now (firing or acknowledged), or alerts that started in the time range.',
        defaultValue: 'active',
        settings: {
          options: [
            { value: 'active', label: 'Active now' },
            { value: 'range', label: 'Fired in range' },
          ],
        },
        showIf: (options) => options.display === 'counts',
      })
      .addRadio<AlertSource, SelectFieldConfigSettings<AlertSource>>({
        path: 'alertSource',
        name: 'Alert source',
        description:
          'Application alerts (this panel’s queries), Grafana-managed alerts (read with your Grafana session), or both. With both, a Grafana rule and an application alert for the same condition share a row when rows are grouped by rule.',
        defaultValue: 'both',
        category: SOURCES,
        settings: {
          options: [
            { value: 'application', label: 'Application' },
            { value: 'grafana', label: 'Grafana' },
            { value: 'both', label: 'Both' },
          ],
        },
      })
      .addTextInput({
        path: 'grafanaFolder',
        name: 'Grafana rule folder',
        description: 'Only Grafana rules in this folder (title or uid). Empty: any folder.',
        defaultValue: DEFAULT_GRAFANA_FOLDER,
        category: SOURCES,
        showIf: (options) => (options.alertSource ?? 'both') !== 'application',
      })
      .addTextInput({
        path: 'grafanaLabels',
        name: 'Grafana rule labels',
        description: 'Only Grafana rules with these labels: key=value or key!=value, comma-separated. Empty: any.',
        defaultValue: DEFAULT_GRAFANA_LABELS,
        category: SOURCES,
        showIf: (options) => (options.alertSource ?? 'both') !== 'application',
      })
      .addRadio<GroupBy, SelectFieldConfigSettings<GroupBy>>({
        path: 'groupBy',
        name: 'Rows',
        description: 'One row per alert, or one row per rule, service or severity with overlapping alerts stacked.',
        defaultValue: 'alert',
        settings: {
          options: [
            { value: 'alert', label: 'Alert' },
            { value: 'rule', label: 'Rule' },
            { value: 'service', label: 'Service' },
            { value: 'severity', label: 'Severity' },
          ],
        },
      })
      .addRadio<'newest' | 'oldest', SelectFieldConfigSettings<'newest' | 'oldest'>>({
        path: 'rowOrder',
        name: 'Row order',
        description:
          'With one row per alert: the newest alerts on top (what is happening now), or the oldest (a cascade in time).',
        defaultValue: 'newest',
        settings: {
          options: [
            { value: 'newest', label: 'Newest first' },
            { value: 'oldest', label: 'Oldest first' },
          ],
        },
        showIf: (options) => (options.groupBy ?? 'alert') === 'alert',
      })
      .addMultiSelect<Severity, SelectFieldConfigSettings<Severity>>({
        path: 'severities',
        name: 'Severities',
        description: 'Show only these severities. Empty shows all; the legend can still hide severities while viewing.',
        settings: { options: SEVERITIES.map((s) => ({ value: s, label: s })) },
      })
      .addBooleanSwitch({
        path: 'showLegend',
        name: 'Legend',
        description:
          'Severity colours with counts (click to hide a severity) and the key to firing, acknowledged and resolved.',
        defaultValue: true,
      })
      .addBooleanSwitch({
        path: 'showMaintenance',
        name: 'Maintenance windows',
        description: 'Shade frames named "maintenance" and annotations tagged maintenance.',
        defaultValue: true,
      })
      .addBooleanSwitch({
        path: 'annotationsAsAlerts',
        name: 'Dashboard annotations as alerts',
        description: 'Also draw the dashboard’s annotations (other than maintenance) as alert spans.',
        defaultValue: false,
      })
      .addSliderInput({
        path: 'laneHeight',
        name: 'Row height',
        description: 'Height of one row (or one lane of a grouped row) in pixels. Rows scroll when they do not fit.',
        defaultValue: 20,
        settings: { min: 8, max: 48, step: 2 },
      })
      .addFieldNamePicker({
        path: 'fields.start',
        name: 'Start time',
        description: 'Field with when the alert started. Auto: started_at, time.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.end',
        name: 'End time',
        description: 'Field with when it resolved (empty while open). Auto: resolved_at, timeEnd.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.title',
        name: 'Name',
        description: 'Field naming the alert. Auto: name, title, rule, text.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.severity',
        name: 'Severity',
        description: 'Field with critical, high, medium, low or info. Auto: severity, or a severity label or tag.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.state',
        name: 'State',
        description:
          'Field with firing, acknowledged or resolved. Auto: status, state; derived from the end time when absent.',
        category: FIELDS,
      })
  );
