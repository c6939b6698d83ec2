import { PanelPlugin } from '@grafana/data';

import { OnCallStatusPanel } from './OnCallStatusPanel';
import { OnCallStatusOptions } from './types';

export const plugin = new PanelPlugin<OnCallStatusOptions>(OnCallStatusPanel).setPanelOptions((builder) =>
  builder.addBooleanSwitch({
    path: 'showContact',
    name: 'Show contact',
    description: 'Show phone, email or handle under each name.',
    defaultValue: true,
  })
);
