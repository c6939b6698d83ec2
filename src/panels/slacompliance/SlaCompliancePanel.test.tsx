import React from 'react';
import {
  createDataFrame,
  createTheme,
  FieldType,
  getDisplayProcessor,
  LoadingState,
  MappingType,
  ThresholdsMode,
} from '@grafana/data';
import { render, screen, within } from '@testing-library/react';

import { sloFrame, sloTrendFrames } from '../../test/fixtures/slo';
import { panelProps } from '../../test/panelProps';
import { SlaCompliancePanel } from './SlaCompliancePanel';
import { SlaComplianceOptions } from './types';

const full: SlaComplianceOptions = { layout: 'full' };
const compact: SlaComplianceOptions = { layout: 'compact' };
const NOW = Date.UTC(2026, 10, 23, 12);

function renderPanel(options: SlaComplianceOptions, series = [sloFrame(), ...sloTrendFrames(NOW)], extra = {}) {
  return render(
    <SlaCompliancePanel
      {...panelProps<SlaComplianceOptions>(options, series, { width: 1000, height: 600, ...extra })}
    />
  );
}

function objective(name: string) {
  return screen.getByRole('article', { name });
}

describe('SlaCompliancePanel, full layout', () => {
  it('shows each objective with target against actual and its status in words', () => {
    renderPanel(full);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(within(objective('Availability')).getByTestId('compliance-status')).toHaveTextContent('Meeting target');
    expect(objective('Availability')).toHaveTextContent('99.953 % of 99.9 % target · 30-day window');
    expect(within(objective('Error rate')).getByTestId('compliance-status')).toHaveTextContent('At risk');
    expect(objective('Error rate')).toHaveTextContent('Using up its error budget fast: the on-call engineer is paged.');
    expect(within(objective('Latency p95 under 500 ms')).getByTestId('compliance-status')).toHaveTextContent(
      'Missing target'
    );
    expect(objective('Latency p95 under 500 ms')).toHaveTextContent('this month');
  });

  it('shows the error budget as a meter with ratio and minutes, and time to exhaustion', () => {
    renderPanel(full);
    const meter = within(objective('Error rate')).getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuenow', '21');
    expect(meter).toHaveAttribute('aria-valuetext', '21.0% error budget left (21m of 1h 40m)');
    expect(objective('Error rate')).toHaveTextContent('Budget runs out in 5h 20m');
    expect(objective('Availability')).toHaveTextContent('Not burning');
  });

  it('says how far an overspent budget is over', () => {
    renderPanel(full);
    const latency = objective('Latency p95 under 500 ms');
    expect(within(latency).getByTestId('budget-caption')).toHaveTextContent(
      'Error budget overspent by 160.0% (5h 45m over)'
    );
    expect(within(latency).getByRole('meter')).toHaveAttribute('aria-valuenow', '0');
    expect(latency).toHaveTextContent('Budget already spent');
  });

  it('shows the four multiwindow burn-rate pairs and which conditions hold', () => {
    renderPanel(full);
    const table = within(objective('Error rate')).getByRole('table', { name: 'Burn rates for Error rate' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Page 1h/5m15×18×14.4×Burning',
      'Page 6h/30m6.4×9.1×6×Burning',
      'Ticket 1d/2h2.1×4.2×3×OK',
      'Ticket 3d/6h1.2×6.4×1×Burning',
    ]);
  });

  it('keeps every burn-table cell on one line', () => {
    renderPanel(full);
    const table = within(objective('Error rate')).getByRole('table', { name: 'Burn rates for Error rate' });
    const cells = within(table).getAllByRole('cell');
    expect(cells).toHaveLength(16);
    for (const cell of [...cells, ...within(table).getAllByRole('rowheader')]) {
      expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
    }
    // The windows are named once, in the condition; each rate cell holds just the rate.
    expect(cells[4]).toHaveTextContent(/^6\.4×$/);
    expect(cells[4]).toHaveAttribute('title', 'Burn rate over 6h');
  });

  it('draws the trend from the slo_trend frame of the same objective', () => {
    renderPanel(full);
    const trend = within(objective('Availability')).getByRole('img');
    expect(trend.getAttribute('aria-label')).toMatch(/^Trend from \d+\.\d{3}% to \d+\.\d{3}%, low/);
    expect(trend.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(7 * 24);
  });

  it('shows MTBF and MTTR, and says when history covers only part of the window', () => {
    renderPanel(full);
    expect(objective('Availability')).toHaveTextContent('MTBF 9d · MTTR 14m');
    expect(objective('Latency p95 under 500 ms')).toHaveTextContent('History covers 62% of the window');
    expect(objective('Availability')).not.toHaveTextContent('History covers');
  });
});

describe('SlaCompliancePanel options', () => {
  it('compact layout: a stat tile with the figure, status, burn badge and slim budget bar, no burn table', () => {
    renderPanel(compact);
    const tile = objective('Error rate');
    expect(tile).toHaveTextContent('99.210 %');
    expect(tile).toHaveTextContent('At risk');
    expect(tile).toHaveTextContent('Fast burn');
    expect(objective('Latency p95 under 500 ms')).toHaveTextContent('Slow burn');
    expect(within(tile).getByRole('meter')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('budget-caption')).not.toBeInTheDocument();
  });

  it('compact layout: status and target read "Meeting target · 99.9 %", without a doubled word', () => {
    renderPanel(compact);
    expect(objective('Availability')).toHaveTextContent('99.953 %Meeting target · 99.9 %');
    expect(objective('Error rate')).toHaveTextContent('At risk · 99 %');
    expect(objective('Latency p95 under 500 ms')).toHaveTextContent('Missing target · 99.5 %');
    for (const tile of screen.getAllByRole('article')) {
      expect(tile).not.toHaveTextContent(/target target/i);
      expect(tile).not.toHaveTextContent(/· \d+\.\d*0\s?%/); // no "99.900%"-style targets
    }
  });

  it('compact layout: the trend has its own strip below the status and budget bar', () => {
    renderPanel(compact);
    const tile = objective('Availability');
    const strip = within(tile).getByTestId('tile-trend');
    const meter = within(tile).getByRole('meter');
    const status = within(tile).getByTestId('compliance-status');
    // Both come before the strip in the tile's flow, and the strip is not laid over them.
    expect(status.compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(meter.compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(getComputedStyle(strip).position).not.toBe('absolute');
    expect(tile.lastElementChild).toBe(strip);
  });

  it("value mappings rename objective titles in the readers' words", () => {
    const frame = sloFrame();
    const title = frame.fields.find((f) => f.name === 'title')!;
    title.config = {
      ...title.config,
      mappings: [{ type: MappingType.ValueToText, options: { 'Error rate': { text: 'Good requests' } } }],
    };
    title.display = getDisplayProcessor({ field: title, theme: createTheme() });
    renderPanel(compact, [frame]);
    expect(objective('Good requests')).toHaveTextContent('Good requests99.210 %At risk · 99 %');
    expect(screen.queryByRole('article', { name: 'Error rate' })).not.toBeInTheDocument();
    expect(objective('Availability')).toBeInTheDocument();
  });

  it('showBudget off hides the budget bar and time to exhaustion', () => {
    renderPanel({ ...full, showBudget: false });
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.queryByText(/Budget runs out/)).not.toBeInTheDocument();
  });

  it('showBurnRates off hides the burn tables (full) and badges (compact)', () => {
    renderPanel({ ...full, showBurnRates: false });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    renderPanel({ ...compact, showBurnRates: false });
    expect(screen.queryByText('Fast burn')).not.toBeInTheDocument();
  });

  it('showTrend off hides the sparklines', () => {
    renderPanel({ ...full, showTrend: false });
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('showReliability off hides MTBF and MTTR', () => {
    renderPanel({ ...full, showReliability: false });
    expect(screen.queryByText(/MTBF/)).not.toBeInTheDocument();
  });

  it('field pickers read frames whose fields are named differently', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'slo_name', type: FieldType.string, values: ['checkout'] },
        { name: 'goal', type: FieldType.number, values: [99.5] },
        { name: 'measured', type: FieldType.number, values: [99.7] },
        { name: 'left', type: FieldType.number, values: [0.4] },
      ],
    });
    renderPanel(full, [frame]);
    expect(screen.getByRole('status')).toHaveTextContent('has no "target" and "actual" field');

    renderPanel(
      { ...full, fields: { objective: 'slo_name', target: 'goal', actual: 'measured', budgetRatio: 'left' } },
      [frame]
    );
    expect(objective('Checkout')).toHaveTextContent('99.700 % of 99.5 % target');
    expect(objective('Checkout')).toHaveTextContent('Meeting target');
    expect(within(objective('Checkout')).getByRole('meter')).toHaveAttribute('aria-valuenow', '40');
  });

  it('colours the budget bar from the panel thresholds and formats with its decimals', () => {
    const fieldConfig = {
      defaults: {
        decimals: 1,
        thresholds: { mode: ThresholdsMode.Absolute, steps: [{ value: -Infinity, color: 'purple' }] },
      },
      overrides: [],
    };
    renderPanel(full, [sloFrame()], { fieldConfig });
    const fill = within(objective('Availability')).getByRole('meter').firstChild as HTMLElement;
    const purple = createTheme().visualization.getColorByName('purple');
    expect(fill.style.background).toBe(hexToRgb(purple));
    expect(objective('Availability')).toHaveTextContent('100.0 % of 99.9 % target');
  });
});

