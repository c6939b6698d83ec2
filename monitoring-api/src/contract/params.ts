// Query parameter parsing. Every failure names the parameter and says what
// a valid value looks like.
import { badRequest } from './errors.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const UNIX_DIGITS = /^\d{1,16}$/;
/** Below this a number is more likely unix seconds than milliseconds (it is 1973 in ms). */
const SMALLEST_PLAUSIBLE_UNIX_MS = 100_000_000_000;

function echo(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

export function parseEnumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T
): T;
export function parseEnumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback?: undefined
): T | undefined;
export function parseEnumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback?: T
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  if ((allowed as readonly string[]).includes(raw)) {
    return raw as T;
  }
  throw badRequest(name, `must be one of ${allowed.join(', ')} (got "${echo(raw)}").`);
}

/** Parses an RFC 3339 timestamp or unix milliseconds into unix milliseconds. */
export function parseTimeValue(name: string, raw: string): number {
  if (UNIX_DIGITS.test(raw)) {
    const ms = Number(raw);
    if (ms < SMALLEST_PLAUSIBLE_UNIX_MS) {
      throw badRequest(
        name,
        `"${echo(raw)}" looks like unix seconds; send unix milliseconds or an RFC 3339 timestamp.`
      );
    }
    return ms;
  }
  if (RFC3339.test(raw)) {
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) {
      return ms;
    }
  }
  throw badRequest(
    name,
    `"${echo(raw)}" is not a time; send an RFC 3339 timestamp such as 2025-01-31T12:00:00Z or unix milliseconds.`
  );
}

export interface ParsedRange {
  from: number;
  to: number;
}

/**
 * Reads from/to. A missing "to" means now; a missing "from" means
 * defaultSpanMs before "to". Rejects empty and inverted ranges.
 */
export function parseTimeRange(query: URLSearchParams, now: number, defaultSpanMs: number): ParsedRange {
  const rawTo = query.get('to');
  const rawFrom = query.get('from');
  const to = rawTo ? parseTimeValue('to', rawTo) : now;
  const from = rawFrom ? parseTimeValue('from', rawFrom) : to - defaultSpanMs;
  if (from >= to) {
    throw badRequest(
      'from',
      `must be before "to" (from=${new Date(from).toISOString()}, to=${new Date(to).toISOString()}).`
    );
  }
  return { from, to };
}

/** Reads a positive whole number of seconds, or undefined when absent. */
export function parseSecondsParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw badRequest(name, `must be a whole number of seconds of at least 1 (got "${echo(raw)}").`);
  }
  return Number(raw);
}
