import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { DataSourceSettings } from '@grafana/data';

import { AppMonDataSourceOptions, AppMonSecureJsonData } from '../types';
import { ConfigEditor, parseHostList } from './ConfigEditor';

function settings(overrides: Partial<DataSourceSettings<AppMonDataSourceOptions, AppMonSecureJsonData>> = {}) {
  return {
    id: 1,
    uid: 'appmon',
    name: 'AppMon',
    type: 'appmon-endpoints-datasource',
    url: 'http://127.0.0.1:4000',
    jsonData: {},
    secureJsonFields: {},
    ...overrides,
  } as DataSourceSettings<AppMonDataSourceOptions, AppMonSecureJsonData>;
}

describe('ConfigEditor', () => {
  it('writes the API key to secureJsonData only', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
    fireEvent.change(screen.getByPlaceholderText('Metrics API key'), { target: { value: 'k-123' } });
    const next = onOptionsChange.mock.calls[0][0];
    expect(next.secureJsonData).toEqual({ apiKey: 'k-123' });
    expect(JSON.stringify(next.jsonData)).not.toContain('k-123');
  });

  it('shows a configured key as configured and can reset it', () => {
    const onOptionsChange = jest.fn();
    render(
      <ConfigEditor options={settings({ secureJsonFields: { apiKey: true } })} onOptionsChange={onOptionsChange} />
    );
    fireEvent.click(screen.getAllByRole('button', { name: /reset/i })[0]);
    const next = onOptionsChange.mock.calls[0][0];
    expect(next.secureJsonFields.apiKey).toBe(false);
    expect(next.secureJsonData.apiKey).toBe('');
  });

  it('stores numeric settings as numbers and clears them when emptied', () => {
    const onOptionsChange = jest.fn();
    const { rerender } = render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
    fireEvent.change(screen.getByPlaceholderText('10'), { target: { value: '15' } });
    expect(onOptionsChange.mock.calls[0][0].jsonData.timeoutSeconds).toBe(15);
    rerender(
      <ConfigEditor options={settings({ jsonData: { timeoutSeconds: 15 } })} onOptionsChange={onOptionsChange} />
    );
    fireEvent.change(screen.getByPlaceholderText('10'), { target: { value: '' } });
    expect(onOptionsChange.mock.calls[1][0].jsonData.timeoutSeconds).toBeUndefined();
  });

  it('trims the URL', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings({ url: '' })} onOptionsChange={onOptionsChange} />);
    fireEvent.change(screen.getByPlaceholderText('https://app.example.com'), {
      target: { value: ' http://api:4000 ' },
    });
    expect(onOptionsChange.mock.calls[0][0].url).toBe('http://api:4000');
  });

  it('saves allowed redirect hosts as a list and keeps the text as typed', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
    const input = screen.getByPlaceholderText('other.example:8443');
    fireEvent.change(input, { target: { value: 'other.example:8443, cdn.example,' } });
    expect(onOptionsChange.mock.calls[0][0].jsonData.allowedRedirectHosts).toEqual([
      'other.example:8443',
      'cdn.example',
    ]);
    expect((input as HTMLInputElement).value).toBe('other.example:8443, cdn.example,');
    fireEvent.change(input, { target: { value: ' ' } });
    expect(onOptionsChange.mock.calls[1][0].jsonData.allowedRedirectHosts).toBeUndefined();
    expect(parseHostList('a.example b.example:81,,c')).toEqual(['a.example', 'b.example:81', 'c']);
  });

  it('says a key shorter than 8 characters is refused', () => {
    const short = settings({ secureJsonData: { apiKey: 'k-123' } });
    const { rerender } = render(<ConfigEditor options={short} onOptionsChange={jest.fn()} />);
    expect(screen.getByText('The API key must be at least 8 characters.')).toBeInTheDocument();
    rerender(
      <ConfigEditor options={settings({ secureJsonData: { apiKey: 'k-123456' } })} onOptionsChange={jest.fn()} />
    );
    expect(screen.queryByText('The API key must be at least 8 characters.')).not.toBeInTheDocument();
  });

  it('writes the instances to jsonData.fleet, and removes it for one application', () => {
    const onOptionsChange = jest.fn();
    const fleet = { instances: ['http://10.0.0.1:4000', 'http://10.0.0.2:4000'], maxConcurrency: 4 };
    render(<ConfigEditor options={settings({ jsonData: { fleet } as {} })} onOptionsChange={onOptionsChange} />);
    expect(screen.getByText(/queries read the instances listed under Instances/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Instance 2'), { target: { value: 'http://10.0.0.3:4000' } });
    expect(onOptionsChange.mock.calls[0][0].jsonData.fleet).toEqual({
      ...fleet,
      instances: [fleet.instances[0], 'http://10.0.0.3:4000'],
    });
    fireEvent.click(screen.getByRole('radio', { name: /One application/ }));
    expect(onOptionsChange.mock.calls[1][0].jsonData.fleet).toBeUndefined();
    expect(JSON.parse(JSON.stringify(onOptionsChange.mock.calls[1][0].jsonData))).not.toHaveProperty('fleet');
  });
});
