import { PanelPlugin, SelectFieldConfigSettings } from '@grafana/data';

import { SEVERITIES, Severity } from '../../shared/severity';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { AlertTimelineOptions } from './types';

export const plugin = new PanelPlugin<AlertTimelineOptions>(AlertTimelinePanel).setPanelOptions((builder) =>
  // Left unset, the filter shows every severity.
  builder.addMultiSelect<Severity, SelectFieldConfigSettings<Severity>>({
    path: 'severities',
    name: 'Severities',
    description: 'Show only these severities. Empty shows all.',
    settings: { options: SEVERITIES.map((s) => ({ value: s, label: s })) },
  })
);
