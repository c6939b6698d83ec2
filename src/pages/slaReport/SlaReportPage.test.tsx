import React from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';

import SlaReportPage from './SlaReportPage';
import { report } from './fixtures';

const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true };

const get = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ get }),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

function Location() {
  const { search } = useLocation();
  return <output aria-label="location">{search}</output>;
}

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]} future={ROUTER_FUTURE}>
      <SlaReportPage />
      <Location />
    </MemoryRouter>
  );
}

const reportCalls = () => get.mock.calls.filter(([url]) => String(url).endsWith('/resources/sla-report'));

describe('SLA report page', () => {
  beforeEach(() => {
    get.mockReset();
    get.mockImplementation((url: string, params: { month?: string }) => {
      if (url === '/api/datasources') {
        return Promise.resolve([
          { uid: 'shop', name: 'Shop', url: 'http://shop', type: 'appmon-endpoints-datasource' },
        ]);
      }
      const month = params.month ?? '2026-11';
      const [y, m] = month.split('-').map(Number);
      const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return Promise.resolve(report({ month, month_name: name }));
    });
  });

  it('opens the month the URL names and reads the report from the data source backend', async () => {
    renderAt('/a/appmon-monitoring-app/report?month=2026-09');
    expect(
      await screen.findByRole('heading', { name: 'SLA report: September 2026' }, { timeout: 5000 })
    ).toBeInTheDocument();
    expect(reportCalls()).toEqual([
      ['/api/datasources/uid/shop/resources/sla-report', { month: '2026-09' }, undefined, { showErrorAlert: false }],
    ]);
    expect(screen.getByText(/^In September 2026 the service met its availability target/)).toBeInTheDocument();
    const incidents = screen.getByRole('region', { name: 'Incidents' });
    expect(within(incidents).getByText('Database Unavailable')).toBeInTheDocument();
  });

  it('without ?month asks the backend for its current month, and the arrows move the URL by a month', async () => {
    renderAt('/a/appmon-monitoring-app/report');
    expect(
      await screen.findByRole('heading', { name: 'SLA report: November 2026' }, { timeout: 5000 })
    ).toBeInTheDocument();
    expect(reportCalls()[0][1]).toEqual({});

    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(
      await screen.findByRole('heading', { name: 'SLA report: October 2026' }, { timeout: 5000 })
    ).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('?month=2026-10');
    expect(reportCalls()[1][1]).toEqual({ month: '2026-10' });
  });

  it('says when ?month is not a month and shows the current one', async () => {
    renderAt('/a/appmon-monitoring-app/report?month=2026-13');
    expect(await screen.findByText('"2026-13" is not a month')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'SLA report: November 2026' }, { timeout: 5000 })
    ).toBeInTheDocument();
    expect(reportCalls()[0][1]).toEqual({});
  });

  it('shows the backend error in its words', async () => {
    get.mockImplementation((url: string) =>
      url === '/api/datasources'
        ? Promise.resolve([{ uid: 'shop', name: 'Shop', url: 'http://shop', type: 'appmon-endpoints-datasource' }])
        : Promise.reject({
            data: { error: 'month: January 2027 has not started yet; pick 2026-11 or an earlier month' },
          })
    );
    renderAt('/a/appmon-monitoring-app/report?month=2027-01');
    expect(await screen.findByText(/January 2027 has not started yet/)).toBeInTheDocument();
  });
});
