import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { GOLDEN_NOW, goldenFrames, goldenValues } from '../../test/golden';
import { panelProps } from '../../test/panelProps';
import { OnCallStatusPanel } from './OnCallStatusPanel';
import { OnCallStatusOptions } from './types';

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(GOLDEN_NOW);
});
afterEach(() => jest.useRealTimers());

// The frames the backend's on-call views really return (pkg/golden/testdata/oncall_*.jsonc).
describe('OnCallStatusPanel with the backend’s on-call frames', () => {
  it('shows who is on call per layer, the next shifts and the escalation ladder, with no data problems', () => {
    const now = goldenFrames('oncall_now');
    const frames = [...now, ...goldenFrames('oncall_shifts'), ...goldenFrames('oncall_escalation')];
    render(
      <OnCallStatusPanel
        {...panelProps<OnCallStatusOptions>({ showContact: true }, frames, { width: 1200, height: 700 })}
      />
    );
    expect(screen.queryByRole('list', { name: 'Data problems' })).toBeNull();
    const layers = goldenValues<string>(now[0], 'layer');
    const names = goldenValues<string>(now[0], 'name');
    expect(layers.length).toBeGreaterThan(0);
    layers.forEach((layer, i) => {
      const card = screen.getByRole('region', { name: new RegExp(`^${layer}:`) });
      expect(card).toHaveTextContent(names[i]);
      expect(within(card).getByRole('timer')).toBeInTheDocument();
    });
    const alertName = goldenValues<string>(goldenFrames('oncall_escalation')[0], 'alert_name')[0];
    expect(document.body).toHaveTextContent(alertName);
  });
});
