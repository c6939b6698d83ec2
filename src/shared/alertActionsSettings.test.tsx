import React from 'react';
import { of, throwError } from 'rxjs';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { resetActionStateCache } from './AcknowledgeButton';
import { AlertActionsSettings } from './alertActionsSettings';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
}));

const ALLOWED = { enabled: true, allowed: true, reason: 'You can.' };

function backend(state: object) {
  fetch.mockImplementation((req: { url: string; method: string; data?: { channel?: string } }) => {
    if (req.method === 'GET') {
      return of({ data: state });
    }
    if (req.url.endsWith('/actions/test-alert')) {
      return of({ data: { message: 'Test alert "Test alert from Grafana" (manual-1) raised.' } });
    }
    if (req.url.endsWith('/actions/test-channel') && req.data?.channel === 'webhook') {
      return of({ data: { message: 'Test notification sent on channel "webhook".' } });
    }
    return throwError(() => ({
      status: 400,
      data: {
        error: 'The application refused the request (400 Bad Request). The application said: unknown channel "fax".',
      },
    }));
  });
}

const posts = () => fetch.mock.calls.map((c) => c[0]).filter((r) => r.method === 'POST');

// Dialogs render slowly on a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetch.mockReset();
  resetActionStateCache();
});

describe('AlertActionsSettings', () => {
  it('shows nothing until an admin key is saved, and nothing to a Viewer', async () => {
    backend(ALLOWED);
    const { container, rerender } = render(<AlertActionsSettings datasourceUid="ds" adminKeySaved={false} />);
    expect(container).toBeEmptyDOMElement();
    expect(fetch).not.toHaveBeenCalled();

    resetActionStateCache();
    backend({ enabled: true, allowed: false, reason: 'Needs the Editor role.' });
    rerender(<AlertActionsSettings datasourceUid="ds" adminKeySaved />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(container).toBeEmptyDOMElement();
  });

  it('sends a test alert after confirmation and says what happened', async () => {
    backend(ALLOWED);
    render(<AlertActionsSettings datasourceUid="ds" adminKeySaved />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send test alert' }));
    expect(posts()).toHaveLength(0);
    fireEvent.click(screen.getAllByRole('button', { name: 'Send test alert' }).at(-1)!);
    expect(await screen.findByText('Test alert "Test alert from Grafana" (manual-1) raised.')).toBeInTheDocument();
    expect(posts()[0]).toMatchObject({
      url: '/api/datasources/uid/ds/resources/actions/test-alert',
      data: { severity: 'info' },
    });
  });

  it('tests the named channel and shows a refusal in plain words', async () => {
    backend(ALLOWED);
    render(<AlertActionsSettings datasourceUid="ds" adminKeySaved />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test notification channel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(await screen.findByText('Test notification sent on channel "webhook".')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Notification channel'), { target: { value: 'fax' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test notification channel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(await screen.findByText(/unknown channel "fax"/)).toBeInTheDocument();
    expect(posts().map((p) => p.data)).toEqual([{ channel: 'webhook' }, { channel: 'fax' }]);
  });
});
