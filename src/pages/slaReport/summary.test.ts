import { objective, report } from './fixtures';
import { objectiveSentence, percent, summaryParagraph } from './summary';

describe('SLA report summary paragraph', () => {
  it('says which targets were met, on how many days one was missed, the incidents and the change', () => {
    expect(summaryParagraph(report())).toBe(
      'In November 2026 the service met its availability target: 99.95\u00a0% against 99.9\u00a0%; and met its error-rate ' +
        'target over the month (99.62\u00a0% against 99.5\u00a0%), though it was missed on 3 days. There were 2 incidents; ' +
        'on average it took 30m to resolve one (MTTR). Compared with October 2026: availability up 0.02 points, ' +
        'error-rate down 0.05 points.'
    );
  });

  it('speaks of the current month as "so far" and of a missed target plainly', () => {
    const text = summaryParagraph(
      report({
        complete: false,
        objectives: [objective({ actual: 99.8, met: false, days_missed: 2 })],
        incidents: [],
        incident_count: 0,
        mttr_seconds: null,
      })
    );
    expect(text).toContain(
      'So far in November 2026 the service is missing its availability target: 99.8\u00a0% against 99.9\u00a0%, with 2 days under target.'
    );
    expect(text).toContain('There have been no incidents so far.');
  });

  it('says when history does not cover the month or the one before, and never invents figures', () => {
    const text = summaryParagraph(
      report({
        objectives: [objective({ actual: null, met: null, days_missed: null, change_points: null })],
        coverage: 'No history covers November 2026, so there are no figures for it.',
        incidents: null,
        incident_count: null,
        mttr_seconds: null,
        previous: {
          month: '2026-10',
          month_name: 'October 2026',
          incident_count: null,
          mttr_seconds: null,
          coverage: 'No history covers October 2026, so there is no month-over-month comparison.',
        },
      })
    );
    expect(text).toBe(
      'There are no figures for November 2026. No history covers November 2026, so there are no figures for it. ' +
        'Incidents are not known: the application does not list them. ' +
        'No history covers October 2026, so there is no month-over-month comparison.'
    );
    expect(text).not.toMatch(/\b0\u00a0%|100\u00a0%/);
  });

  it('names an objective without figures and keeps the others', () => {
    expect(objectiveSentence(objective({ title: 'Latency p95 ≤ 2000 ms', actual: null, met: null }), false)).toBe(
      'has no figures for its latency p95 ≤ 2000 ms target'
    );
  });

  it('shows enough decimals to tell the actual from the target', () => {
    expect(percent(99.9)).toBe('99.9\u00a0%');
    expect(percent(99.9004, 99.9)).toBe('99.9\u00a0%');
    expect(percent(99.8996, 99.9)).toBe('99.8996\u00a0%');
    expect(percent(99.8951, 99.9)).toBe('99.895\u00a0%');
    expect(percent(100)).toBe('100\u00a0%');
  });
});
