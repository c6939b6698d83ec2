import { BurnWindow, SlaObjective } from './types';

/**
 * The SRE workbook's multiwindow, multi-burn-rate alert conditions: an alert needs
 * both the long window (real problem) and the short window (still happening) over
 * the factor. Page conditions catch fast burns, ticket conditions slow ones.
 */
export interface BurnPair {
  long: BurnWindow;
  short: BurnWindow;
  factor: number;
  kind: 'page' | 'ticket';
}

export const BURN_PAIRS: BurnPair[] = [
  { long: '1h', short: '5m', factor: 14.4, kind: 'page' },
  { long: '6h', short: '30m', factor: 6, kind: 'page' },
  { long: '1d', short: '2h', factor: 3, kind: 'ticket' },
  { long: '3d', short: '6h', factor: 1, kind: 'ticket' },
];

export type PairState = 'burning' | 'ok' | 'no data';

export interface PairReading extends BurnPair {
  longRate?: number;
  shortRate?: number;
  state: PairState;
}

export function readPair(objective: SlaObjective, pair: BurnPair): PairReading {
  const longRate = objective.burnRates[pair.long];
  const shortRate = objective.burnRates[pair.short];
  if (longRate === undefined || shortRate === undefined) {
    return { ...pair, longRate, shortRate, state: 'no data' };
  }
  const burning = longRate >= pair.factor && shortRate >= pair.factor;
  return { ...pair, longRate, shortRate, state: burning ? 'burning' : 'ok' };
}

/**
 * The page (fast burn) and ticket (slow burn) conditions. The data source's fast_burn
 * and slow_burn fields win; without them the pairs decide.
 */
export function burnConditions(objective: SlaObjective): { fast: boolean; slow: boolean } {
  const pairs = BURN_PAIRS.map((p) => readPair(objective, p));
  const derived = (kind: BurnPair['kind']) => pairs.some((p) => p.kind === kind && p.state === 'burning');
  return {
    fast: objective.fastBurn ?? derived('page'),
    slow: objective.slowBurn ?? derived('ticket'),
  };
}
