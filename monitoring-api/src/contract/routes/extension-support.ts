import { ApiError, badRequest } from '../errors.js';
import type { TimeRange } from '../source.js';
import type { Extension } from '../types.js';

const DAY_MS = 86_400_000;

export function extensionMissing(extension: Extension): ApiError {
  return new ApiError(
    404,
    `This server does not implement the optional "${extension}" extension; GET /api/monitoring/capabilities lists the ones it has.`
  );
}

/** Rejects ranges longer than what the server keeps. */
export function checkRetention(range: TimeRange, retentionDays: number, what: string): void {
  const spanDays = (range.to - range.from) / DAY_MS;
  if (spanDays > retentionDays) {
    throw badRequest(
      'from',
      `the range spans ${spanDays.toFixed(1)} days but this server keeps ${retentionDays} days of ${what}; shorten the range.`
    );
  }
}
