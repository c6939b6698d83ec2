import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('environment configuration', () => {
  it('has the contract defaults', () => {
    const config = loadConfig({});
    assert.deepEqual(
      [
        config.port,
        config.host,
        config.metricsApiKey,
        config.adminApiKey,
        config.rateLimitPerMinute,
        config.historyDays,
        config.clockSpeed,
        config.clockControl,
      ],
      [4000, '127.0.0.1', 'dev-metrics-key', 'dev-admin-key', 600, 30, 1, false]
    );
    assert.equal(config.thresholds.ERROR_RATE_THRESHOLD, 0.05);
    assert.equal(config.seed, undefined);
    assert.equal(config.instances, 1);
  });

  it('serves several instances from one port range, or from free ports', () => {
    assert.equal(loadConfig({ INSTANCES: '3' }).instances, 3);
    assert.equal(loadConfig({ PORT: '0', INSTANCES: '200' }).instances, 200);
    assert.equal(loadConfig({ PORT: '65500', INSTANCES: '36' }).instances, 36);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      METRICS_API_KEY: 'r',
      ADMIN_API_KEY: 'a',
      SEED: '42',
      RATE_LIMIT_PER_MINUTE: '5',
      HISTORY_DAYS: '7',
      CLOCK_SPEED: '60',
      CLOCK_START: '2025-03-03T12:00:00Z',
      ENABLE_CLOCK_CONTROL: 'true',
      MEMORY_USAGE_THRESHOLD: '90',
      ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      RUNBOOK_BASE_URL: 'https://wiki.example.com/runbooks/',
    });
    assert.equal(config.port, 0);
    assert.equal(config.clockStart, Date.parse('2025-03-03T12:00:00Z'));
    assert.equal(config.thresholds.MEMORY_USAGE_THRESHOLD, 90);
    assert.equal(config.runbookBaseUrl, 'https://wiki.example.com/runbooks');
    assert.equal(config.clockControl, true);
  });

  it('names the variable that is wrong and never echoes webhook URLs', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: '99999' }, /^PORT/],
      [{ HISTORY_DAYS: '365' }, /^HISTORY_DAYS/],
      [{ RATE_LIMIT_PER_MINUTE: '0.5' }, /^RATE_LIMIT_PER_MINUTE/],
      [{ CLOCK_START: 'tomorrow' }, /^CLOCK_START/],
      [{ ERROR_RATE_THRESHOLD: '5' }, /^ERROR_RATE_THRESHOLD.*0\.05 = 5%/],
      [{ ENABLE_CLOCK_CONTROL: 'maybe' }, /^ENABLE_CLOCK_CONTROL/],
      [{ METRICS_API_KEY: 'same', ADMIN_API_KEY: 'same' }, /must differ/],
      [{ INSTANCES: '0' }, /^INSTANCES must be a whole number of instances from 1 to 200/],
      [{ INSTANCES: '201' }, /^INSTANCES/],
      [{ INSTANCES: '2.5' }, /^INSTANCES/],
      [{ PORT: '65500', INSTANCES: '37' }, /^INSTANCES=37 from PORT=65500 would need ports above 65535/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof ConfigError && message.test(err.message),
        JSON.stringify(env)
      );
    }
    assert.throws(
      () => loadConfig({ ALERT_WEBHOOK_URL: 'ftp://token-123@host' }),
      (err: unknown) => err instanceof ConfigError && !err.message.includes('token-123')
    );
  });
});
