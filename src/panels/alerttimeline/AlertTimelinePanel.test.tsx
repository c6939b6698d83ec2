import React from 'react';
import { createDataFrame, FieldType, LoadingState } from '@grafana/data';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { canvasCalls, clearCanvasCalls, installCanvasMock, restoreCanvasMock } from '../../test/canvasMock';
import { alertHistoryFrame, annotationFrame, maintenanceFrame } from '../../test/fixtures/alerts';
import { optionItems } from '../../test/pluginOptions';
import { panelProps } from '../../test/panelProps';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { plugin } from './module';
import { AlertTimelineOptions } from './types';

const HOUR = 3_600_000;
const RANGE = { from: 0, to: HOUR };

/** Alerts as the monitoring contract names their fields. */
const alerts = createDataFrame({
  name: 'alerts',
  fields: [
    { name: 'id', type: FieldType.string, values: ['a-1', 'a-2', 'a-3'] },
    {
      name: 'name',
      type: FieldType.string,
      values: ['High Error Rate', 'Slow API Response', '<b>Payment</b> Failures'],
    },
    { name: 'rule', type: FieldType.string, values: ['high_error_rate', 'slow_api', 'payment_failures'] },
    { name: 'service', type: FieldType.string, values: ['api', 'api', 'payments'] },
    { name: 'severity', type: FieldType.string, values: ['high', 'medium', 'critical'] },
    { name: 'status', type: FieldType.string, values: ['resolved', 'firing', 'acknowledged'] },
    {
      name: 'description',
      type: FieldType.string,
      values: ['5.3% of requests failed', 'p95 at 2.4 s', 'Card declines <script>alert(1)</script> spiking'],
    },
    { name: 'started_at', type: FieldType.time, values: [HOUR * 0.1, HOUR * 0.5, HOUR * 0.7] },
    { name: 'acknowledged_at', type: FieldType.time, values: [null, null, HOUR * 0.75] },
    { name: 'resolved_at', type: FieldType.time, values: [HOUR * 0.3, null, null] },
    { name: 'escalation_level', type: FieldType.number, values: [0, 1, 2] },
    {
      name: 'runbook_url',
      type: FieldType.string,
      values: ['https://runbooks.example.com/errors', '', 'javascript:alert(1)'],
    },
    { name: 'labels', type: FieldType.string, values: ['{"team":"core","env":"prod"}', '{}', '{"team":"payments"}'] },
  ],
});

/** The application's alerts only: Grafana-managed alerts have their own tests (grafanaSources.test.tsx). */
function renderPanel(options: AlertTimelineOptions = {}, series = [alerts], extra = {}) {
  const props = panelProps<AlertTimelineOptions>({ alertSource: 'application', ...options }, series, {
    range: RANGE,
    width: 800,
    height: 300,
    ...extra,
  });
  const view = render(<AlertTimelinePanel {...props} />);
  return { ...view, props };
}

function timeline() {
  return screen.getByRole('group', { name: /^Alert timeline/ });
}

/** The bars filled on the base canvas: [x, y, width, height] of each rect() of a path that was filled (not clipped). */
function bars(): number[][] {
  const filled: number[][] = [];
  let path: number[][] = [];
  for (const call of canvasCalls(screen.getByTestId('timeline-canvas'))) {
    if (call.name === 'beginPath' || call.name === 'clip') {
      path = [];
    } else if (call.name === 'rect') {
      path.push(call.args as number[]);
    } else if (call.name === 'fill') {
      filled.push(...path);
      path = [];
    }
  }
  return filled;
}

function tableRows() {
  return within(screen.getByTestId('alert-table')).getAllByRole('row').slice(1);
}

beforeAll(installCanvasMock);
afterAll(restoreCanvasMock);
// Open alerts run to "now"; pin it inside the range.
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(HOUR * 0.9));
afterEach(() => jest.restoreAllMocks());

describe('AlertTimelinePanel drawing', () => {
  it('draws one bar per alert on the canvas, in the dashboard time range', () => {
    renderPanel();
    expect(timeline()).toHaveAccessibleName('Alert timeline: 3 alerts, one row per alert');
    // Three alerts; the acknowledged one is drawn as a firing and an acknowledged stretch.
    const drawn = bars();
    expect(drawn.length).toBe(4);
    const [first, second] = drawn.sort((a, b) => a[0] - b[0]);
    // 0.1h → 0.3h and 0.5h → now (0.9h): the second is twice as long as the first.
    expect(second[2] / first[2]).toBeCloseTo(2, 1);
  });

  it('lists every alert in a visually hidden table for screen readers, markup as text', () => {
    const { container } = renderPanel();
    const rows = tableRows();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('<b>Payment</b> Failures');
    expect(rows[0]).toHaveTextContent('critical');
    expect(rows[0]).toHaveTextContent('acknowledged');
    expect(container.querySelector('b, script')).toBeNull();
  });

  it('shades maintenance windows from maintenance frames and tagged annotations', () => {
    const annotations = [
      annotationFrame([{ time: HOUR * 0.6, timeEnd: HOUR * 0.65, text: 'Patch', tags: ['maintenance'] }]),
    ];
    renderPanel({}, [alerts, maintenanceFrame(HOUR * 0.2, HOUR * 0.4)], { annotations });
    expect(timeline()).toHaveAccessibleName('Alert timeline: 3 alerts, one row per alert, 2 maintenance windows');
    expect(screen.getByText('maintenance')).toBeInTheDocument();
  });
});

