import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/contract/errors.js';
import { parseEnumParam, parseSecondsParam, parseTimeRange, parseTimeValue } from '../../src/contract/params.js';

const badRequest = (pattern: RegExp) => (err: unknown) =>
  err instanceof ApiError && err.status === 400 && pattern.test(err.message);

describe('query parameters', () => {
  it('parses RFC 3339 with offsets and fractions, and unix milliseconds', () => {
    assert.equal(parseTimeValue('from', '2025-01-31T12:00:00Z'), Date.UTC(2025, 0, 31, 12));
    assert.equal(parseTimeValue('from', '2025-01-31T13:30:00.250+01:30'), Date.UTC(2025, 0, 31, 12, 0, 0, 250));
    assert.equal(parseTimeValue('from', '1738324800000'), 1738324800000);
  });

  it('explains unix seconds and other mistakes', () => {
    assert.throws(() => parseTimeValue('from', '1738324800'), badRequest(/"from".*unix seconds/));
    assert.throws(() => parseTimeValue('to', '2025-01-31'), badRequest(/"to".*RFC 3339/));
    assert.throws(() => parseTimeValue('to', '2025-13-45T99:00:00Z'), badRequest(/"to"/));
  });

  it('defaults the range and refuses inverted ones', () => {
    const now = Date.UTC(2025, 0, 1);
    assert.deepEqual(parseTimeRange(new URLSearchParams(), now, 1000), { from: now - 1000, to: now });
    assert.throws(
      () => parseTimeRange(new URLSearchParams({ from: String(now), to: String(now) }), now, 1000),
      badRequest(/before "to"/)
    );
  });

  it('checks enums and seconds', () => {
    assert.equal(
      parseEnumParam(new URLSearchParams('format=json'), 'format', ['json', 'text'] as const, 'text'),
      'json'
    );
    assert.equal(parseEnumParam(new URLSearchParams(''), 'format', ['json'] as const), undefined);
    assert.throws(
      () => parseEnumParam(new URLSearchParams('format=xml'), 'format', ['json'] as const),
      badRequest(/one of json/)
    );
    assert.equal(parseSecondsParam(new URLSearchParams('step=60'), 'step'), 60);
    assert.throws(() => parseSecondsParam(new URLSearchParams('step=0'), 'step'), badRequest(/at least 1/));
  });
});
