import React from 'react';
import { of, throwError } from 'rxjs';
import { MemoryRouter } from 'react-router-dom';
import { render, screen } from '@testing-library/react';

import Overview from './Overview';

// Opt in to React Router v7 behaviour, as Grafana does, so the tests run without deprecation warnings.
const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true };

const get = jest.fn();
const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ get, fetch }),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

describe('Overview page', () => {
  beforeEach(() => {
    get.mockReset();
    fetch.mockReset();
  });

  it('lists AppMon data sources with their health and the AppMon dashboards', async () => {
    get.mockImplementation((url: string) =>
      url === '/api/datasources'
        ? Promise.resolve([
            { uid: 'a', name: 'Shop', url: 'http://shop', type: 'appmon-endpoints-datasource' },
            { uid: 'b', name: 'Broken', url: 'http://down', type: 'appmon-endpoints-datasource' },
            { uid: 'p', name: 'Prometheus', url: 'http://prom', type: 'prometheus' },
          ])
        : Promise.resolve([{ uid: 'appmon-system', title: 'AppMon / System', url: '/d/appmon-system' }])
    );
    fetch.mockImplementation(({ url }: { url: string }) =>
      url.includes('/uid/a/')
        ? of({ data: { status: 'OK', message: 'All 6 core endpoints answer' } })
        : throwError(() => ({ data: { message: 'Cannot reach host: connection refused' } }))
    );
    render(
      <MemoryRouter future={ROUTER_FUTURE}>
        <Overview />
      </MemoryRouter>
    );
    expect(await screen.findByText('AppMon / System')).toBeInTheDocument();
    expect(screen.getByText('Shop')).toBeInTheDocument();
    expect(screen.queryByText('Prometheus')).not.toBeInTheDocument();
    expect(await screen.findByText('working')).toBeInTheDocument();
    expect(await screen.findByText('failing')).toBeInTheDocument();
  });

  it('offers to add a data source when there is none', async () => {
    get.mockResolvedValue([]);
    render(
      <MemoryRouter future={ROUTER_FUTURE}>
        <Overview />
      </MemoryRouter>
    );
    expect(await screen.findByText(/No AppMon data source yet/)).toBeInTheDocument();
  });
});
