import { PanelPlugin, SelectFieldConfigSettings } from '@grafana/data';

import { SEVERITIES, Severity } from '../../shared/severity';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { AlertTimelineOptions, GroupBy } from './types';

const FIELDS = ['Fields'];

export const plugin = new PanelPlugin<AlertTimelineOptions>(AlertTimelinePanel)
  // Dashboard annotations reach the panel so maintenance windows tagged "maintenance" can be shaded.
  .setDataSupport({ annotations: true, alertStates: false })
  .setPanelOptions((builder) =>
    builder
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
