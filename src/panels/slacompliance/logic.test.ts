import { createDataFrame, FieldType } from '@grafana/data';

import { sloFrame, sloTrendFrames } from '../../test/fixtures/slo';
import { optionItems } from '../../test/pluginOptions';
import { burnConditions, readPair, BURN_PAIRS } from './burnRates';
import { plugin } from './module';
import { readObjectives } from './readObjectives';
import { readTrends, trendFor } from './readTrends';
import { complianceStatus } from './status';
import { windowWords } from './ObjectiveCard';
import { actualText, targetText } from './percent';
import { SlaObjective } from './types';

const base: SlaObjective = { id: 'a', title: 'A', target: 99.9, actual: 99.95, compliant: true, burnRates: {} };

describe('burn-rate pairs', () => {
  it('needs both windows over the factor', () => {
    expect(readPair({ ...base, burnRates: { '1h': 20, '5m': 10 } }, BURN_PAIRS[0]).state).toBe('ok');
    expect(readPair({ ...base, burnRates: { '1h': 14.4, '5m': 15 } }, BURN_PAIRS[0]).state).toBe('burning');
    expect(readPair({ ...base, burnRates: { '1h': 20 } }, BURN_PAIRS[0]).state).toBe('no data');
  });

  it('derives the page and ticket conditions when the frame has no fast_burn/slow_burn', () => {
    expect(burnConditions({ ...base, burnRates: { '6h': 7, '30m': 8 } })).toEqual({ fast: true, slow: false });
    expect(burnConditions({ ...base, burnRates: { '3d': 1.1, '6h': 1.2 } })).toEqual({ fast: false, slow: true });
    expect(burnConditions({ ...base, fastBurn: false, burnRates: { '6h': 7, '30m': 8 } }).fast).toBe(false);
  });

  it('turns burn conditions into an at-risk status only while the target is met', () => {
    expect(complianceStatus({ ...base, slowBurn: true }).state).toBe('at-risk');
    expect(complianceStatus({ ...base, slowBurn: true }).reason).toBe(
      'Using up its error budget faster than it lasts: the team gets a ticket.'
    );
    expect(complianceStatus({ ...base, compliant: false, fastBurn: true }).state).toBe('missed');
    expect(complianceStatus({ ...base, compliant: undefined }).words).toBe('No data');
  });
});

describe('readObjectives', () => {
  it('reads every field of the SLO frame', () => {
    const { objectives, issues } = readObjectives([sloFrame()]);
    expect(issues).toEqual([]);
    expect(objectives[1]).toEqual({
      id: 'error_rate',
      title: 'Error rate',
      window: '7d',
      target: 99,
      actual: 99.21,
      compliant: true,
      budgetTotalMinutes: 100.8,
      budgetRemainingRatio: 0.21,
      budgetRemainingMinutes: 21.2,
      burnRates: { '5m': 18.2, '30m': 9.1, '1h': 15.3, '2h': 4.2, '6h': 6.4, '1d': 2.1, '3d': 1.2 },
      fastBurn: true,
      slowBurn: false,
      timeToExhaustionSeconds: 19200,
      mtbfSeconds: 172800,
      mttrSeconds: 2280,
      historyCoverage: 1,
    });
  });

  it('leaves burn rates with no data out instead of reading null as zero', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'objective', type: FieldType.string, values: ['x'] },
        { name: 'target', type: FieldType.number, values: [100] },
        { name: 'actual', type: FieldType.number, values: [100] },
        { name: 'burn_rate_5m', type: FieldType.number, values: [null] },
      ],
    });
    expect(readObjectives([frame]).objectives[0].burnRates).toEqual({});
  });

  it('skips trend frames', () => {
    expect(readObjectives(sloTrendFrames(0)).objectives).toEqual([]);
  });
});

describe('readTrends', () => {
  it('matches trends by objective label, then by title', () => {
    const trends = readTrends(sloTrendFrames(Date.UTC(2026, 0, 1), 1));
    const { objectives } = readObjectives([sloFrame()]);
    expect(trends.map((t) => t.key)).toEqual(['availability', 'error_rate', 'latency_p95']);
    expect(trendFor(objectives[2], 0, trends, 3)?.key).toBe('latency_p95');
    expect(trendFor({ ...objectives[0], id: 'renamed' }, 0, trends, 3)?.displayName).toBe('Availability');
  });
});

describe('SLA compliance options', () => {
  it('describes every option', () => {
    const items = optionItems(plugin);
    expect(items.map((i) => i.path)).toEqual([
      'layout',
      'showBudget',
      'showBurnRates',
      'showTrend',
      'showReliability',
      'fields.objective',
      'fields.title',
      'fields.target',
      'fields.actual',
      'fields.compliant',
      'fields.budgetRatio',
      'fields.budgetMinutes',
    ]);
    items.forEach((item) => expect(item.description?.length).toBeGreaterThan(20));
  });
});

describe('percent words', () => {
  it('writes targets as people do: "99.9 %", not "99.900%"', () => {
    expect(targetText(99.9)).toBe('99.9\u00a0%');
    expect(targetText(99.95)).toBe('99.95\u00a0%');
    expect(targetText(100)).toBe('100\u00a0%');
    expect(targetText(99.9, 2)).toBe('99.90\u00a0%');
    expect(targetText(undefined)).toBe('—');
  });

  it('keeps enough decimals in the actual figure to tell 99.9 from 99.95', () => {
    expect(actualText(99.953)).toBe('99.953\u00a0%');
    expect(actualText(98.7)).toBe('98.70\u00a0%');
    expect(actualText(99.953, 1)).toBe('100.0\u00a0%');
  });

  it('names calendar windows in plain words', () => {
    expect(windowWords('calendar_month')).toBe('this month');
    expect(windowWords('calendar_quarter')).toBe('this quarter');
    expect(windowWords('28d')).toBe('28-day window');
  });
});
