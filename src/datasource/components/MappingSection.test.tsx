import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { MappingSection } from './MappingSection';
import { candidate, Mappings, setMappingField } from './mappingFields';

const post = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ post }),
}));

const alertsMapping: Mappings = {
  alerts: { items: '$.payload.alertList[*]', fields: { startedAt: '$.when', severity: '$.level' } },
};

beforeEach(() => post.mockReset());

describe('mapping settings', () => {
  it('drops emptied fields and endpoints, keeping what is typed as typed', () => {
    let m = setMappingField(undefined, 'alerts', 'fields', 'id', "$['alert id']");
    expect(m).toEqual({ alerts: { fields: { id: "$['alert id']" } } });
    m = setMappingField(m, 'alerts', 'fields', 'id', '  ');
    expect(m).toBeUndefined();
    expect(candidate(undefined, 'health')).toEqual({});
  });
});

describe('MappingSection', () => {
  it('is folded away until used, and writes paths per endpoint', () => {
    const onChange = jest.fn();
    const { rerender } = render(<MappingSection uid="appmon" onChange={onChange} />);
    expect(screen.queryByLabelText('Alerts alert fields: startedAt')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('Response mapping (advanced)'));

    fireEvent.change(screen.getByPlaceholderText('$.payload.alertList[*]'), {
      target: { value: '$.payload.alertList[*]' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ alerts: { items: '$.payload.alertList[*]' } });

    rerender(
      <MappingSection uid="appmon" mappings={{ alerts: { items: '$.payload.alertList[*]' } }} onChange={onChange} />
    );
    fireEvent.change(screen.getByLabelText('Alerts alert fields: startedAt'), { target: { value: '$.when' } });
    expect(onChange).toHaveBeenLastCalledWith({
      alerts: { items: '$.payload.alertList[*]', fields: { startedAt: '$.when' } },
    });
  });

  it('shows the services settings of health and keeps other endpoints', () => {
    const onChange = jest.fn();
    render(<MappingSection uid="appmon" mappings={alertsMapping} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: /Health/ }));
    fireEvent.change(screen.getByPlaceholderText('$.checks[*]'), { target: { value: '$.deps[*]' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...alertsMapping, health: { services: '$.deps[*]' } });
    fireEvent.change(screen.getByLabelText('Health service fields: responseTime'), { target: { value: '$.ms' } });
    expect(onChange).toHaveBeenLastCalledWith({
      ...alertsMapping,
      health: { serviceFields: { responseTime: '$.ms' } },
    });
  });

  it('previews what the backend read through the typed mapping', async () => {
    post.mockResolvedValue({
      endpoint: 'alerts',
      path: '/api/monitoring/alerts',
      mapping: 'candidate',
      status: 200,
      count: 25,
      fields: [],
      columns: ['id', 'severity', 'value'],
      rows: [
        ['a1', 'critical', 97.5],
        ['a2', 'purple', null],
      ],
      truncated: true,
      notes: ['severity "purple" is not one of critical, high, medium, low, info; map the field that holds it'],
    });
    render(<MappingSection uid="ds/1" mappings={alertsMapping} onChange={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /Preview/ }));

    expect(await screen.findByText('Read /api/monitoring/alerts with the mapping above')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(
      '/api/datasources/uid/ds%2F1/resources/preview',
      { endpoint: 'alerts', mapping: alertsMapping.alerts },
      { showErrorAlert: false }
    );
    expect(screen.getByText('25 rows, first 2 shown.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Rows read' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['a1', 'critical', '97.5', 'a2', 'purple', '—']);
    expect(screen.getByText(/severity "purple" is not one of/)).toBeInTheDocument();
  });

  it("shows the reader's finding and the backend's refusal in its words", async () => {
    post.mockResolvedValueOnce({
      endpoint: 'uptime',
      path: '/api/monitoring/uptime',
      mapping: 'candidate',
      status: 200,
      count: 0,
      fields: [],
      columns: [],
      rows: [],
      truncated: false,
      notes: null,
      error: 'mappings.uptime.root ("$.result") matched nothing in the response; top-level keys are: data',
    });
    render(<MappingSection uid="appmon" mappings={{ uptime: { root: '$.result' } }} onChange={jest.fn()} />);
    fireEvent.click(screen.getByRole('radio', { name: /Uptime/ }));
    fireEvent.click(screen.getByRole('button', { name: /Preview/ }));
    expect(await screen.findByText(/matched nothing in the response; top-level keys are: data/)).toBeInTheDocument();
    expect(
      screen.getByText('/api/monitoring/uptime answered 200, but could not be read with the mapping above')
    ).toBeInTheDocument();

    post.mockRejectedValueOnce({
      status: 400,
      data: { error: 'response mappings (jsonData.mappings): mappings.uptime.root: "$[" is not a valid JSONPath' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Preview/ }));
    expect(await screen.findByText(/mappings.uptime.root: "\$\[" is not a valid JSONPath/)).toBeInTheDocument();
  });

  it('asks to save first when the data source has no uid yet', () => {
    render(<MappingSection mappings={alertsMapping} onChange={jest.fn()} />);
    expect(screen.getByRole('button', { name: /Preview/ })).toBeDisabled();
    expect(screen.getByText('Save the data source first to preview what is read.')).toBeInTheDocument();
  });
});
