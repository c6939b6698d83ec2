// Escalation level of an alert: how many steps of the on-call ladder were
// reached while nobody acknowledged it. Steps come at 15, 30 and 60 minutes
// unacknowledged; "immediate" alerts start on step 1; "none" never escalates.
import type { Escalation } from '../../contract/types.js';

const STEP_MINUTES = [15, 30, 60] as const;
export const MAX_ESCALATION_LEVEL = 3;

export function escalationLevel(escalation: Escalation, startedAt: number, unacknowledgedUntil: number): number {
  if (escalation === 'none') return 0;
  const minutes = (unacknowledgedUntil - startedAt) / 60_000;
  const steps = STEP_MINUTES.filter((step) => minutes >= step).length;
  return Math.min(MAX_ESCALATION_LEVEL, steps + (escalation === 'immediate' ? 1 : 0));
}
