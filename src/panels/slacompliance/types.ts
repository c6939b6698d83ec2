export type SlaLayout = 'full' | 'compact';

export interface SlaComplianceOptions {
  layout: SlaLayout;
  /** Field holding the objective's name; empty means auto-detect. */
  objectiveField?: string;
}

export interface SlaObjectiveRow {
  objective: string;
  target?: number;
  actual?: number;
  compliant?: boolean;
  budgetRemainingRatio?: number;
  budgetRemainingMinutes?: number;
}
