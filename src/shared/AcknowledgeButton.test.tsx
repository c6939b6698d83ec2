import React from 'react';
import { of, throwError } from 'rxjs';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { AcknowledgeButton, resetActionStateCache } from './AcknowledgeButton';

const fetch = jest.fn();
const publish = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getAppEvents: () => ({ publish }),
}));

const ALLOWED = { enabled: true, allowed: true, reason: 'You can acknowledge alerts.' };

/** Answers GET /actions with the state and POST /actions/acknowledge with answer. */
function backend(state: object, answer: () => unknown) {
  fetch.mockImplementation((req: { url: string; method: string }) => {
    if (req.method === 'GET' && req.url.endsWith('/resources/actions')) {
      return of({ data: state });
    }
    if (req.method === 'POST' && req.url.endsWith('/resources/actions/acknowledge')) {
      return answer();
    }
    return throwError(() => ({ status: 404, data: { error: `unexpected ${req.method} ${req.url}` } }));
  });
}

// Dialogs render slowly on a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetch.mockReset();
  publish.mockReset();
  resetActionStateCache();
});

describe('AcknowledgeButton', () => {
  it('is hidden without an admin key, and for a Viewer', async () => {
    for (const state of [
      { enabled: false, allowed: false, reason: 'No admin key is configured.' },
      { enabled: true, allowed: false, reason: 'Acknowledging alerts needs the Editor role.' },
    ]) {
      resetActionStateCache();
      backend(state, () => of({ data: {} }));
      const { container, unmount } = render(<AcknowledgeButton datasourceUid="ds" alertId="a-1" />);
      await waitFor(() => expect(fetch).toHaveBeenCalled());
      // Let the answer arrive: an allowed state would show the button by now.
      await act(() => new Promise((r) => setTimeout(r, 20)));
      expect(container).toBeEmptyDOMElement();
      unmount();
      fetch.mockClear();
    }
  });

  it('asks for confirmation, acknowledges that alert and reports back', async () => {
    backend(ALLOWED, () => of({ data: { message: 'Alert a-1 is acknowledged; its escalation stops.' } }));
    const onDone = jest.fn();
    render(<AcknowledgeButton datasourceUid="ds" alertId="a-1" alertName="High CPU" onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge alert a-1' }));
    expect(screen.getByText(/Acknowledge alert "High CPU" \(a-1\)\?/)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1); // nothing sent before the confirmation

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('Alert a-1 is acknowledged; its escalation stops.')).toBeInTheDocument();
    const post = fetch.mock.calls.map((c) => c[0]).find((r) => r.method === 'POST');
    expect(post).toMatchObject({
      url: '/api/datasources/uid/ds/resources/actions/acknowledge',
      data: { alertId: 'a-1' },
    });
    expect(onDone).toHaveBeenCalledWith({ message: 'Alert a-1 is acknowledged; its escalation stops.' });
  });

  it('cancelling sends nothing', async () => {
    backend(ALLOWED, () => of({ data: { message: 'done' } }));
    render(<AcknowledgeButton datasourceUid="ds" alertId="a-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge alert a-1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByText(/Acknowledge alert a-1\?/)).not.toBeInTheDocument());
    expect(fetch.mock.calls.filter((c) => c[0].method === 'POST')).toHaveLength(0);
  });

  it("shows the backend's sentence when the action fails", async () => {
    backend(ALLOWED, () =>
      throwError(() => ({
        status: 404,
        data: { error: 'The application has no alert with id "a-9"; it may have been resolved.' },
      }))
    );
    const onDone = jest.fn();
    render(<AcknowledgeButton datasourceUid="ds" alertId="a-9" onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge alert a-9' }));
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The application has no alert with id "a-9"; it may have been resolved.'
    );
    expect(onDone).not.toHaveBeenCalled();
    // Still offered: the user may try again.
    expect(screen.getByRole('button', { name: 'Acknowledge alert a-9' })).toBeInTheDocument();
  });

  it('uses a state the caller already has without asking', async () => {
    backend(ALLOWED, () => of({ data: { message: 'ok' } }));
    render(<AcknowledgeButton datasourceUid="ds" alertId="a-1" state={ALLOWED} />);
    expect(screen.getByRole('button', { name: 'Acknowledge alert a-1' })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
