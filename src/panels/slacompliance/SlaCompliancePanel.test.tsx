import React from 'react';
import { render, screen } from '@testing-library/react';

import { panelProps, toDataFrame } from '../../test/panelProps';
import { SlaCompliancePanel } from './SlaCompliancePanel';

const sloFrame = toDataFrame({
  fields: [
    { name: 'objective', values: ['Availability', 'Latency p95'] },
    { name: 'target', values: [99.9, 99] },
    { name: 'actual', values: [99.95, 97.5] },
    { name: 'budget_remaining_ratio', values: [0.5, -0.2] },
    { name: 'budget_remaining_minutes', values: [21.6, -8.6] },
  ],
});

describe('SlaCompliancePanel', () => {
  it('shows each objective with its status in words', () => {
    render(<SlaCompliancePanel {...panelProps({ layout: 'full' as const }, [sloFrame])} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Availability');
    expect(items[0]).toHaveTextContent('Meeting target');
    expect(items[0]).toHaveTextContent('99.950% of 99.900% target');
    expect(items[0]).toHaveTextContent('Error budget left: 50.0% (22 min)');
    expect(items[1]).toHaveTextContent('Missing target');
  });

  it('hides the error budget in the compact layout', () => {
    render(<SlaCompliancePanel {...panelProps({ layout: 'compact' as const }, [sloFrame])} />);
    expect(screen.queryByText(/Error budget left/)).not.toBeInTheDocument();
  });

  it('uses an explicit compliance field over the derived one', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'objective', values: ['Error rate'] },
        { name: 'target', values: [99] },
        { name: 'actual', values: [99.5] },
        { name: 'compliant', values: [false] },
      ],
    });
    render(<SlaCompliancePanel {...panelProps({ layout: 'full' as const }, [frame])} />);
    expect(screen.getByRole('listitem')).toHaveTextContent('Missing target');
  });

  it('explains what data it needs when frames lack target and actual', () => {
    render(<SlaCompliancePanel {...panelProps({ layout: 'full' as const }, [toDataFrame({ fields: [{ name: 'x', values: [1] }] })])} />);
    expect(screen.getByRole('status')).toHaveTextContent('No objectives found');
  });
});
