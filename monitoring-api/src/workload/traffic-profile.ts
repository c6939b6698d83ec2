// The simulated application: a festival ticketing site (the seed's app).
// Figures are chosen so normal traffic stays well inside every alert rule
// and each scenario pushes exactly its rule's metric well past it.

export interface EndpointProfile {
  path: string;
  /** Requests per second at a traffic factor of 1. */
  baseRps: number;
  /** Median time spent in application code, before database time. */
  appMedianMs: number;
  /** Spread of log(latency). */
  appSigma: number;
  /** Database queries per request (their latency adds to the request's). */
  dbQueries: number;
  /** Share of requests that fail in normal operation. */
  baseErrorRate: number;
  /** Share of requests that look the item up in the cache. */
  cacheLookups: number;
  requestBytes: number;
  responseBytes: number;
}

export const ENDPOINTS: readonly EndpointProfile[] = [
  {
    path: '/api/tickets',
    baseRps: 3,
    appMedianMs: 110,
    appSigma: 0.45,
    dbQueries: 2,
    baseErrorRate: 0.003,
    cacheLookups: 1,
    requestBytes: 900,
    responseBytes: 6_000,
  },
  {
    path: '/api/payments/create-checkout-session',
    baseRps: 0.03,
    appMedianMs: 420,
    appSigma: 0.4,
    dbQueries: 3,
    baseErrorRate: 0.004,
    cacheLookups: 0,
    requestBytes: 1_600,
    responseBytes: 1_200,
  },
  {
    path: '/api/email/subscribe',
    baseRps: 0.3,
    appMedianMs: 160,
    appSigma: 0.4,
    dbQueries: 1,
    baseErrorRate: 0.002,
    cacheLookups: 0,
    requestBytes: 700,
    responseBytes: 400,
  },
  {
    path: '/api/gallery',
    baseRps: 2.4,
    appMedianMs: 80,
    appSigma: 0.55,
    dbQueries: 0,
    baseErrorRate: 0.001,
    cacheLookups: 1,
    requestBytes: 600,
    responseBytes: 42_000,
  },
  {
    path: '/api/admin/dashboard',
    baseRps: 0.2,
    appMedianMs: 220,
    appSigma: 0.5,
    dbQueries: 4,
    baseErrorRate: 0.002,
    cacheLookups: 0,
    requestBytes: 800,
    responseBytes: 18_000,
  },
  {
    path: '/api/health/check',
    baseRps: 0.5,
    appMedianMs: 30,
    appSigma: 0.3,
    dbQueries: 1,
    baseErrorRate: 0,
    cacheLookups: 0,
    requestBytes: 300,
    responseBytes: 500,
  },
];

export const CHECKOUT_ENDPOINT = 1;
export const HEALTH_ENDPOINT = 5;

/** Median time of one database query in normal operation. */
export const DB_QUERY_MEDIAN_MS = 8;
export const DB_QUERY_SIGMA = 0.7;
export const DB_MAX_CONNECTIONS = 20;
export const SLOW_QUERY_MS = 1_000;

/** Ticket prices in USD; an order holds one to four tickets. */
export const TICKET_PRICES = [45, 65, 95, 150] as const;

const HOUR_MS = 3_600_000;
/** The festival is in Boulder, Colorado (UTC-7; DST is ignored on purpose). */
const LOCAL_OFFSET_HOURS = -7;

/**
 * Traffic multiplier for a moment: quiet nights (0.35), a mid-afternoon peak
 * (1.5), weekends a little lower. Deterministic in t.
 */
export function trafficFactor(t: number): number {
  const localHour = (((t / HOUR_MS + LOCAL_OFFSET_HOURS) % 24) + 24) % 24;
  const daytime = localHour >= 6 ? Math.sin((Math.PI * (localHour - 6)) / 18) ** 2 : 0;
  const weekday = new Date(t + LOCAL_OFFSET_HOURS * HOUR_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.85 : 1;
  return (0.35 + 1.15 * daytime) * weekend;
}
