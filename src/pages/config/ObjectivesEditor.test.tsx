import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { ObjectivesEditor } from './ObjectivesEditor';
import { dataSourceSettings, fieldAround } from './testBackend';
import { ObjectiveForm } from './types';

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

const saved: ObjectiveForm[] = [
  { id: 'availability', kind: 'availability', target: 99.9, window: '30d', metric: 'uptime.percentage' },
  { id: 'error_rate', kind: 'error_rate', target: 99.5, window: 'calendar_month', time_zone: 'Europe/Berlin' },
];

/** The backend's parser, as far as these tests need it: targets above 100 are refused with the field named. */
function validate(url: string, body: { objectives: ObjectiveForm[] | null }) {
  expect(url).toBe('/api/datasources/uid/appmon/resources/validate/objectives');
  const list = body.objectives ?? saved;
  const errors = list.flatMap((o, i) =>
    o.target > 100
      ? [
          {
            field: `objectives[${i}].target`,
            message: `${o.target} is not a percentage in (0, 100]; e.g. 99.9 means 99.9% good`,
          },
        ]
      : []
  );
  return Promise.resolve({
    errors,
    objectives: errors.length ? null : list,
    windows: ['7d', '28d', '30d', 'calendar_month', 'calendar_quarter'],
    preview: errors.length
      ? null
      : {
          objectives: list.map((o) => ({
            id: o.id,
            title: o.kind === 'availability' ? 'Availability' : 'Error rate',
            window: o.window,
            target: o.target,
            actual: 99.97,
            compliant: true,
            budget_remaining_ratio: 0.7,
          })),
          notices: [],
        },
  });
}

function setup(extra = {}) {
  const ds = dataSourceSettings({ timeoutSeconds: 10, slos: saved }, extra);
  get.mockImplementation((url: string) => {
    expect(url).toBe('/api/datasources/uid/appmon');
    return Promise.resolve(ds);
  });
  post.mockImplementation(validate);
  put.mockImplementation((_url: string, body: unknown) =>
    Promise.resolve({ datasource: body, message: 'Datasource updated' })
  );
  render(<ObjectivesEditor uid="appmon" />);
  return ds;
}

const objective = (n: number) => screen.findByRole('region', { name: `Objective ${n}` });

describe('ObjectivesEditor', () => {
  beforeEach(() => {
    get.mockReset();
    post.mockReset();
    put.mockReset();
  });

  it('shows the saved objectives with their current values and the windows the backend accepts', async () => {
    setup();
    const second = await objective(2);
    expect(within(second).getByLabelText(/^Target/)).toHaveValue(99.5);
    expect(within(second).getByRole('radio', { name: 'Calendar month' })).toBeChecked();
    expect(within(second).getByLabelText(/^Time zone/)).toHaveValue('Europe/Berlin');
    expect(within(second).getByRole('radio', { name: 'Calendar quarter' })).toBeInTheDocument();
    expect(within(second).getByText(/99\.970 % against 99\.5 %, meeting the target/)).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(
      '/api/datasources/uid/appmon/resources/validate/objectives',
      { objectives: saved },
      expect.objectContaining({ showErrorAlert: false })
    );
  });

  it('shows the backend’s problem next to the field it names and does not save', async () => {
    setup();
    const second = await objective(2);
    fireEvent.change(within(second).getByLabelText(/^Target/), { target: { value: '101' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = await within(second).findByText(/101 is not a percentage/);
    const field = fieldAround(within(second).getByLabelText(/^Target/), message);
    expect(within(field).queryByLabelText(/^Title/)).not.toBeInTheDocument();
    expect(within(await objective(1)).queryByText(/is not a percentage/)).not.toBeInTheDocument();
    expect(put).not.toHaveBeenCalled();
  });

  it('refuses an empty target in the browser instead of letting the default apply', async () => {
    setup();
    const first = await objective(1);
    fireEvent.change(within(first).getByLabelText(/^Target/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and preview' }));
    expect(await within(first).findByText('Enter the target as a percentage, e.g. 99.9')).toBeInTheDocument();
    expect(post).toHaveBeenCalledTimes(1); // the load only
  });

  it('saves by putting the data source back with the new objectives, secrets untouched', async () => {
    const ds = setup();
    const first = await objective(1);
    fireEvent.change(within(first).getByLabelText(/^Target/), { target: { value: '99.95' } });
    fireEvent.click(within(first).getByRole('radio', { name: 'Calendar quarter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved the objectives')).toBeInTheDocument();
    const slos = [
      {
        id: 'availability',
        kind: 'availability',
        target: 99.95,
        window: 'calendar_quarter',
        metric: 'uptime.percentage',
      },
      saved[1],
    ];
    expect(put).toHaveBeenCalledTimes(1);
    expect(put).toHaveBeenCalledWith(
      '/api/datasources/uid/appmon',
      { ...ds, jsonData: { timeoutSeconds: 10, slos } },
      expect.objectContaining({ showErrorAlert: false })
    );
    const body = put.mock.calls[0][1];
    expect(body.secureJsonFields).toEqual({ apiKey: true, adminKey: true });
    expect(body).not.toHaveProperty('secureJsonData');
  });

  it('shows Grafana’s message when it refuses the change', async () => {
    setup();
    await objective(1);
    put.mockRejectedValue({
      status: 409,
      data: { message: 'Datasource has already been updated by someone else. Please reload and try again' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Grafana did not save the change')).toBeInTheDocument();
    expect(screen.getByText(/already been updated by someone else/)).toBeInTheDocument();
  });

  it('offers the provisioning YAML for a read-only data source instead of saving', async () => {
    setup({ readOnly: true });
    await objective(1);
    fireEvent.click(screen.getByRole('button', { name: 'Check and show provisioning YAML' }));
    const yaml = await screen.findByLabelText('Provisioning YAML');
    expect(yaml.textContent).toContain('slos:');
    expect(yaml.textContent).toContain('window: calendar_month');
    expect(yaml.textContent).not.toMatch(/apiKey:/);
    expect(screen.getByRole('button', { name: 'Copy provisioning YAML' })).toBeInTheDocument();
    expect(put).not.toHaveBeenCalled();
  });
});
