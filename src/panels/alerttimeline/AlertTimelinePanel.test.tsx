import React from 'react';
import { render, screen } from '@testing-library/react';

import { panelProps, toDataFrame } from '../../test/panelProps';
import { AlertTimelinePanel } from './AlertTimelinePanel';

const HOUR = 3_600_000;
const alerts = toDataFrame({
  fields: [
    { name: 'id', values: ['a-1', 'a-2', 'a-3'] },
    { name: 'name', values: ['High Error Rate', 'Slow API Response', '<b>Payment</b> Failures'] },
    { name: 'severity', values: ['high', 'medium', 'critical'] },
    { name: 'status', values: ['resolved', 'firing', 'acknowledged'] },
    { name: 'started_at', values: [HOUR * 0.1, HOUR * 0.5, HOUR * 0.7] },
    { name: 'resolved_at', values: [HOUR * 0.3, null, null] },
  ],
});

describe('AlertTimelinePanel', () => {
  it('draws one row per alert with severity and state', () => {
    render(<AlertTimelinePanel {...panelProps({}, [alerts])} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByLabelText('high resolved')).toBeInTheDocument();
    expect(screen.getByLabelText('medium firing')).toBeInTheDocument();
  });

  it('shows markup in alert text as text, never as HTML', () => {
    const { container } = render(<AlertTimelinePanel {...panelProps({}, [alerts])} />);
    expect(screen.getByText('<b>Payment</b> Failures')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('filters by severity', () => {
    render(<AlertTimelinePanel {...panelProps({ severities: ['critical' as const] }, [alerts])} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('places spans on the dashboard time range', () => {
    render(<AlertTimelinePanel {...panelProps({}, [alerts])} />);
    const bar = screen.getByLabelText('high resolved');
    expect(bar.style.left).toBe('10%');
    expect(parseFloat(bar.style.width)).toBeCloseTo(20);
  });

  it('says so when nothing happened in the range', () => {
    render(<AlertTimelinePanel {...panelProps({}, [alerts], { from: -HOUR * 2, to: -HOUR })} />);
    expect(screen.getByRole('status')).toHaveTextContent('No alerts in this time range');
  });
});
