import { PanelPlugin } from '@grafana/data';

import { SlaCompliancePanel } from './SlaCompliancePanel';
import { SlaComplianceOptions } from './types';

export const plugin = new PanelPlugin<SlaComplianceOptions>(SlaCompliancePanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'layout',
      name: 'Layout',
      description: 'Compact fits a stat row; full adds the error budget for a report.',
      defaultValue: 'full',
      settings: {
        options: [
          { value: 'full', label: 'Full' },
          { value: 'compact', label: 'Compact' },
        ],
      },
    })
    .addFieldNamePicker({
      path: 'objectiveField',
      name: 'Objective name field',
      description: 'Pick the field that names each objective when auto-detection is wrong.',
    })
);
