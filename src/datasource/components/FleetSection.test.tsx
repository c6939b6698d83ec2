import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { FleetSection } from './FleetSection';
import { dnsNameProblem, FleetSettings, instanceProblems, instanceURLProblem, switchMode } from './fleetSettings';

/** Renders the section as the config editor does: every change becomes the next props. */
function renderSection(initial?: FleetSettings, url = 'http://10.0.0.1:4000') {
  const onChange = jest.fn();
  const view = render(<FleetSection fleet={initial} url={url} onChange={onChange} />);
  onChange.mockImplementation((next: FleetSettings | undefined) =>
    view.rerender(<FleetSection fleet={next} url={url} onChange={onChange} />)
  );
  const last = (): FleetSettings | undefined => onChange.mock.calls[onChange.mock.calls.length - 1][0];
  return { onChange, last };
}

describe('fleet settings', () => {
  it('checks each base URL as the backend does', () => {
    expect(instanceURLProblem('http://10.0.0.1:4000')).toBeUndefined();
    expect(instanceURLProblem('https://app-1.internal/prefix')).toBeUndefined();
    expect(instanceURLProblem(' ')).toMatch(/base URL/);
    expect(instanceURLProblem('10.0.0.1:4000')).toMatch(/http:\/\/ or https:\/\//);
    expect(instanceURLProblem('ftp://10.0.0.1')).toMatch(/http:\/\/ or https:\/\//);
    expect(instanceURLProblem('http://user:pw@10.0.0.1')).toMatch(/API key field/);
    expect(instanceURLProblem('http://10.0.0.1:4000/?x=1')).toMatch(/query string/);
  });

  it('flags the same instance twice, the default port written out or not', () => {
    expect(instanceProblems(['http://a:80', 'http://b', 'http://A'])).toEqual([
      undefined,
      undefined,
      'The same instance as row 1; list each instance once.',
    ]);
  });

  it('accepts DNS names only', () => {
    expect(dnsNameProblem('app.internal')).toBeUndefined();
    expect(dnsNameProblem('_http._tcp.app.internal.')).toBeUndefined();
    expect(dnsNameProblem('')).toMatch(/DNS name/);
    expect(dnsNameProblem('http://app.internal')).toMatch(/Only the name/);
    expect(dnsNameProblem('app internal')).toMatch(/Not a DNS name/);
  });

  it('keeps the concurrency across modes and drops the fleet for one application', () => {
    const list = { instances: ['http://a:1'], maxConcurrency: 4 };
    expect(switchMode('dns', list, {}, 'http://x')).toEqual({ discovery: { record: 'A' }, maxConcurrency: 4 });
    expect(switchMode('single', list, {}, 'http://x')).toBeUndefined();
    expect(switchMode('list', undefined, {}, ' http://x:4000 ')).toEqual({ instances: ['http://x:4000'] });
    expect(switchMode('list', undefined, {}, '')).toEqual({ instances: [''] });
  });
});

describe('FleetSection', () => {
  it('starts a list with the data source URL, adds and removes rows', () => {
    const { last } = renderSection();
    expect(screen.queryByLabelText('Instance 1')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /List of instances/ }));
    expect(last()).toEqual({ instances: ['http://10.0.0.1:4000'] });
    expect(screen.getByText(/past about 100 instances, scrape them with Prometheus/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Add instance/ }));
    expect(last()).toEqual({ instances: ['http://10.0.0.1:4000', ''] });
    fireEvent.change(screen.getByLabelText('Instance 2'), { target: { value: 'http://10.0.0.2:4000' } });
    expect(last()).toEqual({ instances: ['http://10.0.0.1:4000', 'http://10.0.0.2:4000'] });

    fireEvent.click(screen.getByRole('button', { name: 'Remove instance 1' }));
    expect(last()).toEqual({ instances: ['http://10.0.0.2:4000'] });
    expect(screen.getByRole('button', { name: 'Remove instance 1' })).toBeDisabled();
  });

  it('says what is wrong with a row, at the row', () => {
    renderSection({ instances: ['http://10.0.0.1:4000', '10.0.0.2:4000', 'http://10.0.0.1:4000'] });
    expect(screen.getByText(/Not a base URL: use http:\/\/ or https:\/\//)).toBeInTheDocument();
    expect(screen.getByText('The same instance as row 1; list each instance once.')).toBeInTheDocument();
  });

  it('writes DNS discovery and drops the port for SRV records, which carry their own', () => {
    const { last } = renderSection();
    fireEvent.click(screen.getByRole('radio', { name: /DNS discovery/ }));
    expect(screen.getByText(/Write the DNS name/)).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('app.internal'), { target: { value: 'app.internal' } });
    fireEvent.change(screen.getByPlaceholderText("URL's port"), { target: { value: '4000' } });
    fireEvent.change(screen.getByPlaceholderText('30'), { target: { value: '60' } });
    fireEvent.change(screen.getByPlaceholderText('16'), { target: { value: '8' } });
    expect(last()).toEqual({
      discovery: { name: 'app.internal', record: 'A', port: 4000, refreshSeconds: 60 },
      maxConcurrency: 8,
    });

    fireEvent.click(screen.getByRole('radio', { name: /SRV/ }));
    expect(last()?.discovery).toEqual({ name: 'app.internal', record: 'SRV', refreshSeconds: 60 });
    expect(screen.queryByPlaceholderText("URL's port")).not.toBeInTheDocument();
  });

  it('keeps what was typed in each mode when switching back and forth', () => {
    const { last } = renderSection({ instances: ['http://a:4000', 'http://b:4000'] });
    fireEvent.click(screen.getByRole('radio', { name: /One application/ }));
    expect(last()).toBeUndefined();
    fireEvent.click(screen.getByRole('radio', { name: /List of instances/ }));
    expect(last()).toEqual({ instances: ['http://a:4000', 'http://b:4000'] });
  });

  it('refuses numbers outside the backend bounds', () => {
    renderSection({ discovery: { name: 'app.internal', port: 70000, refreshSeconds: 2 }, maxConcurrency: 0 });
    expect(screen.getByText('Set a whole number between 1 and 65535.')).toBeInTheDocument();
    expect(screen.getByText('Set a number between 5 and 3600.')).toBeInTheDocument();
    expect(screen.getByText('Set a whole number between 1 and 256.')).toBeInTheDocument();
  });
});
