// Server configuration from environment variables. Bad values stop the
// server with a message naming the variable; secrets are never echoed.
import { DIALECT_NAMES } from './dialects/index.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './workload/alerts/rules.js';

export const DEV_METRICS_KEY = 'dev-metrics-key';
export const DEV_ADMIN_KEY = 'dev-admin-key';

export interface ServerConfig {
  port: number;
  /** Listening ports: port..port+instances-1 (any free ports when port is 0), one shared workload. */
  instances: number;
  host: string;
  metricsApiKey: string;
  adminApiKey: string;
  /** Undefined: a random seed (logged so the run can be replayed). */
  seed: string | undefined;
  rateLimitPerMinute: number;
  historyDays: number;
  /** Simulated seconds per real second. */
  clockSpeed: number;
  /** Simulated start time (unix ms); undefined means now. */
  clockStart: number | undefined;
  /** Allows POST /api/monitoring/admin/clock (tests and demos only). */
  clockControl: boolean;
  thresholds: Thresholds;
  alertWebhookUrl: string | undefined;
  escalationWebhookUrl: string | undefined;
  runbookBaseUrl: string;
  /** Answer in another team's response shapes (src/dialects); undefined: the contract's own. */
  dialect: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function number(env: Env, name: string, fallback: number, check: (n: number) => boolean, expectation: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) {
    throw new ConfigError(`${name} must be ${expectation} (got "${raw}").`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}").`);
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return raw;
  } catch {
    // Reported below without echoing the value: webhook URLs carry tokens.
  }
  throw new ConfigError(`${name} must be an http(s) URL.`);
}

function dialect(env: Env): string | undefined {
  const raw = env.DIALECT?.trim();
  if (!raw) return undefined;
  if (!DIALECT_NAMES.includes(raw)) {
    throw new ConfigError(`DIALECT must be one of ${DIALECT_NAMES.join(', ')} (got "${raw}").`);
  }
  return raw;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n >= 1;

/** Most instances one process serves: enough for a fleet benchmark, few enough to stay one process. */
export const MAX_INSTANCES = 200;

export function loadConfig(env: Env): ServerConfig {
  const metricsApiKey = text(env, 'METRICS_API_KEY', DEV_METRICS_KEY);
  const adminApiKey = text(env, 'ADMIN_API_KEY', DEV_ADMIN_KEY);
  if (metricsApiKey === adminApiKey) {
    throw new ConfigError('METRICS_API_KEY and ADMIN_API_KEY must differ, or the read key could change state.');
  }
  const clockStartRaw = env.CLOCK_START?.trim();
  const clockStart = clockStartRaw ? Date.parse(clockStartRaw) : undefined;
  if (clockStartRaw && !Number.isFinite(clockStart)) {
    throw new ConfigError(
      `CLOCK_START must be an RFC 3339 time such as 2025-01-31T12:00:00Z (got "${clockStartRaw}").`
    );
  }
  const ratio = (n: number) => n > 0 && n < 1;
  const positive = (n: number) => n > 0;
  const port = number(
    env,
    'PORT',
    4000,
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    'a port number from 0 to 65535'
  );
  const instances = number(
    env,
    'INSTANCES',
    1,
    (n) => isPositiveInteger(n) && n <= MAX_INSTANCES,
    `a whole number of instances from 1 to ${MAX_INSTANCES}`
  );
  if (port > 0 && port + instances - 1 > 65535) {
    throw new ConfigError(
      `INSTANCES=${instances} from PORT=${port} would need ports above 65535: lower PORT, or set PORT=0 for free ports.`
    );
  }
  return {
    port,
    instances,
    host: text(env, 'HOST', '127.0.0.1'),
    metricsApiKey,
    adminApiKey,
    // WORKLOAD_SEED names what it seeds; SEED is the older name, still read.
    seed: (env.WORKLOAD_SEED ?? env.SEED)?.trim() || undefined,
    rateLimitPerMinute: number(
      env,
      'RATE_LIMIT_PER_MINUTE',
      600,
      isPositiveInteger,
      'a whole number of requests of at least 1'
    ),
    historyDays: number(
      env,
      'HISTORY_DAYS',
      30,
      (n) => isPositiveInteger(n) && n <= 90,
      'a whole number of days from 1 to 90'
    ),
    clockSpeed: number(env, 'CLOCK_SPEED', 1, (n) => n > 0 && n <= 10_000, 'a number above 0 and at most 10000'),
    clockStart,
    clockControl: flag(env, 'ENABLE_CLOCK_CONTROL'),
    thresholds: {
      PAYMENT_FAILURE_THRESHOLD: number(
        env,
        'PAYMENT_FAILURE_THRESHOLD',
        DEFAULT_THRESHOLDS.PAYMENT_FAILURE_THRESHOLD,
        ratio,
        'a ratio between 0 and 1 (0.01 = 1%)'
      ),
      DB_RESPONSE_THRESHOLD: number(
        env,
        'DB_RESPONSE_THRESHOLD',
        DEFAULT_THRESHOLDS.DB_RESPONSE_THRESHOLD,
        positive,
        'a positive number of milliseconds'
      ),
      API_RESPONSE_THRESHOLD: number(
        env,
        'API_RESPONSE_THRESHOLD',
        DEFAULT_THRESHOLDS.API_RESPONSE_THRESHOLD,
        positive,
        'a positive number of milliseconds'
      ),
      MEMORY_USAGE_THRESHOLD: number(
        env,
        'MEMORY_USAGE_THRESHOLD',
        DEFAULT_THRESHOLDS.MEMORY_USAGE_THRESHOLD,
        (n) => n > 0 && n < 100,
        'a percentage between 0 and 100'
      ),
      ERROR_RATE_THRESHOLD: number(
        env,
        'ERROR_RATE_THRESHOLD',
        DEFAULT_THRESHOLDS.ERROR_RATE_THRESHOLD,
        ratio,
        'a ratio between 0 and 1 (0.05 = 5%)'
      ),
    },
    alertWebhookUrl: url(env, 'ALERT_WEBHOOK_URL'),
    escalationWebhookUrl: url(env, 'ESCALATION_WEBHOOK_URL'),
    runbookBaseUrl: text(env, 'RUNBOOK_BASE_URL', 'https://runbooks.example.com/appmon').replace(/\/+$/, ''),
    dialect: dialect(env),
  };
}
