import React from 'react';
import { createDataFrame, FieldType, LoadingState } from '@grafana/data';
import { act, render, screen, within } from '@testing-library/react';

import {
  allOnCallFrames,
  escalationPolicyFrame,
  onCallEscalationFrame,
  onCallNowFrame,
  onCallShiftsFrame,
  ONCALL_NOW,
} from '../../test/fixtures/oncall';
import { optionItems } from '../../test/pluginOptions';
import { panelProps } from '../../test/panelProps';
import { countdownWords, formatCountdown } from './countdown';
import { plugin } from './module';
import { OnCallStatusPanel } from './OnCallStatusPanel';
import { OnCallStatusOptions } from './types';

const MINUTE = 60_000;
const defaults: OnCallStatusOptions = { showContact: true };

function renderPanel(options: OnCallStatusOptions = defaults, series = allOnCallFrames(), extra = {}) {
  return render(
    <OnCallStatusPanel {...panelProps<OnCallStatusOptions>(options, series, { width: 1000, height: 500, ...extra })} />
  );
}

/** A layer card: a labelled section, so a region named "<layer>: <who>". */
function layer(name: RegExp) {
  return screen.getByRole('region', { name });
}

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(ONCALL_NOW);
});
afterEach(() => jest.useRealTimers());

describe('OnCallStatusPanel: who is on call', () => {
  it('shows who is on call per layer with contact, override, and an empty layer said plainly', () => {
    renderPanel();
    const primary = layer(/^primary:/);
    expect(primary).toHaveTextContent('Ana Diaz');
    expect(primary).toHaveTextContent('+1 555 0100');
    expect(layer(/^secondary:/)).toHaveTextContent('override');
    expect(layer(/^primary:/)).not.toHaveTextContent('override');
    expect(layer(/^tertiary: no one on call/)).toHaveTextContent('No one on call');
    expect(screen.getByRole('list', { name: 'Data problems' })).toHaveTextContent('layer tertiary has no members');
  });

  it('counts down to the handoff every second, with a spoken form', () => {
    renderPanel(defaults, [onCallNowFrame()]);
    const countdown = within(layer(/^primary:/)).getByRole('timer');
    expect(countdown).toHaveTextContent('1h 00m');
    expect(countdown).toHaveAccessibleName('handoff in 1 hour');
    act(() => {
      jest.advanceTimersByTime(59 * MINUTE + 1000);
    });
    expect(countdown).toHaveTextContent('0m 59s');
    act(() => {
      jest.advanceTimersByTime(60_000);
    });
    expect(countdown).toHaveTextContent('Handoff now');
    expect(screen.queryByText(/Handoff in Handoff now/i)).toBeNull();
  });

  it('rolls over to the next person from the shifts when the handoff passes', () => {
    renderPanel();
    expect(layer(/^primary:/)).toHaveTextContent('Ana Diaz');
    act(() => {
      jest.advanceTimersByTime(60 * MINUTE + 1000);
    });
    const primary = layer(/^primary:/);
    expect(primary).toHaveAccessibleName('primary: Chen Li');
    expect(within(primary).getByRole('timer')).toHaveTextContent('6d 23h');
  });

  it('uses seconds_to_handoff when a frame has no shift_end, counted from when the data arrived', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'layer', type: FieldType.string, values: ['primary'] },
        { name: 'name', type: FieldType.string, values: ['Ana Diaz'] },
        { name: 'seconds_to_handoff', type: FieldType.number, values: [90] },
      ],
    });
    renderPanel(defaults, [frame]);
    act(() => {
      jest.advanceTimersByTime(31_000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('0m 59s');
  });
});

