import { GrafanaTheme2 } from '@grafana/data';

import { burnConditions } from './burnRates';
import { SlaObjective } from './types';

export type ComplianceState = 'met' | 'at-risk' | 'missed' | 'unknown';

export interface ComplianceStatus {
  state: ComplianceState;
  /** Plain words an executive reads: "Meeting target", "At risk", "Missing target". */
  words: string;
  /** Why, when it is not simply met. */
  reason?: string;
}

/** Compliance in words: missed beats at risk, which needs a burn condition while the target is still met. */
export function complianceStatus(objective: SlaObjective): ComplianceStatus {
  if (objective.compliant === undefined) {
    return { state: 'unknown', words: 'No data', reason: 'Target or actual is missing.' };
  }
  if (!objective.compliant) {
    return { state: 'missed', words: 'Missing target' };
  }
  const { fast, slow } = burnConditions(objective);
  if (fast) {
    return {
      state: 'at-risk',
      words: 'At risk',
      reason: 'Using up its error budget fast: the on-call engineer is paged.',
    };
  }
  if (slow) {
    return {
      state: 'at-risk',
      words: 'At risk',
      reason: 'Using up its error budget faster than it lasts: the team gets a ticket.',
    };
  }
  return { state: 'met', words: 'Meeting target' };
}

export function statusColor(theme: GrafanaTheme2, state: ComplianceState): string {
  switch (state) {
    case 'met':
      return theme.colors.success.text;
    case 'at-risk':
      return theme.colors.warning.text;
    case 'missed':
      return theme.colors.error.text;
    default:
      return theme.colors.text.secondary;
  }
}
