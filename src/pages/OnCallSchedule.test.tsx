import React from 'react';
import { render, screen } from '@testing-library/react';

import OnCallSchedule from './OnCallSchedule';

const get = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ get }),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

const schedule = {
  from: '2026-11-23T09:00:00Z',
  to: '2026-12-21T09:00:00Z',
  layers: [
    {
      name: 'primary',
      time_zone: 'UTC',
      rotation_length: 7,
      rotation_unit: 'days',
      shifts: [
        {
          name: 'Ana Diaz',
          contact: '+1 555 0100',
          start: '2026-11-23T09:00:00Z',
          end: '2026-11-30T09:00:00Z',
          override: false,
        },
      ],
    },
    { name: 'secondary', time_zone: 'UTC', rotation_length: 7, rotation_unit: 'days', shifts: [] },
  ],
  escalation: [
    { step: 0, after_minutes: 15, target: 'secondary', action: 'notify' },
    { step: 1, after_minutes: 60, target: 'incident', action: 'start_incident' },
  ],
  warnings: ['layer secondary has no members'],
};

describe('OnCallSchedule page', () => {
  beforeEach(() => get.mockReset());

  it('renders the first AppMon data source schedule with warnings and the escalation policy', async () => {
    get.mockImplementation((url: string) =>
      url === '/api/datasources'
        ? Promise.resolve([{ uid: 'appmon', name: 'AppMon', url: 'http://api', type: 'appmon-endpoints-datasource' }])
        : Promise.resolve(schedule)
    );
    render(<OnCallSchedule />);
    expect(await screen.findByText('Ana Diaz')).toBeInTheDocument();
    expect(screen.getByText('layer secondary has no members')).toBeInTheDocument();
    expect(screen.getByText('After 15 min: notify secondary')).toBeInTheDocument();
    expect(screen.getByText('After 60 min: start an incident')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/datasources/uid/appmon/resources/oncall/schedule', { weeks: 4 }, undefined, {
      showErrorAlert: false,
    });
  });

  it('shows the backend error sentence when the schedule cannot load', async () => {
    get.mockImplementation((url: string) =>
      url === '/api/datasources'
        ? Promise.resolve([{ uid: 'appmon', name: 'AppMon', url: 'http://api', type: 'appmon-endpoints-datasource' }])
        : Promise.reject({ data: { error: 'oncall.layers[0].members: a layer needs at least one member' } })
    );
    render(<OnCallSchedule />);
    expect(await screen.findByText('oncall.layers[0].members: a layer needs at least one member')).toBeInTheDocument();
  });
});