describe('AlertTimelinePanel options', () => {
  it('severities: shows only the chosen severities', () => {
    renderPanel({ severities: ['critical'] });
    expect(tableRows()).toHaveLength(1);
    expect(timeline()).toHaveAccessibleName('Alert timeline: 1 alerts, one row per alert');
  });

  it('groupBy: one row per service, with overlapping alerts in lanes', () => {
    renderPanel({ groupBy: 'service' });
    expect(timeline()).toHaveAccessibleName('Alert timeline: 3 alerts, grouped by service');
    const labels = canvasCalls(screen.getByTestId('timeline-canvas'))
      .filter((c) => c.name === 'fillText')
      .map((c) => c.args[0]);
    expect(labels).toEqual(expect.arrayContaining(['payments', 'api']));
  });

  it.each(['rule', 'severity'] as const)('groupBy %s names the grouping', (groupBy) => {
    renderPanel({ groupBy });
    expect(timeline()).toHaveAccessibleName(`Alert timeline: 3 alerts, grouped by ${groupBy}`);
  });

  it('rowOrder: newest alert on top by default, oldest on top when asked', () => {
    const firstLabel = () =>
      canvasCalls(screen.getAllByTestId('timeline-canvas').at(-1)!)
        .filter((c) => c.name === 'fillText')
        .map((c) => String(c.args[0]))
        .find((text) => !/^\d\d:\d\d$/.test(text));
    renderPanel();
    expect(firstLabel()).toMatch(/^<b>Payment/);
    renderPanel({ rowOrder: 'oldest' });
    expect(firstLabel()).toBe('High Error Rate');
  });

  it('showLegend: the legend counts severities and its buttons hide and show them', () => {
    renderPanel();
    const legend = screen.getByRole('group', { name: 'Legend and severity filter' });
    const critical = within(legend).getByRole('button', { name: /critical/ });
    expect(critical).toHaveTextContent('critical 1');
    expect(critical).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(critical);
    expect(critical).toHaveAttribute('aria-pressed', 'false');
    expect(tableRows()).toHaveLength(2);
    fireEvent.click(critical);
    expect(tableRows()).toHaveLength(3);
  });

  it('showLegend off hides the legend', () => {
    renderPanel({ showLegend: false });
    expect(screen.queryByRole('group', { name: 'Legend and severity filter' })).not.toBeInTheDocument();
  });

  it('showMaintenance off leaves maintenance windows out', () => {
    renderPanel({ showMaintenance: false }, [alerts, maintenanceFrame(HOUR * 0.2, HOUR * 0.4)]);
    expect(timeline()).toHaveAccessibleName('Alert timeline: 3 alerts, one row per alert');
  });

  it('annotationsAsAlerts draws dashboard annotations as alerts', () => {
    const annotations = [
      annotationFrame([{ time: HOUR * 0.2, timeEnd: HOUR * 0.25, text: 'Deploy v2', tags: ['high'] }]),
    ];
    renderPanel({}, [alerts], { annotations });
    expect(tableRows()).toHaveLength(3);
    renderPanel({ annotationsAsAlerts: true }, [alerts], { annotations });
    expect(screen.getAllByTestId('alert-table')[1]).toHaveTextContent('Deploy v2');
  });

  it('laneHeight sets the row height; few rows stretch to fill, up to twice that', () => {
    const spacerHeight = (container: HTMLElement) =>
      parseFloat(
        (container.querySelector('[aria-roledescription="alert timeline"] > div') as HTMLElement).style.height
      );
    // Three 10 px rows with 3 px padding each side stretch to twice their height.
    expect(spacerHeight(renderPanel({ laneHeight: 10 }).container)).toBe(2 * 3 * (10 + 6));
    // Three 48 px rows stretch only as far as the 246 px plot.
    expect(spacerHeight(renderPanel({ laneHeight: 48 }).container)).toBe(246);
  });

  it('field pickers read frames with other field names', () => {
    const frame = createDataFrame({
      name: 'incidents',
      fields: [
        { name: 'opened', type: FieldType.time, values: [HOUR * 0.2] },
        { name: 'closed', type: FieldType.time, values: [HOUR * 0.4] },
        { name: 'headline', type: FieldType.string, values: ['Checkout down'] },
      ],
    });
    renderPanel({}, [frame]);
    expect(screen.getByRole('status')).toHaveTextContent('incidents has no start time field');
    renderPanel({ fields: { start: 'opened', end: 'closed', title: 'headline' } }, [frame]);
    expect(screen.getByTestId('alert-table')).toHaveTextContent('Checkout down');
  });

  it('describes every option', () => {
    const items = optionItems(plugin);
    expect(items.map((i) => i.path)).toEqual([
      'display',
      'countWhat',
      'alertSource',
      'grafanaFolder',
      'grafanaLabels',
      'groupBy',
      'rowOrder',
      'severities',
      'showLegend',
      'showMaintenance',
      'annotationsAsAlerts',
      'laneHeight',
      'fields.start',
      'fields.end',
      'fields.title',
      'fields.severity',
      'fields.state',
    ]);
    items.forEach((item) => expect(item.description?.length).toBeGreaterThan(20));
    expect(plugin.dataSupport.annotations).toBe(true);
    // Both sources by default, picking AppMon's own Grafana rules (provisioning/alerting).
    const defaults = Object.fromEntries(items.map((i) => [i.path, i.defaultValue]));
    expect(defaults).toMatchObject({ alertSource: 'both', grafanaFolder: 'AppMon', grafanaLabels: 'source=appmon' });
  });
});

