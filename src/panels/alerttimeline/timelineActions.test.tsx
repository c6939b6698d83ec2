import React from 'react';
import { of } from 'rxjs';
import { createDataFrame, DataQueryRequest, FieldType } from '@grafana/data';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { resetActionStateCache } from '../../shared/AcknowledgeButton';
import { canvasCalls, installCanvasMock, restoreCanvasMock } from '../../test/canvasMock';
import { panelProps } from '../../test/panelProps';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { AlertTimelineOptions } from './types';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getAppEvents: () => ({ publish: jest.fn() }),
  getDataSourceSrv: () => ({
    getInstanceSettings: (ref?: { uid?: string }) => ({ uid: ref?.uid, type: 'appmon-endpoints-datasource' }),
  }),
}));

const HOUR = 3_600_000;
const frame = createDataFrame({
  name: 'alerts',
  fields: [
    { name: 'id', type: FieldType.string, values: ['a-1', 'a-2'] },
    { name: 'name', type: FieldType.string, values: ['Payment Failures', 'High Error Rate'] },
    { name: 'severity', type: FieldType.string, values: ['critical', 'high'] },
    { name: 'status', type: FieldType.string, values: ['firing', 'acknowledged'] },
    { name: 'started_at', type: FieldType.time, values: [HOUR * 0.1, HOUR * 0.5] },
    { name: 'acknowledged_at', type: FieldType.time, values: [null, HOUR * 0.6] },
  ],
});
const request = {
  targets: [{ refId: 'A', datasource: { type: 'appmon-endpoints-datasource', uid: 'appmon' } }],
  scopedVars: {},
} as unknown as DataQueryRequest;

function renderPanel() {
  const props = panelProps<AlertTimelineOptions>({ alertSource: 'application' }, [frame], {
    range: { from: 0, to: HOUR },
    width: 800,
    height: 300,
  });
  return render(<AlertTimelinePanel {...props} data={{ ...props.data, request }} />);
}

/** Pins the tooltip of the n-th bar from the left (a click on its centre). */
function pin(n: number) {
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
  const [x, y, w, h] = filled.sort((a, b) => a[0] - b[0])[n];
  const at = { clientX: x + w / 2, clientY: y + h / 2 };
  const timeline = screen.getByRole('group', { name: /^Alert timeline/ });
  fireEvent.mouseDown(timeline, { ...at, button: 0 });
  fireEvent.mouseUp(window, at);
  return screen.getByRole('tooltip');
}

beforeAll(installCanvasMock);
afterAll(restoreCanvasMock);
beforeEach(() => {
  fetch.mockReset();
  resetActionStateCache();
  jest.spyOn(Date, 'now').mockReturnValue(HOUR * 0.9);
});
afterEach(() => jest.restoreAllMocks());
jest.setTimeout(20_000);

describe('acknowledging from the timeline tooltip', () => {
  it('offers Acknowledge in the pinned tooltip of a firing application alert, for an Editor with an admin key', async () => {
    fetch.mockReturnValue(of({ data: { enabled: true, allowed: true, reason: '' } }));
    renderPanel();
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        expect.objectContaining({ url: '/api/datasources/uid/appmon/resources/actions', method: 'GET' })
      )
    );
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const tooltip = pin(0);
    expect(tooltip).toHaveTextContent('Payment Failures');
    expect(within(tooltip).getByRole('button', { name: /Acknowledge/ })).toBeInTheDocument();
  });

  it('offers nothing on an alert already acknowledged', async () => {
    fetch.mockReturnValue(of({ data: { enabled: true, allowed: true, reason: '' } }));
    renderPanel();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const tooltip = pin(1);
    expect(tooltip).toHaveTextContent('High Error Rate');
    expect(within(tooltip).queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
  });

  it('offers nothing to a Viewer', async () => {
    fetch.mockReturnValue(of({ data: { enabled: true, allowed: false, reason: 'Only Editors can act.' } }));
    renderPanel();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const tooltip = pin(0);
    expect(within(tooltip).queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
  });
});
