import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { DataSource } from '../datasource';
import { AppMonQuery } from '../types';
import { QueryEditor } from './QueryEditor';

function fakeDatasource(resources: Record<string, Array<{ value: string; label?: string }>>) {
  return { getResource: jest.fn((path: string) => Promise.resolve(resources[path] ?? [])) } as unknown as DataSource;
}

describe('QueryEditor', () => {
  const base: AppMonQuery = { refId: 'A' };

  it('defaults to the metrics query with category and metric pickers', () => {
    render(<QueryEditor query={base} onChange={jest.fn()} onRunQuery={jest.fn()} datasource={fakeDatasource({})} />);
    expect(screen.getByRole('radio', { name: 'Metrics' })).toBeChecked();
    expect(screen.getByPlaceholderText('All categories')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('All metrics')).toBeInTheDocument();
  });

  it('switches query type and runs the query', () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    render(<QueryEditor query={base} onChange={onChange} onRunQuery={onRunQuery} datasource={fakeDatasource({})} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Alerts' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'alerts' });
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('shows the alert list choice and severity filter for alert queries', () => {
    render(
      <QueryEditor
        query={{ ...base, queryType: 'alerts' }}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({ severities: [{ value: 'critical', label: 'Critical' }] })}
      />
    );
    expect(screen.getByRole('radio', { name: 'Active' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'History' })).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('All metrics')).not.toBeInTheDocument();
  });

  it('offers the live switch for the types the backend streams', () => {
    const editor = (queryType: AppMonQuery['queryType']) => (
      <QueryEditor
        query={{ ...base, queryType }}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    const { rerender } = render(editor('metrics'));
    expect(screen.getByText('Live')).toBeInTheDocument();
    rerender(editor('uptime'));
    expect(screen.getByText('Live')).toBeInTheDocument();
    rerender(editor('dashboard'));
    expect(screen.getByText('Live')).toBeInTheDocument();
    rerender(editor('alerts'));
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
  });

  it('turns live off when switching to a type that cannot stream', () => {
    const onChange = jest.fn();
    render(
      <QueryEditor
        query={{ ...base, live: true }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    fireEvent.click(screen.getByRole('radio', { name: 'SLO' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'slo', live: false });
  });

  it('allows as many shifts as the backend', () => {
    render(
      <QueryEditor
        query={{ ...base, queryType: 'oncall', oncallView: 'shifts' }}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    expect(screen.getByDisplayValue('8')).toHaveAttribute('max', '200');
  });

  it('shows the on-call views and the shift count for the next shifts', () => {
    const onChange = jest.fn();
    const { rerender } = render(
      <QueryEditor
        query={{ ...base, queryType: 'oncall' }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    expect(screen.getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(screen.queryByLabelText('Shifts')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Next shifts' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'oncall', oncallView: 'shifts' });
    rerender(
      <QueryEditor
        query={{ ...base, queryType: 'oncall', oncallView: 'shifts' }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    expect(screen.getByDisplayValue('8')).toBeInTheDocument();
  });

  it('lets an alert rule pick one SLO column', () => {
    const onChange = jest.fn();
    render(
      <QueryEditor
        query={{ ...base, queryType: 'slo' }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    const column = screen.getByPlaceholderText('All columns');
    fireEvent.blur(column, { target: { value: ' fast_burn ' } });
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'slo', sloField: 'fast_burn' });
  });

  it('filters health by service', () => {
    render(
      <QueryEditor
        query={{ ...base, queryType: 'health' }}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    expect(screen.getByPlaceholderText('All services')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
  });

  it('narrows metrics to the whole application with the endpoint filter', () => {
    const onChange = jest.fn();
    render(<QueryEditor query={base} onChange={onChange} onRunQuery={jest.fn()} datasource={fakeDatasource({})} />);
    fireEvent.blur(screen.getByPlaceholderText('All endpoints'), { target: { value: 'overall ' } });
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', endpoint: 'overall' });
  });

  it('reads metrics in the format the server answers unless one is picked', () => {
    const onChange = jest.fn();
    const { rerender } = render(
      <QueryEditor query={base} onChange={onChange} onRunQuery={jest.fn()} datasource={fakeDatasource({})} />
    );
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Prometheus' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', format: 'prometheus' });
    rerender(
      <QueryEditor
        query={{ ...base, format: 'prometheus' }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={fakeDatasource({})}
      />
    );
    expect(screen.getByRole('radio', { name: 'Prometheus' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Auto' }));
    const last = onChange.mock.calls[onChange.mock.calls.length - 1][0];
    expect(last.format).toBeUndefined();
  });
});
