import { ENDPOINTS } from './traffic-profile.js';

/** Indexes of the per-tick counters the simulator keeps. */
export const C = {
  requests: 0,
  errors: 1,
  authFailures: 2,
  rxBytes: 3,
  txBytes: 4,
  cacheLookups: 5,
  cacheHits: 6,
  dbQueries: 7,
  slowQueries: 8,
  deadlocks: 9,
  rollbacks: 10,
  paymentAttempts: 11,
  paymentFailures: 12,
  orders: 13,
  tickets: 14,
  revenue: 15,
  signups: 16,
} as const;

const ENDPOINT_BASE = 17;

export function endpointRequests(endpoint: number): number {
  return ENDPOINT_BASE + endpoint * 2;
}

export function endpointErrors(endpoint: number): number {
  return ENDPOINT_BASE + endpoint * 2 + 1;
}

export const COUNTER_WIDTH = ENDPOINT_BASE + ENDPOINTS.length * 2;

/** Histogram indexes: one per endpoint, then all requests, then database queries. */
export const OVERALL_HISTOGRAM = ENDPOINTS.length;
export const DB_HISTOGRAM = ENDPOINTS.length + 1;
export const HISTOGRAM_COUNT = ENDPOINTS.length + 2;
