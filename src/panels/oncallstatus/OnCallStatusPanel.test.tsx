import React from 'react';
import { act, render, screen } from '@testing-library/react';

import { panelProps, toDataFrame } from '../../test/panelProps';
import { formatCountdown } from './countdown';
import { OnCallStatusPanel } from './OnCallStatusPanel';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0); // Monday 08:00 UTC, one hour before handoff

describe('OnCallStatusPanel', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
  });
  afterEach(() => jest.useRealTimers());

  const frame = toDataFrame({
    fields: [
      { name: 'layer', values: ['primary', 'secondary'] },
      { name: 'name', values: ['Ana Diaz', 'Ben Ko'] },
      { name: 'contact', values: ['+1 555 0100', 'ben@example.com'] },
      { name: 'shift_end', values: [NOW + 3_600_000, NOW + 90_000] },
    ],
  });

  it('shows who is on call per layer with contact', () => {
    render(<OnCallStatusPanel {...panelProps({ showContact: true }, [frame])} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('primary');
    expect(items[0]).toHaveTextContent('Ana Diaz');
    expect(items[0]).toHaveTextContent('+1 555 0100');
  });

  it('hides contacts when the option is off', () => {
    render(<OnCallStatusPanel {...panelProps({ showContact: false }, [frame])} />);
    expect(screen.queryByText('+1 555 0100')).not.toBeInTheDocument();
  });

  it('counts down to the handoff every second', () => {
    render(<OnCallStatusPanel {...panelProps({ showContact: true }, [frame])} />);
    const [primary, secondary] = screen.getAllByTestId('handoff-countdown');
    expect(primary).toHaveTextContent('1h 00m');
    expect(secondary).toHaveTextContent('1m 30s');
    act(() => {
      jest.advanceTimersByTime(31_000);
    });
    expect(secondary).toHaveTextContent('0m 59s');
    act(() => {
      jest.advanceTimersByTime(60_000);
    });
    expect(secondary).toHaveTextContent('handoff now');
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, 'handoff now'],
    [59_000, '0m 59s'],
    [3_600_000 * 5 + 60_000 * 7, '5h 07m'],
    [86_400_000 * 2 + 3_600_000 * 3, '2d 3h'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