describe('SlaCompliancePanel data states', () => {
  it('derives compliance from target and actual when there is no compliant field, and prefers the field when there is', () => {
    const frame = (compliant?: boolean) =>
      createDataFrame({
        fields: [
          { name: 'objective', type: FieldType.string, values: ['error_rate'] },
          { name: 'target', type: FieldType.number, values: [99] },
          { name: 'actual', type: FieldType.number, values: [99.5] },
          ...(compliant === undefined ? [] : [{ name: 'compliant', type: FieldType.boolean, values: [compliant] }]),
        ],
      });
    renderPanel(full, [frame()]);
    expect(objective('Error rate')).toHaveTextContent('Meeting target');
    renderPanel(full, [frame(false)]);
    expect(screen.getAllByRole('article', { name: 'Error rate' })[1]).toHaveTextContent('Missing target');
  });

  it('shows titles with markup as text', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'title', type: FieldType.string, values: ['<img src=x onerror=alert(1)>Checkout'] },
        { name: 'target', type: FieldType.number, values: [99] },
        { name: 'actual', type: FieldType.number, values: [99.5] },
      ],
    });
    const { container } = renderPanel(full, [frame]);
    expect(screen.getByText('<img src=x onerror=alert(1)>Checkout')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('explains what it needs when there is no data', () => {
    renderPanel(full, []);
    expect(screen.getByRole('status')).toHaveTextContent('No objectives found');
    expect(screen.getByRole('status')).toHaveTextContent('SLO query');
  });

  it('shows the query error when the query failed', () => {
    renderPanel(full, [], { errors: [{ refId: 'A', message: 'upstream answered 503' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('The SLO query failed');
    expect(screen.getByRole('alert')).toHaveTextContent('Query A: upstream answered 503');
  });

  it('shows partial data with the failed query and the frame that lacks a field', () => {
    const broken = createDataFrame({
      name: 'custom_slo',
      fields: [{ name: 'target', type: FieldType.number, values: [99] }],
    });
    renderPanel(full, [sloFrame(), broken], { errors: [{ refId: 'B', message: 'trend query timed out' }] });
    const problems = screen.getByRole('list', { name: 'Data problems' });
    expect(problems).toHaveTextContent('Query B: trend query timed out');
    expect(problems).toHaveTextContent('custom_slo has no "actual" field');
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });

  it('says it is loading while the first query runs', () => {
    renderPanel(full, [], { state: LoadingState.Loading });
    expect(screen.getByRole('status')).toHaveTextContent('Loading objectives');
  });
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
