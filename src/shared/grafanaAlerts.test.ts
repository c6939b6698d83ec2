import { fetchGrafanaAlerts, HISTORY_URL, RULES_URL } from './grafanaAlerts';
import { grafanaHistoryFor, grafanaRulesFixture } from './grafanaAlerts.fixtures';
import { historySpans, parseHistory, parseMatchers, parseRules, ruleMatches } from './grafanaAlertsParse';

const APPMON = { folder: 'AppMon', labels: 'source=appmon' };
const at = (hhmm: string) => Date.parse(`2025-06-01T${hhmm}:00Z`);
const FROM = at('11:00');
const TO = at('12:00');

/** A GET that answers like Grafana from the fixtures, recording what was asked. */
function fakeGrafana(overrides: { rules?: () => unknown; history?: (uid: string) => unknown } = {}) {
  const calls: Array<{ url: string; params: Record<string, string | number> }> = [];
  const get = async (url: string, params: Record<string, string | number>) => {
    calls.push({ url, params });
    if (url === RULES_URL) {
      return (overrides.rules ?? grafanaRulesFixture)();
    }
    if (url === HISTORY_URL) {
      return (overrides.history ?? grafanaHistoryFor)(String(params.ruleUID));
    }
    throw { status: 404, data: { message: 'Not found' } };
  };
  return { get, calls };
}