describe('AlertTimelinePanel interaction', () => {
  /** Centre of the n-th bar from the left, in client coordinates (jsdom puts the panel at 0,0). */
  function barCentre(n: number) {
    const [x, y, w, h] = bars().sort((a, b) => a[0] - b[0])[n];
    return { clientX: x + w / 2, clientY: y + h / 2 };
  }

  it('hovering a bar shows its tooltip: description as text, labels, runbook link, escalation step', () => {
    renderPanel();
    fireEvent.mouseMove(timeline(), barCentre(0));
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip).toHaveTextContent('High Error Rate');
    expect(tooltip).toHaveTextContent('5.3% of requests failed');
    expect(tooltip).toHaveTextContent('team=core');
    expect(tooltip).toHaveTextContent('resolved after 12m');
    expect(within(tooltip).getByRole('link', { name: /Runbook/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/errors'
    );
    fireEvent.mouseMove(timeline(), { clientX: 5, clientY: 5 });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('never turns alert text into HTML, and drops unsafe runbook links', () => {
    const { container } = renderPanel();
    fireEvent.mouseMove(timeline(), barCentre(3));
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip).toHaveTextContent('Card declines <script>alert(1)</script> spiking');
    expect(tooltip).toHaveTextContent('step 2');
    expect(within(tooltip).queryByRole('link')).not.toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
  });

  it('a click pins the tooltip until closed', () => {
    renderPanel();
    const at = barCentre(0);
    fireEvent.mouseDown(timeline(), { ...at, button: 0 });
    fireEvent.mouseUp(window, at);
    fireEvent.mouseMove(timeline(), { clientX: 5, clientY: 5 });
    const tooltip = screen.getByRole('tooltip');
    fireEvent.click(within(tooltip).getByRole('button', { name: 'Close alert details' }));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('dragging across the plot zooms the dashboard to the selected range', () => {
    const { props } = renderPanel();
    const a = barCentre(0);
    const b = barCentre(1);
    fireEvent.mouseDown(timeline(), { ...a, button: 0 });
    fireEvent.mouseMove(timeline(), b);
    fireEvent.mouseUp(window, b);
    expect(props.onChangeTimeRange).toHaveBeenCalledTimes(1);
    const { from, to } = (props.onChangeTimeRange as jest.Mock).mock.calls[0][0];
    // Centres of the 0.1h–0.3h bar and the 0.5h–now(0.9h) bar, within the pixel jsdom rounds pointer positions to.
    const onePixel = HOUR / 600;
    expect(Math.abs(from - HOUR * 0.2)).toBeLessThan(onePixel);
    expect(Math.abs(to - HOUR * 0.7)).toBeLessThan(onePixel);
  });

  it('a drag past the edges clamps to the plot, and a tiny drag is a click, not a zoom', () => {
    const { props } = renderPanel();
    fireEvent.mouseDown(timeline(), { clientX: 790, clientY: 20, button: 0 });
    fireEvent.mouseUp(window, { clientX: 792, clientY: 20 });
    expect(props.onChangeTimeRange).not.toHaveBeenCalled();
    fireEvent.mouseDown(timeline(), { clientX: 300, clientY: 20, button: 0 });
    fireEvent.mouseUp(window, { clientX: 5000, clientY: 20 });
    expect((props.onChangeTimeRange as jest.Mock).mock.calls[0][0].to).toBe(HOUR);
  });

  it('keyboard: arrows move between alerts and announce them, Enter pins details, z zooms, minus zooms out, Escape clears', () => {
    const { props } = renderPanel();
    const group = timeline();
    act(() => group.focus());
    // The newest alert is on top.
    fireEvent.keyDown(group, { key: 'ArrowDown' });
    expect(screen.getByTestId('timeline-announcer')).toHaveTextContent(
      /^<b>Payment<\/b> Failures: critical, acknowledged, started 1970-01-01 00:42:00, acknowledged for 12m/
    );
    fireEvent.keyDown(group, { key: 'ArrowDown' });
    expect(screen.getByTestId('timeline-announcer')).toHaveTextContent(/^Slow API Response: medium, firing/);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Slow API Response');
    fireEvent.keyDown(group, { key: 'Enter' });
    expect(
      within(screen.getByRole('tooltip')).getByRole('button', { name: 'Close alert details' })
    ).toBeInTheDocument();
    fireEvent.keyDown(group, { key: 'z' });
    expect(props.onChangeTimeRange).toHaveBeenLastCalledWith({
      from: HOUR * 0.5 - HOUR * 0.1,
      to: HOUR * 0.9 + HOUR * 0.1,
    });
    fireEvent.keyDown(group, { key: '-' });
    expect(props.onChangeTimeRange).toHaveBeenLastCalledWith({ from: -HOUR / 2, to: HOUR * 1.5 });
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(screen.getByTestId('timeline-announcer')).toHaveTextContent('');
  });

  it('redraws only the overlay on hover, not the 10,000-bar base canvas', () => {
    renderPanel();
    const base = screen.getByTestId('timeline-canvas');
    const at = barCentre(0);
    clearCanvasCalls(base);
    fireEvent.mouseMove(timeline(), at);
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    expect(canvasCalls(base).filter((c) => c.name === 'rect')).toHaveLength(0);
  });
});

describe('AlertTimelinePanel with many alerts and refreshes', () => {
  it('draws 10,000 alerts, listing the 200 most recent for screen readers', () => {
    const many = alertHistoryFrame({ count: 10_000, from: 0, to: HOUR, randomSeed: 9 });
    // Five severity rows of up to six 8 px lanes all fit in 600 px, so every alert is drawn.
    renderPanel({ groupBy: 'severity', laneHeight: 8 }, [many], { height: 600 });
    expect(timeline()).toHaveAccessibleName('Alert timeline: 10000 alerts, grouped by severity');
    expect(tableRows()).toHaveLength(200);
    expect(screen.getByTestId('alert-table').querySelector('caption')).toHaveTextContent(
      'The 200 most recent of 10000 alerts'
    );
    expect(bars().length).toBeGreaterThan(10_000);
  });

  it('drops a tooltip when new data arrives, instead of showing another alert under the old id', () => {
    const { props, rerender } = renderPanel();
    fireEvent.mouseMove(
      timeline(),
      (() => {
        const [x, y, w, h] = bars().sort((a, b) => a[0] - b[0])[0];
        return { clientX: x + w / 2, clientY: y + h / 2 };
      })()
    );
    expect(screen.getByRole('tooltip')).toHaveTextContent('High Error Rate');
    const refreshed = createDataFrame({
      ...alerts,
      fields: alerts.fields.map((f) => ({ ...f, values: [...f.values].reverse() })),
    });
    rerender(<AlertTimelinePanel {...props} data={{ ...props.data, series: [refreshed] }} />);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });
});

describe('AlertTimelinePanel data states', () => {
  it('says so when nothing happened in the range', () => {
    renderPanel({}, [alerts], { range: { from: -HOUR * 2, to: -HOUR } });
    expect(screen.getByRole('status')).toHaveTextContent('No alerts in this time range');
    expect(screen.getByRole('status')).toHaveTextContent('3 alerts outside this time range');
  });

  it('explains what data it reads when there is none', () => {
    renderPanel({}, []);
    expect(screen.getByRole('status')).toHaveTextContent('alert history query');
  });

  it('shows the query error when the query failed', () => {
    renderPanel({}, [], { errors: [{ refId: 'A', message: 'alert history needs the alerts.history extension' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('Query A: alert history needs the alerts.history extension');
  });

  it('keeps drawing what it has when one of several queries failed', () => {
    renderPanel({}, [alerts], { errors: [{ refId: 'B', message: 'maintenance query failed' }] });
    expect(screen.getByRole('list', { name: 'Data problems' })).toHaveTextContent('Query B: maintenance query failed');
    expect(tableRows()).toHaveLength(3);
  });

  it('says it is loading while the first query runs', () => {
    renderPanel({}, [], { state: LoadingState.Loading });
    expect(screen.getByRole('status')).toHaveTextContent('Loading alerts');
  });
});
