export type SlaLayout = 'full' | 'compact';

/** Field names picked in the options when auto-detection picks the wrong field. Empty means auto-detect. */
export interface SlaFieldNames {
  objective?: string;
  title?: string;
  target?: string;
  actual?: string;
  compliant?: string;
  budgetRatio?: string;
  budgetMinutes?: string;
}

export interface SlaComplianceOptions {
  /** Compact fits a stat row; full is a report card per objective. */
  layout: SlaLayout;
  /** Error budget bar with ratio and minutes. */
  showBudget?: boolean;
  /** Multiwindow burn-rate pairs and the page/ticket conditions. */
  showBurnRates?: boolean;
  /** Sparkline of the SLI over the window, from slo_trend frames. */
  showTrend?: boolean;
  /** MTBF and MTTR under each objective. */
  showReliability?: boolean;
  fields?: SlaFieldNames;
}

/** Burn rates per window, keyed like the SLO frame's burn_rate_<window> fields. */
export type BurnWindow = '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
export const BURN_WINDOWS: BurnWindow[] = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

export interface SlaObjective {
  /** Stable id (e.g. "availability"), used to match trend frames. */
  id: string;
  title: string;
  window?: string;
  target?: number;
  actual?: number;
  compliant?: boolean;
  budgetTotalMinutes?: number;
  budgetRemainingRatio?: number;
  budgetRemainingMinutes?: number;
  burnRates: Partial<Record<BurnWindow, number>>;
  fastBurn?: boolean;
  slowBurn?: boolean;
  timeToExhaustionSeconds?: number;
  mtbfSeconds?: number;
  mttrSeconds?: number;
  /** Share of the window that has data, 0..1. */
  historyCoverage?: number;
}

export interface TrendPoint {
  time: number;
  value: number;
}
