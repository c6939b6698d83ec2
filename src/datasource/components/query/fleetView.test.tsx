import React from 'react';
import { DataSourceInstanceSettings } from '@grafana/data';
import { fireEvent, render, screen } from '@testing-library/react';

import { DataSource } from '../../datasource';
import { AppMonDataSourceOptions, AppMonQuery } from '../../types';
import { QueryEditor } from '../QueryEditor';

/** The data source as Grafana builds it from its settings. */
function datasource(jsonData: object) {
  const ds = new DataSource({
    id: 1,
    uid: 'appmon',
    type: 'appmon-endpoints-datasource',
    name: 'AppMon',
    jsonData,
    meta: {},
  } as unknown as DataSourceInstanceSettings<AppMonDataSourceOptions>);
  jest.spyOn(ds, 'getResource').mockResolvedValue([]);
  return ds;
}

const fleet = { fleet: { instances: ['http://10.0.0.1:4000', 'http://10.0.0.2:4000'] } };

describe('the fleet view field', () => {
  it.each(['metrics', 'health', 'uptime'] as const)(
    '%s: a data source over several instances offers per instance or fleet',
    (queryType) => {
      const onChange = jest.fn();
      render(
        <QueryEditor
          query={{ refId: 'A', queryType }}
          onChange={onChange}
          onRunQuery={jest.fn()}
          datasource={datasource(fleet)}
        />
      );
      expect(screen.getByRole('radio', { name: 'Per instance' })).toBeChecked();
      fireEvent.click(screen.getByRole('radio', { name: 'Fleet' }));
      expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', queryType, fleetView: 'fleet' });
    }
  );

  it('is hidden on one application until a query asks for a view, then stays to be changed', () => {
    const onChange = jest.fn();
    const query: AppMonQuery = { refId: 'A', queryType: 'health' };
    const { rerender } = render(
      <QueryEditor query={query} onChange={onChange} onRunQuery={jest.fn()} datasource={datasource({})} />
    );
    expect(screen.queryByRole('radio', { name: 'Fleet' })).not.toBeInTheDocument();

    rerender(
      <QueryEditor
        query={{ ...query, fleetView: 'fleet' }}
        onChange={onChange}
        onRunQuery={jest.fn()}
        datasource={datasource({})}
      />
    );
    expect(screen.getByRole('radio', { name: 'Fleet' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Per instance' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...query, fleetView: 'instances' });
  });
});
