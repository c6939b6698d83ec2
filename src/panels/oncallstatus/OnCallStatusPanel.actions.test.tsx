import React from 'react';
import { of, throwError } from 'rxjs';
import { DataQueryRequest } from '@grafana/data';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { allOnCallFrames, escalationPolicyFrame, onCallEscalationFrame } from '../../test/fixtures/oncall';
import { panelProps } from '../../test/panelProps';
import { resetActionStateCache } from '../../shared/AcknowledgeButton';
import { OnCallStatusPanel } from './OnCallStatusPanel';
import { OnCallStatusOptions } from './types';

const fetch = jest.fn();
const publish = jest.fn();
const getInstanceSettings = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getAppEvents: () => ({ publish }),
  getDataSourceSrv: () => ({ getInstanceSettings }),
}));

const options: OnCallStatusOptions = { showContact: true };
const request = {
  targets: [
    { refId: 'A', datasource: { type: 'appmon-endpoints-datasource', uid: 'appmon' } },
    { refId: 'C', datasource: { type: 'appmon-endpoints-datasource', uid: '${ds}' } },
  ],
  scopedVars: {},
} as unknown as DataQueryRequest;

function renderPanel(series = allOnCallFrames(), req: DataQueryRequest | undefined = request) {
  const props = panelProps<OnCallStatusOptions>(options, series, { width: 1000, height: 500 });
  return render(<OnCallStatusPanel {...props} data={{ ...props.data, request: req }} />);
}

function stateIs(state: object) {
  fetch.mockImplementation((req: { url: string; method: string; data?: { alertId: string } }) => {
    if (req.method === 'GET') {
      return of({ data: state });
    }
    if (req.url === '/api/datasources/uid/appmon-prod/resources/actions/acknowledge') {
      return req.data?.alertId === 'a-101'
        ? of({ data: { message: 'Alert "Payment failures above 1%" (a-101) is acknowledged: its escalation stops.' } })
        : throwError(() => ({
            status: 502,
            data: { error: 'The application refused the admin key (401 Unauthorized).' },
          }));
    }
    return throwError(() => ({ status: 404, data: { error: `unexpected ${req.url}` } }));
  });
}

// Dialogs render slowly on a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetch.mockReset();
  publish.mockReset();
  resetActionStateCache();
  // The escalation query (refId C) names the data source through a variable.
  getInstanceSettings.mockImplementation((ref?: { uid?: string }) =>
    ref?.uid === '${ds}'
      ? { uid: 'appmon-prod', type: 'appmon-endpoints-datasource' }
      : { uid: ref?.uid, type: 'appmon-endpoints-datasource' }
  );
});

/** Lets the action state arrive before the test ends. */
async function settled() {
  await waitFor(() => expect(fetch).toHaveBeenCalled());
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

function card(name: string) {
  return screen.getByText(name).closest('li') as HTMLElement;
}

describe('OnCallStatusPanel: escalation cards', () => {
  it('count steps from 1, as people do', async () => {
    stateIs({ enabled: false, allowed: false, reason: 'No admin key.' });
    renderPanel();
    expect(card('Payment failures above 1%')).toHaveTextContent('step 3 of 4 · critical');
    expect(card('Slow API p95')).toHaveTextContent('step 1 of 4 · medium');
    expect(screen.getByRole('region', { name: 'Escalation' })).not.toHaveTextContent(/step 0/);
    await settled();
  });

  it('say when the first step has not fired yet', async () => {
    stateIs({ enabled: false, allowed: false, reason: 'No admin key.' });
    const esc = onCallEscalationFrame();
    esc.fields.find((f) => f.name === 'current_step')!.values = [2, 1, -1];
    renderPanel([escalationPolicyFrame(), esc]);
    expect(card('Slow API p95')).toHaveTextContent('step 1 of 4 not reached yet');
    await settled();
  });

  it('offer Acknowledge to an Editor, through the escalation query’s data source', async () => {
    stateIs({ enabled: true, allowed: true, reason: 'You can.' });
    renderPanel();
    const button = await within(card('Payment failures above 1%')).findByRole('button', {
      name: 'Acknowledge alert a-101',
    });
    expect(screen.getAllByRole('button', { name: /^Acknowledge alert/ })).toHaveLength(3);
    // One question for the whole panel, to the data source of refId C.
    expect(fetch.mock.calls.map((c) => c[0].url)).toEqual(['/api/datasources/uid/appmon-prod/resources/actions']);

    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(
      await within(card('Payment failures above 1%')).findByText(
        'Alert "Payment failures above 1%" (a-101) is acknowledged: its escalation stops.'
      )
    ).toBeInTheDocument();
    // The dashboard is asked to run the queries again.
    expect(publish).toHaveBeenCalledWith({ type: 'variables-changed', payload: { refreshAll: true } });
  });

  it('show the plain error and keep the alert when acknowledging fails', async () => {
    stateIs({ enabled: true, allowed: true, reason: 'You can.' });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge alert a-102' }));
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await within(card('Error rate above 5%')).findByRole('alert')).toHaveTextContent(
      'The application refused the admin key (401 Unauthorized).'
    );
    expect(publish).not.toHaveBeenCalled();
  });

  it('offer nothing to a Viewer, without an admin key, or without an AppMon data source', async () => {
    for (const state of [
      { enabled: true, allowed: false, reason: 'Needs the Editor role.' },
      { enabled: false, allowed: false, reason: 'No admin key.' },
    ]) {
      resetActionStateCache();
      stateIs(state);
      const { unmount } = renderPanel();
      await settled();
      expect(screen.queryByRole('button', { name: /^Acknowledge alert/ })).not.toBeInTheDocument();
      unmount();
      fetch.mockClear();
    }
    getInstanceSettings.mockReturnValue({ uid: 'prom', type: 'prometheus' });
    renderPanel();
    expect(screen.queryByRole('button', { name: /^Acknowledge alert/ })).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