describe('OnCallStatusPanel options', () => {
  it('showContact off hides contacts', () => {
    renderPanel({ showContact: false });
    expect(screen.queryByText('+1 555 0100')).not.toBeInTheDocument();
  });

  it('showNextShifts lists the next shifts per layer, shiftCount limits them', () => {
    renderPanel({ ...defaults, shiftCount: 2 });
    const next = screen.getByRole('list', { name: 'Next primary shifts' });
    expect(
      within(next)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Chen LiMon 23 Nov 09:00 – Mon 30 Nov 09:00', 'Dara OkaforMon 30 Nov 09:00 – Mon 7 Dec 09:00']);
    renderPanel({ ...defaults, showNextShifts: false });
    expect(screen.getAllByRole('list', { name: 'Next primary shifts' })).toHaveLength(1);
  });

  it('shows shift times in the dashboard time zone', () => {
    renderPanel({ ...defaults, shiftCount: 1 }, allOnCallFrames(), { timeZone: 'Europe/Berlin' });
    expect(screen.getByRole('list', { name: 'Next primary shifts' })).toHaveTextContent('Mon 23 Nov 10:00');
  });

  it('showEscalation: the ladder shows every step and each alert on the step it reached, with its next step countdown', () => {
    renderPanel();
    const steps = screen.getAllByTestId('escalation-step');
    expect(steps.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Step 1: after 0 minutes, Notify primary; 1 alert here',
      'Step 2: after 15 minutes, Notify secondary; 1 alert here',
      'Step 3: after 30 minutes, Notify Team lead; 1 alert here',
      'Step 4: after 60 minutes, Start an incident; 0 alerts here',
    ]);
    expect(steps[2]).toHaveTextContent('Payment failures above 1%');
    expect(steps[2]).toHaveTextContent('critical · 34 min unacknowledged · notifying Team lead');
    expect(steps[2]).toHaveTextContent('next step in 26m 00s');
    act(() => {
      jest.advanceTimersByTime(26 * MINUTE);
    });
    expect(steps[2]).toHaveTextContent('next step due');
    expect(screen.getByRole('region', { name: 'Escalation' })).toHaveTextContent('3 unacknowledged alerts');
  });

  it('showEscalation off hides the ladder', () => {
    renderPanel({ ...defaults, showEscalation: false });
    expect(screen.queryByRole('region', { name: 'Escalation' })).not.toBeInTheDocument();
  });

  it('says when no alert is waiting on the ladder', () => {
    const empty = createDataFrame({
      name: 'oncall_escalation',
      fields: [{ name: 'alert_id', type: FieldType.string, values: [] }],
    });
    renderPanel(defaults, [onCallNowFrame(), escalationPolicyFrame(), empty]);
    expect(screen.getByRole('region', { name: 'Escalation' })).toHaveTextContent('no unacknowledged alerts');
  });

  it.each([
    ['large', 400, 'large'],
    ['normal', 2000, 'normal'],
    ['auto', 1000, 'large'],
    ['auto', 500, 'normal'],
  ] as const)('textSize %s at %i px wide is %s', (textSize, width, expected) => {
    const { container } = renderPanel({ ...defaults, textSize }, [onCallNowFrame()], { width, height: 400 });
    expect(container.querySelector('[data-text-size]')).toHaveAttribute('data-text-size', expected);
  });

  it('describes every option', () => {
    const items = optionItems(plugin);
    expect(items.map((i) => i.path)).toEqual([
      'showContact',
      'showNextShifts',
      'shiftCount',
      'showEscalation',
      'textSize',
    ]);
    items.forEach((item) => expect(item.description?.length).toBeGreaterThan(20));
  });
});

describe('OnCallStatusPanel data states', () => {
  it('explains what data it needs when there is none', () => {
    renderPanel(defaults, []);
    expect(screen.getByRole('status')).toHaveTextContent('Nobody is on call in this data');
  });

  it('says which field is missing', () => {
    const frame = createDataFrame({
      name: 'oncall_now',
      fields: [{ name: 'layer', type: FieldType.string, values: ['primary'] }],
    });
    renderPanel(defaults, [frame]);
    expect(screen.getByRole('status')).toHaveTextContent('oncall_now has no "name" field');
  });

  it('shows the query error when the query failed', () => {
    renderPanel(defaults, [], { errors: [{ refId: 'A', message: 'schedule "ops" is not configured' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('Query A: schedule "ops" is not configured');
  });

  it('keeps showing who is on call when the escalation query failed', () => {
    renderPanel(defaults, [onCallNowFrame(), onCallShiftsFrame()], {
      errors: [{ refId: 'C', message: 'escalation timed out' }],
    });
    expect(screen.getByRole('list', { name: 'Data problems' })).toHaveTextContent('Query C: escalation timed out');
    expect(layer(/^primary:/)).toHaveTextContent('Ana Diaz');
  });

  it('says it is loading while the first query runs', () => {
    renderPanel(defaults, [], { state: LoadingState.Loading });
    expect(screen.getByRole('status')).toHaveTextContent('Loading on-call status');
  });

  it('shows names with markup as text', () => {
    const frame = createDataFrame({
      name: 'oncall_escalation',
      fields: [
        { name: 'alert_id', type: FieldType.string, values: ['x'] },
        { name: 'alert_name', type: FieldType.string, values: ['<img src=x onerror=alert(1)>'] },
        { name: 'current_step', type: FieldType.number, values: [0] },
      ],
    });
    const { container } = renderPanel(defaults, [onCallEscalationFrame(), frame]);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('countdown formatting', () => {
  it.each([
    [0, 'Handoff now'],
    [59_000, '0m 59s'],
    [3_600_000 * 5 + 60_000 * 7, '5h 07m'],
    [86_400_000 * 2 + 3_600_000 * 3, '2d 3h'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  it.each([
    [30_000, 'less than a minute'],
    [61 * MINUTE, '1 hour 1 minute'],
    [2 * 1440 * MINUTE + 120 * MINUTE, '2 days 2 hours'],
  ])('speaks %i ms as %s', (ms, words) => {
    expect(countdownWords(ms)).toBe(words);
  });
});
