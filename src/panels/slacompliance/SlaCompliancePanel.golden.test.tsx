import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { GOLDEN_NOW, goldenFrames, goldenValues } from '../../test/golden';
import { panelProps } from '../../test/panelProps';
import { SlaCompliancePanel } from './SlaCompliancePanel';
import { SlaComplianceOptions } from './types';

// The frames the backend's slo query really returns (pkg/golden/testdata/slo.jsonc).
describe('SlaCompliancePanel with the backend’s slo frames', () => {
  it('reads every objective, its status and budget, with no data problems', () => {
    const frames = goldenFrames('slo');
    const slo = frames.find((f) => f.name === 'slo')!;
    const titles = goldenValues<string>(slo, 'title');
    expect(titles.length).toBeGreaterThan(0);
    render(
      <SlaCompliancePanel
        {...panelProps<SlaComplianceOptions>({ layout: 'full' }, frames, {
          range: { from: GOLDEN_NOW - 3_600_000, to: GOLDEN_NOW },
          width: 1200,
          height: 800,
        })}
      />
    );
    expect(screen.queryByRole('list', { name: 'Data problems' })).toBeNull();
    for (const title of titles) {
      const card = screen.getByRole('article', { name: title });
      expect(within(card).getByTestId('compliance-status')).toHaveTextContent(/Meeting target|At risk|Missing target/);
      expect(card).toHaveTextContent(/error budget (left|overspent)/i);
    }
  });
});
