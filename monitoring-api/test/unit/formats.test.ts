import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDatadog } from '../../src/contract/formats/datadog.js';
import { formatDuration } from '../../src/contract/formats/duration.js';
import { formatPrometheus, prometheusName } from '../../src/contract/formats/prometheus.js';
import type { MetricSample } from '../../src/contract/types.js';

const sample = (value: number, labels?: Record<string, string>): MetricSample => ({
  name: 'api.response_time.p95',
  value,
  unit: 'ms',
  category: 'api',
  description: '95th percentile response time',
  ...(labels ? { labels } : {}),
});

describe('export formats', () => {
  it('writes one Prometheus family with HELP, TYPE and escaped labels', () => {
    const text = formatPrometheus([sample(123.4), sample(5, { endpoint: '/a"b\\c\nd' })]);
    assert.equal(
      text,
      '# HELP api_response_time_p95 95th percentile response time (ms)\n' +
        '# TYPE api_response_time_p95 gauge\n' +
        'api_response_time_p95 123.4\n' +
        'api_response_time_p95{endpoint="/a\\"b\\\\c\\nd"} 5\n'
    );
    assert.equal(formatPrometheus([]), '');
    assert.equal(prometheusName('9.lives-left'), '_9_lives_left');
  });

  it('writes Datadog series with unix seconds and category tags', () => {
    const payload = formatDatadog([sample(1, { endpoint: '/x' })], 1_700_000_000_999);
    assert.deepEqual(payload.series[0], {
      metric: 'api.response_time.p95',
      points: [[1_700_000_000, 1]],
      type: 'gauge',
      unit: 'ms',
      tags: ['category:api', 'endpoint:/x'],
    });
  });

  it('formats uptime as the seed does', () => {
    assert.equal(formatDuration(484_425), '5d 14h 33m 45s');
    assert.equal(formatDuration(59), '0d 0h 0m 59s');
  });
});
