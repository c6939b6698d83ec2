import { DataFrame, FieldType } from '@grafana/data';

import { findField, numberAt, rowCount, stringAt } from '../../shared/frames';
import { SlaObjectiveRow } from './types';

/**
 * Reads one objective per row from frames shaped like the data source's SLO query
 * (objective, target, actual, compliant, budget_remaining_ratio, budget_remaining_minutes).
 * When no compliance field is present it is derived from target and actual.
 */
export function readObjectives(frames: DataFrame[], objectiveField?: string): SlaObjectiveRow[] {
  const rows: SlaObjectiveRow[] = [];
  for (const frame of frames) {
    const name = findField(frame, [objectiveField ?? '', 'objective', 'name', 'slo'].filter(Boolean), FieldType.string);
    const target = findField(frame, ['target', 'objective_target']);
    const actual = findField(frame, ['actual', 'value', 'sli']);
    if (!target || !actual) {
      continue;
    }
    const compliant = findField(frame, ['compliant', 'met', 'compliance']);
    const ratio = findField(frame, ['budget_remaining_ratio', 'error_budget_remaining']);
    const minutes = findField(frame, ['budget_remaining_minutes']);
    for (let i = 0; i < rowCount(frame); i++) {
      const t = numberAt(target, i);
      const a = numberAt(actual, i);
      const c = compliant?.values[i];
      rows.push({
        objective: stringAt(name, i) ?? frame.name ?? `Objective ${rows.length + 1}`,
        target: t,
        actual: a,
        compliant: typeof c === 'boolean' ? c : c !== undefined && c !== null ? Number(c) >= 1 : t !== undefined && a !== undefined ? a >= t : undefined,
        budgetRemainingRatio: numberAt(ratio, i),
        budgetRemainingMinutes: numberAt(minutes, i),
      });
    }
  }
  return rows;
}