describe('parseRules', () => {
  it('reads the rules of AppMon’s folder and label, and the instances firing now', () => {
    const { rules, firing, skipped } = parseRules(grafanaRulesFixture(), APPMON);
    expect(rules.map((r) => r.uid)).toEqual([
      'appmon-error-rate-warning',
      'appmon-latency-p95-warning',
      'appmon-cpu',
      'appmon-disk-warning',
      'appmon-high-memory',
    ]);
    expect(skipped).toBe(0);
    // Pending memory and the other folder's rule are not alerts here.
    expect(firing.map((a) => [a.title, a.severity, a.start, a.end])).toEqual([
      ['Error rate above 1 % for 5 minutes', 'high', at('11:37'), undefined],
      ['CPU above 80 % for 10 minutes', 'high', at('11:10'), undefined],
    ]);
    const error = firing[0];
    expect(error.value).toBe(6.8);
    expect(error.summary).toBe('API error rate is 6.8 %');
    expect(error.runbookUrl).toMatch(/runbooks\.md#high-error-rate$/);
    // alertname and grafana_folder repeat the title and folder: not shown as labels.
    expect(error.labels).toEqual([
      ['severity', 'high'],
      ['team', 'platform'],
      ['source', 'appmon'],
    ]);
    expect(rules[0].metric).toBe('api.error_rate');
  });

  it('takes every rule with an empty filter, and none from a folder that does not exist', () => {
    expect(parseRules(grafanaRulesFixture(), {}).rules).toHaveLength(6);
    expect(parseRules(grafanaRulesFixture(), { folder: 'Nope' }).rules).toHaveLength(0);
    expect(parseRules(grafanaRulesFixture(), { labels: 'team!=platform' }).rules.map((r) => r.uid)).toEqual([
      'checkout-conversion',
    ]);
  });

  it('tolerates missing fields and counts what it could not read', () => {
    const body = {
      status: 'success',
      data: {
        groups: [
          null,
          {
            name: 'g',
            rules: [
              { name: 'No labels, no alerts' },
              { state: 'firing' },
              { name: 'Recording', type: 'recording' },
              {
                name: 'Odd instances',
                labels: { severity: 'warning', count: 3 },
                alerts: [
                  'junk',
                  { state: 'Alerting' },
                  { state: 'Alerting (NoData)', activeAt: '2025-06-01T11:00:00Z', labels: { severity: 'page' } },
                  { state: 'Alerting', activeAt: '0001-01-01T00:00:00Z' },
                ],
              },
            ],
          },
        ],
      },
    };
    const { rules, firing, skipped } = parseRules(body, {});
    expect(rules.map((r) => [r.title, r.severity])).toEqual([
      ['No labels, no alerts', 'info'],
      ['Odd instances', 'medium'],
    ]);
    expect(firing.map((a) => [a.severity, a.start])).toEqual([['critical', at('11:00')]]);
    // The null group, the nameless rule, 'junk' and the two instances without a real activeAt.
    expect(skipped).toBe(5);
  });

  it.each([
    [null, /no data\.groups/],
    ['<html>', /no data\.groups/],
    [{ status: 'success', data: {} }, /no data\.groups/],
    [{ status: 'error', error: 'bad matcher' }, /error: bad matcher/],
  ])('refuses an answer that is not the rules API (%p)', (body, message) => {
    expect(() => parseRules(body, {})).toThrow(message);
  });
});

describe('label and folder filter', () => {
  it('reads key=value and key!=value, ignoring anything else', () => {
    expect(parseMatchers(' source=appmon, team != checkout,junk, env="prod"')).toEqual([
      { key: 'source', value: 'appmon', negate: false },
      { key: 'team', value: 'checkout', negate: true },
      { key: 'env', value: 'prod', negate: false },
    ]);
  });

  it('matches a nested folder by its last segment or uid', () => {
    const rule = { folder: 'Platform/AppMon', folderUid: 'f1', labels: {} };
    expect(ruleMatches(rule, { folder: 'appmon' })).toBe(true);
    expect(ruleMatches(rule, { folder: 'f1' })).toBe(true);
    expect(ruleMatches(rule, { folder: 'Platform' })).toBe(false);
  });
});

describe('state history', () => {
  it('turns transitions into firing stretches, open while still alerting', () => {
    const { rules } = parseRules(grafanaRulesFixture(), APPMON);
    const byUid = new Map(rules.map((r) => [r.uid, r]));
    const transitions = ['appmon-disk-warning', 'appmon-cpu'].flatMap(
      (uid) => parseHistory(grafanaHistoryFor(uid)).transitions
    );
    transitions.sort((a, b) => a.time - b.time);
    expect(historySpans(transitions, byUid).map((s) => [s.title, s.start, s.end])).toEqual([
      ['Disk above 80 % for 5 minutes', at('11:05'), at('11:25')],
      ['CPU above 80 % for 10 minutes', at('11:20'), undefined],
    ]);
  });

  it('skips rows it cannot read and refuses what is not a data frame', () => {
    const frame = {
      schema: { fields: [{ name: 'time' }, { name: 'line' }, { name: 'labels' }] },
      data: {
        values: [
          [at('11:00'), 'x', at('11:02'), at('11:03')],
          [
            { ruleUID: 'r', current: 'Alerting', previous: 'Normal' },
            { ruleUID: 'r' },
            'not json',
            JSON.stringify({ ruleUID: 'r', current: 'Normal', previous: 'Alerting' }),
          ],
          [],
        ],
      },
    };
    const { transitions, skipped } = parseHistory(frame);
    expect(transitions.map((t) => [t.time, t.current])).toEqual([
      [at('11:00'), 'Alerting'],
      [at('11:03'), 'Normal'],
    ]);
    expect(skipped).toBe(2);
    expect(() => parseHistory({ results: [] })).toThrow(/not a data frame/);
  });
});

describe('fetchGrafanaAlerts', () => {
  it('reads the rules, then each picked rule’s history for the range in Unix seconds', async () => {
    const grafana = fakeGrafana();
    const result = await fetchGrafanaAlerts({ from: FROM, to: TO, filter: APPMON, fallback: '', get: grafana.get });
    expect(grafana.calls[0].url).toBe(RULES_URL);
    const history = grafana.calls.filter((c) => c.url === HISTORY_URL);
    expect(history.map((c) => c.params.ruleUID).sort()).toEqual([
      'appmon-cpu',
      'appmon-disk-warning',
      'appmon-error-rate-warning',
      'appmon-high-memory',
      'appmon-latency-p95-warning',
    ]);
    expect(history[0].params).toMatchObject({ from: FROM / 1000, to: TO / 1000 });
    expect(result.issues).toEqual([]);
    expect(result.history).toBe(true);
    // History gives when each alert started firing (not when it began pending); disk is history only.
    expect(result.alerts.map((a) => [a.title, a.start, a.end])).toEqual([
      ['Disk above 80 % for 5 minutes', at('11:05'), at('11:25')],
      ['CPU above 80 % for 10 minutes', at('11:20'), undefined],
      ['Error rate above 1 % for 5 minutes', at('11:42'), undefined],
    ]);
    // The firing instance's current annotations and value are kept.
    expect(result.alerts[2].value).toBe(6.8);
  });

  it.each([
    [403, 'Your role cannot read Grafana alert rules; showing application alerts only.'],
    [401, 'Your role cannot read Grafana alert rules; showing application alerts only.'],
    [404, 'This Grafana does not serve Grafana-managed alert rules (HTTP 404); showing application alerts only.'],
    [500, 'Grafana alert rules could not be read (HTTP 500: database is locked); showing application alerts only.'],
  ])('says plainly when the rules answer HTTP %i', async (status, message) => {
    const grafana = fakeGrafana({
      rules: () => {
        throw { status, data: { message: status === 500 ? 'database is locked' : 'Permission denied' } };
      },
    });
    const result = await fetchGrafanaAlerts({
      from: FROM,
      to: TO,
      filter: APPMON,
      fallback: 'showing application alerts only.',
      get: grafana.get,
    });
    expect(result.rules).toBeUndefined();
    expect(result.alerts).toEqual([]);
    expect(result.issues).toEqual([{ level: 'warning', message }]);
    // Without rules there is no rule to ask the history of.
    expect(grafana.calls).toHaveLength(1);
  });

  it('says so when the rules answer is malformed', async () => {
    const grafana = fakeGrafana({ rules: () => ({ groups: [] }) });
    const result = await fetchGrafanaAlerts({ from: FROM, to: TO, filter: APPMON, fallback: 'x.', get: grafana.get });
    expect(result.issues[0].message).toBe('Grafana’s alert rules answer has no data.groups list. x.');
  });

  it('keeps the alerts firing now when the history cannot be read', async () => {
    const grafana = fakeGrafana({
      history: () => {
        throw { status: 403, data: { message: 'Permission denied' } };
      },
    });
    const result = await fetchGrafanaAlerts({ from: FROM, to: TO, filter: APPMON, fallback: '', get: grafana.get });
    expect(result.history).toBe(false);
    expect(result.alerts.map((a) => [a.title, a.start])).toEqual([
      ['CPU above 80 % for 10 minutes', at('11:10')],
      ['Error rate above 1 % for 5 minutes', at('11:37')],
    ]);
    expect(result.issues).toEqual([
      {
        level: 'warning',
        message:
          'Grafana’s alert state history could not be read for 5 of 5 rules (your role cannot read it); those rules show only alerts firing now.',
      },
    ]);
  });

  it('says when no rule matches the filter', async () => {
    const grafana = fakeGrafana();
    const result = await fetchGrafanaAlerts({
      from: FROM,
      to: TO,
      filter: { folder: 'Elsewhere', labels: 'source=appmon' },
      fallback: '',
      get: grafana.get,
    });
    expect(result.rules).toEqual([]);
    expect(result.issues[0].message).toBe(
      'No Grafana alert rules match the filter (folder Elsewhere, labels source=appmon).'
    );
  });
});
