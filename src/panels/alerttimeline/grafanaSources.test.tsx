import React from 'react';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import YAML from 'yaml';
import { of, throwError } from 'rxjs';
import { render, screen, waitFor, within } from '@testing-library/react';

import { grafanaHistoryFor, grafanaRulesFixture } from '../../shared/grafanaAlerts.fixtures';
import { HISTORY_URL, RULES_URL } from '../../shared/grafanaAlerts';
import { parseRules } from '../../shared/grafanaAlertsParse';
import { installCanvasMock, restoreCanvasMock } from '../../test/canvasMock';
import { GOLDEN_NOW, goldenFrames } from '../../test/golden';
import { panelProps } from '../../test/panelProps';
import { AlertTimelinePanel } from './AlertTimelinePanel';
import { countAlerts } from './countAlerts';
import { layoutRows } from './layoutRows';
import { mergeSources } from './mergeSources';
import { readAlerts } from './readAlerts';
import { AlertSpan, AlertTimelineOptions } from './types';

const mockFetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

/** Grafana's API from the fixtures; `fail` makes the rules request answer that HTTP status. */
function grafanaAnswers(fail?: number) {
  mockFetch.mockImplementation(({ url, params }: { url: string; params: Record<string, string> }) => {
    if (url === RULES_URL) {
      return fail
        ? throwError(() => ({ status: fail, data: { message: 'Permission denied' } }))
        : of({ data: grafanaRulesFixture() });
    }
    if (url === HISTORY_URL) {
      return of({ data: grafanaHistoryFor(params.ruleUID) });
    }
    return throwError(() => ({ status: 404 }));
  });
}

const RANGE = { from: GOLDEN_NOW - 3_600_000, to: GOLDEN_NOW };
const at = (hhmm: string) => Date.parse(`2025-06-01T${hhmm}:00Z`);

function renderPanel(options: AlertTimelineOptions, errors?: Array<{ refId: string; message: string }>) {
  const props = panelProps<AlertTimelineOptions>(options, errors ? [] : goldenFrames('alerts_history'), {
    range: RANGE,
    width: 900,
    height: 360,
    errors,
  });
  return render(<AlertTimelinePanel {...props} />);
}

const appAlerts = () => readAlerts(goldenFrames('alerts_history')).alerts;
const grafanaParsed = () => parseRules(grafanaRulesFixture(), { folder: 'AppMon', labels: 'source=appmon' });

beforeAll(installCanvasMock);
afterAll(restoreCanvasMock);
beforeEach(() => {
  mockFetch.mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(GOLDEN_NOW);
});
afterEach(() => jest.restoreAllMocks());

describe('matching Grafana rules to application alerts', () => {
  it('shares a row between a Grafana rule and the application alert on the same metric and severity', () => {
    const { rules, firing } = grafanaParsed();
    const merged = mergeSources(appAlerts(), firing, rules);
    const error = merged.find((a) => a.source === 'grafana' && a.title.startsWith('Error rate'))!;
    expect(error.ruleKey).toBe('high_error_rate');
    expect(error.linked).toEqual({
      title: 'application rule “high_error_rate”',
      reason: 'same metric api.error_rate at severity high',
    });
    const app = merged.find((a) => a.rule === 'high_error_rate' && a.source === 'app')!;
    expect(app.linked?.title).toBe('Grafana rule “Error rate above 1 % for 5 minutes”');

    const rows = layoutRows(merged, 'rule', GOLDEN_NOW).rows;
    expect(rows.map((r) => [r.key, r.sources])).toEqual([
      ['payment_failures', { app: true, grafana: false }],
      ['CPU above 80 % for 10 minutes', { app: false, grafana: true }],
      ['high_error_rate', { app: true, grafana: true }],
    ]);
  });

  it('matches by name without case or punctuation, and by an appmon_rule label before anything else', () => {
    const app: AlertSpan[] = [
      {
        id: 'a',
        title: 'High Error Rate',
        rule: 'high_error_rate',
        severity: 'high',
        state: 'firing',
        start: 0,
        labels: [],
      },
      { id: 'b', title: 'Slow API', rule: 'slow_api', severity: 'medium', state: 'firing', start: 0, labels: [] },
    ];
    const rule = (title: string, labels: Record<string, string> = {}) => ({
      uid: title,
      title,
      folder: 'AppMon',
      group: 'g',
      severity: 'high' as const,
      labels,
      annotations: {},
    });
    const grafana = (r: { uid: string; title: string }) => ({
      id: r.uid,
      ruleUid: r.uid,
      title: r.title,
      severity: 'high' as const,
      start: 1,
      labels: [],
    });
    const byName = rule('high error-rate');
    const byLabel = rule('High Error Rate', { appmon_rule: 'slow_api' });
    const unmatched = rule('Disk full');
    const merged = mergeSources(app, [byName, byLabel, unmatched].map(grafana), [byName, byLabel, unmatched]);
    const keyOf = (uid: string) => merged.find((a) => a.id === uid)?.ruleKey;
    expect(keyOf('high error-rate')).toBe('high_error_rate');
    expect(keyOf('High Error Rate')).toBe('slow_api');
    expect(keyOf('Disk full')).toBeUndefined();
  });
});

