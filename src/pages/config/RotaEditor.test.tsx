import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { RotaEditor } from './RotaEditor';
import { dataSourceSettings, fieldAround } from './testBackend';
import { ScheduleForm } from './types';

const get = jest.fn();
const post = jest.fn();
const put = jest.fn();
// The forms render many controls; shared CI machines are slow.
jest.setTimeout(30_000);

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ get, post, put }),
  getDataSourceSrv: () => ({ reload: jest.fn() }),
}));

const layer = (name: string, members: string[]) => ({
  name,
  members: members.map((m) => ({ name: `Engineer ${m}`, contact: `engineer-${m.toLowerCase()}@example.com` })),
  rotation_length: 1,
  rotation_unit: 'weeks',
  handoff_weekday: 'monday',
  handoff_time: '09:00',
  time_zone: 'UTC',
  start: '2025-01-06',
});

/** What the backend reads without an "oncall" key: the shipped placeholder rota. */
const shipped: ScheduleForm = {
  layers: [layer('primary', ['A', 'B']), layer('secondary', ['B', 'A'])],
  overrides: [],
  escalation: [
    { after_minutes: 0, action: 'notify', layer: 'primary' },
    { after_minutes: 15, action: 'notify', layer: 'secondary' },
    { after_minutes: 60, action: 'start_incident' },
  ],
};

/** The backend's parser as far as these tests need it: time zones are IANA names. */
function validate(url: string, body: { schedule: ScheduleForm | null }) {
  expect(url).toBe('/api/datasources/uid/appmon/resources/validate/schedule');
  const s = body.schedule ?? shipped;
  const errors = s.layers.flatMap((l, i) =>
    l.time_zone === 'UTC' || l.time_zone.includes('/')
      ? []
      : [{ field: `layers[${i}].time_zone`, message: `"${l.time_zone}" is not an IANA time zone name` }]
  );
  const shift = (name: string) => ({
    name,
    contact: 'x',
    start: '2026-11-30T09:00:00Z',
    end: '2026-12-07T09:00:00Z',
    override: false,
  });
  return Promise.resolve({
    errors,
    schedule: errors.length ? null : s,
    preview: errors.length
      ? null
      : {
          from: '2026-11-30T10:00:00Z',
          to: '2026-12-28T10:00:00Z',
          layers: s.layers.map((l) => ({ ...l, shifts: [shift(l.members[0]?.name ?? '')] })),
          escalation: [],
          warnings: [],
        },
  });
}

function setup() {
  const ds = dataSourceSettings({ timeoutSeconds: 10 });
  get.mockResolvedValue(ds);
  post.mockImplementation(validate);
  put.mockImplementation((_url: string, body: unknown) => Promise.resolve({ datasource: body }));
  render(<RotaEditor uid="appmon" />);
  return ds;
}

describe('RotaEditor', () => {
  beforeEach(() => {
    get.mockReset();
    post.mockReset();
    put.mockReset();
  });

  it('says plainly that the shipped rota is placeholder engineers', async () => {
    setup();
    expect(await screen.findByText('This rota has placeholder engineers')).toBeInTheDocument();
    expect(screen.getByText(/Engineer A, Engineer B are placeholders/)).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(
      '/api/datasources/uid/appmon/resources/validate/schedule',
      { schedule: null },
      expect.objectContaining({ showErrorAlert: false })
    );
    expect(screen.getByText('After 15 min: notify whoever is on call in secondary')).toBeInTheDocument();
  });

  it('shows a time zone the backend refuses next to that field', async () => {
    setup();
    const secondary = await screen.findByRole('region', { name: 'Layer secondary' });
    fireEvent.change(within(secondary).getByLabelText(/^Time zone/), { target: { value: 'Berlin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and preview' }));
    const message = await within(secondary).findByText('"Berlin" is not an IANA time zone name');
    const field = fieldAround(within(secondary).getByLabelText(/^Time zone/), message);
    expect(within(field).queryByLabelText('Handoff time')).not.toBeInTheDocument();
    expect(put).not.toHaveBeenCalled();
  });

  it('saves the edited rota into the data source and renames the layer where steps refer to it', async () => {
    const ds = setup();
    const primary = await screen.findByRole('region', { name: 'Layer primary' });
    fireEvent.change(within(primary).getByLabelText('Name of member 1 of primary'), {
      target: { value: 'Ada Lovelace' },
    });
    fireEvent.change(within(primary).getByLabelText('Contact of member 1 of primary'), {
      target: { value: '+44 20 7946 0000' },
    });
    fireEvent.click(within(primary).getByRole('button', { name: 'Remove member 2 of primary' }));
    fireEvent.change(within(primary).getByLabelText(/^Layer name/), { target: { value: 'first-line' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved the rota')).toBeInTheDocument();

    const oncall = {
      ...shipped,
      layers: [
        { ...shipped.layers[0], name: 'first-line', members: [{ name: 'Ada Lovelace', contact: '+44 20 7946 0000' }] },
        shipped.layers[1],
      ],
      escalation: [{ after_minutes: 0, action: 'notify', layer: 'first-line' }, ...shipped.escalation.slice(1)],
    };
    expect(put).toHaveBeenCalledWith(
      '/api/datasources/uid/appmon',
      { ...ds, jsonData: { timeoutSeconds: 10, oncall } },
      expect.objectContaining({ showErrorAlert: false })
    );
    expect(screen.getByRole('table', { name: 'Shifts of first-line' })).toHaveTextContent('Ada Lovelace');
  });
});
