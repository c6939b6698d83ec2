// The seed's five default alert rules, with thresholds from the seed's
// environment variables (PAYMENT_FAILURE_THRESHOLD and friends).
import type { AlertRule, Escalation, Severity } from '../../contract/types.js';

export interface Thresholds {
  /** Payment failure ratio (0.01 = 1%). */
  PAYMENT_FAILURE_THRESHOLD: number;
  /** Database probe or query p95 above which the database is degraded, ms. */
  DB_RESPONSE_THRESHOLD: number;
  /** API p95 response time, ms. */
  API_RESPONSE_THRESHOLD: number;
  /** Memory utilisation, %. */
  MEMORY_USAGE_THRESHOLD: number;
  /** Error ratio (0.05 = 5%). */
  ERROR_RATE_THRESHOLD: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  PAYMENT_FAILURE_THRESHOLD: 0.01,
  DB_RESPONSE_THRESHOLD: 1000,
  API_RESPONSE_THRESHOLD: 2000,
  MEMORY_USAGE_THRESHOLD: 80,
  ERROR_RATE_THRESHOLD: 0.05,
};

export interface RuleDefinition extends AlertRule {
  /** Value of the "service" label on the alerts it fires. */
  service: string;
}

/** Escalation of each severity, from the seed's severity matrix. */
export const ESCALATION_BY_SEVERITY: Record<Severity, Escalation> = {
  critical: 'immediate',
  high: '30m',
  medium: '2h',
  low: 'next_day',
  info: 'none',
};

export function buildRules(t: Thresholds): RuleDefinition[] {
  const percent = (ratio: number) => Math.round(ratio * 100 * 1e6) / 1e6;
  return [
    {
      name: 'payment_failures',
      title: 'Payment Failures',
      severity: 'critical',
      metric: 'payments.failure_rate',
      operator: '>',
      threshold: percent(t.PAYMENT_FAILURE_THRESHOLD),
      unit: '%',
      for_seconds: 0,
      description: `Payment failure rate above ${percent(t.PAYMENT_FAILURE_THRESHOLD)}%; escalates immediately.`,
      escalation: 'immediate',
      service: 'payments',
    },
    {
      name: 'high_error_rate',
      title: 'High Error Rate',
      severity: 'high',
      metric: 'api.error_rate',
      operator: '>',
      threshold: percent(t.ERROR_RATE_THRESHOLD),
      unit: '%',
      for_seconds: 300,
      description: `API error rate above ${percent(t.ERROR_RATE_THRESHOLD)}% for 5 minutes.`,
      escalation: '30m',
      service: 'api',
    },
    {
      name: 'slow_api_response',
      title: 'Slow API Response',
      severity: 'medium',
      metric: 'api.response_time.p95',
      operator: '>',
      threshold: t.API_RESPONSE_THRESHOLD,
      unit: 'ms',
      for_seconds: 180,
      description: `p95 response time above ${t.API_RESPONSE_THRESHOLD / 1000} s for 3 minutes.`,
      escalation: '2h',
      service: 'api',
    },
    {
      name: 'database_unavailable',
      title: 'Database Unavailable',
      severity: 'critical',
      metric: 'database.available',
      operator: '<',
      threshold: 1,
      unit: 'bool',
      for_seconds: 0,
      description: 'The database refuses connections; the circuit breaker is open.',
      escalation: 'immediate',
      service: 'database',
    },
    {
      name: 'high_memory_usage',
      title: 'High Memory Usage',
      severity: 'medium',
      metric: 'system.memory.usage',
      operator: '>',
      threshold: t.MEMORY_USAGE_THRESHOLD,
      unit: '%',
      for_seconds: 600,
      description: `Memory utilisation above ${t.MEMORY_USAGE_THRESHOLD}% for 10 minutes.`,
      escalation: '2h',
      service: 'system',
    },
  ];
}

export function breaches(value: number, operator: AlertRule['operator'], threshold: number): boolean {
  if (Number.isNaN(value)) return false;
  switch (operator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}
