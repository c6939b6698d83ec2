import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen } from '@testing-library/react';

import { PlaceholderRotaNotice } from './PlaceholderRotaNotice';
import { ScheduleView } from './types';

const view = (contact: string): ScheduleView => ({
  from: '2026-11-30T10:00:00Z',
  to: '2026-12-28T10:00:00Z',
  layers: [
    {
      name: 'primary',
      time_zone: 'UTC',
      rotation_length: 1,
      rotation_unit: 'weeks',
      shifts: [
        { name: 'Engineer A', contact, start: '2026-11-30T09:00:00Z', end: '2026-12-07T09:00:00Z', override: false },
      ],
    },
  ],
  escalation: [],
  warnings: [],
});

// As Grafana routes: React Router v7 behaviour.
const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true };

describe('PlaceholderRotaNotice', () => {
  it('points to the rota editor while the rota has placeholder engineers', () => {
    render(
      <MemoryRouter future={ROUTER_FUTURE}>
        <PlaceholderRotaNotice view={view('engineer-a@example.com')} />
      </MemoryRouter>
    );
    expect(screen.getByText('This rota has placeholder engineers')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Edit it in AppMon › Configuration/ })).toHaveAttribute(
      'href',
      '/a/appmon-monitoring-app/config/oncall'
    );
  });

  it('says nothing once the contacts are real', () => {
    const { container } = render(<PlaceholderRotaNotice view={view('ana@corp.example.de')} />);
    expect(container).toBeEmptyDOMElement();
  });
});
