import { PanelPlugin } from '@grafana/data';

import { OnCallStatusPanel } from './OnCallStatusPanel';
import { OnCallStatusOptions, TextSize } from './types';

export const plugin = new PanelPlugin<OnCallStatusOptions>(OnCallStatusPanel).setPanelOptions((builder) =>
  builder
    .addBooleanSwitch({
      path: 'showContact',
      name: 'Show contact',
      description: 'Show phone, email or handle under each name.',
      defaultValue: true,
    })
    .addBooleanSwitch({
      path: 'showNextShifts',
      name: 'Next shifts',
      description: 'List the upcoming shifts under each layer (add an on-call query with the "shifts" view).',
      defaultValue: true,
    })
    .addNumberInput({
      path: 'shiftCount',
      name: 'Shifts per layer',
      description: 'How many upcoming shifts to list per layer.',
      defaultValue: 3,
      settings: { min: 1, max: 20, integer: true },
      showIf: (options) => options.showNextShifts !== false,
    })
    .addBooleanSwitch({
      path: 'showEscalation',
      name: 'Escalation ladder',
      description:
        'Show the escalation policy’s steps with each unacknowledged alert on the step it reached (add the "escalation" view).',
      defaultValue: true,
    })
    .addRadio<TextSize, { options: Array<{ value: TextSize; label: string }> }>({
      path: 'textSize',
      name: 'Text size',
      description: 'Large type reads from across a room; Auto uses it when each layer has room.',
      defaultValue: 'auto',
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'normal', label: 'Normal' },
          { value: 'large', label: 'Large' },
        ],
      },
    })
);