describe('the default Grafana rule filter', () => {
  it('picks every Grafana rule AppMon provisions (folder AppMon, label source=appmon)', () => {
    const file = resolve(__dirname, '..', '..', '..', 'provisioning', 'alerting', 'rules.yaml.tmpl');
    const doc = YAML.parse(readFileSync(file, 'utf8')) as {
      groups: Array<{ folder: string; rules: Array<{ uid: string; labels?: Record<string, string> }> }>;
    };
    const rules = doc.groups.flatMap((g) =>
      g.rules.map((r) => ({ uid: r.uid, folder: g.folder, labels: r.labels ?? {} }))
    );
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) {
      expect({ uid: r.uid, folder: r.folder, source: r.labels.source }).toEqual({
        uid: r.uid,
        folder: 'AppMon',
        source: 'appmon',
      });
    }
  });
});

describe('the Alert source option', () => {
  it('Both: application and Grafana alerts on one timeline, the merged rule on one row', async () => {
    grafanaAnswers();
    renderPanel({ groupBy: 'rule' });
    // In range: the application's high_error_rate; Grafana's CPU and error rate (firing) and disk (11:05–11:25).
    await waitFor(() =>
      expect(screen.getByRole('group', { name: /^Alert timeline/ })).toHaveAccessibleName(
        'Alert timeline: 4 alerts, application and Grafana, grouped by rule'
      )
    );
    const table = within(screen.getByTestId('alert-table'));
    expect(table.getByText('CPU above 80 % for 10 minutes')).toBeInTheDocument();
    expect(table.getByText('High Error Rate')).toBeInTheDocument();
    expect(table.getByText('Error rate above 1 % for 5 minutes')).toBeInTheDocument();
    expect(mockFetch).toHaveBeenCalledWith(expect.objectContaining({ url: RULES_URL, showErrorAlert: false }));
  });

  it('Application: asks Grafana for nothing', () => {
    grafanaAnswers();
    renderPanel({ alertSource: 'application' });
    expect(screen.getByRole('group', { name: /^Alert timeline/ })).toHaveAccessibleName(
      'Alert timeline: 1 alerts, one row per alert'
    );
    expect(mockFetch).not.toHaveBeenCalled();
  });

  it('Grafana: only the Grafana-managed alerts, even when the panel’s query failed', async () => {
    grafanaAnswers();
    renderPanel({ alertSource: 'grafana' }, [
      { refId: 'A', message: 'alert history needs the alerts.history extension' },
    ]);
    await waitFor(() =>
      expect(screen.getByRole('group', { name: /^Alert timeline/ })).toHaveAccessibleName(
        'Alert timeline: 3 alerts, Grafana-managed, one row per alert'
      )
    );
    expect(screen.queryByText(/alerts.history extension/)).not.toBeInTheDocument();
  });

  it('a viewer whose role cannot read Grafana’s rules still sees the application alerts, with a plain notice', async () => {
    grafanaAnswers(403);
    renderPanel({});
    expect(
      await screen.findByText('Your role cannot read Grafana alert rules; showing application alerts only.')
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^Alert timeline/ })).toHaveAccessibleName(
      'Alert timeline: 1 alerts, application and Grafana, one row per alert'
    );
  });
});

describe('the Counts display', () => {
  it('counts active alerts by severity from both sources, a matched pair once, and says so', async () => {
    grafanaAnswers();
    renderPanel({ display: 'counts' });
    const counts = await screen.findByRole('list', { name: 'Active alerts (application + Grafana)' });
    await waitFor(() => expect(within(counts).getByRole('listitem', { name: 'high: 2' })).toBeInTheDocument());
    expect(within(counts).getByRole('listitem', { name: 'critical: 0' })).toBeInTheDocument();
    expect(screen.getByText('One Grafana alert matches an application alert and is counted once.')).toBeInTheDocument();
  });

  it('says the counts are application only when Grafana cannot be read', async () => {
    grafanaAnswers(403);
    renderPanel({ display: 'counts' });
    expect(
      await screen.findByRole('list', { name: 'Active alerts (application only: Grafana alerts unavailable)' })
    ).toBeInTheDocument();
  });

  it('shows no number at all when no source could be read: unknown is not zero', async () => {
    grafanaAnswers(500);
    renderPanel({ display: 'counts' }, [{ refId: 'A', message: 'monitoring API answered 503' }]);
    expect(await screen.findByText('Alerts could not be counted')).toBeInTheDocument();
    expect(screen.queryByTestId('alert-counts')).not.toBeInTheDocument();
  });

  it('counts alerts that fired in the range', () => {
    const alerts: AlertSpan[] = [
      {
        id: '1',
        title: 'a',
        severity: 'critical',
        state: 'resolved',
        start: at('11:10'),
        end: at('11:20'),
        labels: [],
      },
      { id: '2', title: 'b', severity: 'low', state: 'firing', start: at('10:00'), labels: [] },
    ];
    const o = { from: at('11:00'), to: at('12:00'), source: 'application' as const, grafanaRead: false };
    expect(countAlerts(alerts, { ...o, what: 'range' }).bySeverity).toMatchObject({ critical: 1, low: 0 });
    expect(countAlerts(alerts, { ...o, what: 'active' })).toMatchObject({
      total: 1,
      label: 'Active alerts (application)',
    });
  });
});
