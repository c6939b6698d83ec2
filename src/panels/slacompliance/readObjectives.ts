import { DataFrame, Field, FieldType } from '@grafana/data';

import {
  boolAt,
  findField,
  frameLabel,
  frameNamed,
  numberAt,
  pickField,
  rowCount,
  stringAt,
} from '../../shared/frames';
import { PanelIssue } from '../../shared/issues';
import { BURN_WINDOWS, BurnWindow, SlaFieldNames, SlaObjective } from './types';

export interface ObjectivesResult {
  objectives: SlaObjective[];
  /** Frames that looked like SLO data but lacked a field, said so the viewer can fix the query or pick the field. */
  issues: PanelIssue[];
}

/** Trend frames are time series; they never hold objectives. */
function isTrendFrame(frame: DataFrame): boolean {
  return (
    frameNamed(frame, 'slo_trend') ||
    (frame.fields.some((f) => f.type === FieldType.time) && !findField(frame, ['target']))
  );
}

/**
 * Reads one objective per row from frames shaped like the data source's SLO query
 * (objective, title, target, actual, compliant, budget_*, burn_rate_*, fast_burn, slow_burn, ...).
 * Works with any frames carrying the same fields; compliance is derived from target
 * and actual when no compliance field is present.
 */
export function readObjectives(frames: DataFrame[], names: SlaFieldNames = {}): ObjectivesResult {
  const objectives: SlaObjective[] = [];
  const issues: PanelIssue[] = [];
  for (const frame of frames) {
    if (isTrendFrame(frame) || frame.fields.length === 0) {
      continue;
    }
    const target = pickField(frame, names.target, ['target', 'objective_target', 'slo_target']);
    const actual = pickField(frame, names.actual, ['actual', 'sli', 'value', 'current']);
    if (!target || !actual) {
      const missing = [!target && '"target"', !actual && '"actual"'].filter(Boolean).join(' and ');
      issues.push({
        level: 'warning',
        message: `${frameLabel(frame)} has no ${missing} field (percent). Use the AppMon SLO query, or pick the field under Fields.`,
      });
      continue;
    }
    const id = pickField(frame, names.objective, ['objective', 'slo', 'name', 'id'], FieldType.string);
    const title = pickField(frame, names.title, ['title', 'display_name', 'name'], FieldType.string);
    const compliant = pickField(frame, names.compliant, ['compliant', 'met', 'compliance']);
    const ratio = pickField(frame, names.budgetRatio, ['budget_remaining_ratio', 'error_budget_remaining']);
    const minutes = pickField(frame, names.budgetMinutes, ['budget_remaining_minutes']);
    const total = findField(frame, ['budget_total_minutes']);
    const window = findField(frame, ['window'], FieldType.string);
    const fast = findField(frame, ['fast_burn']);
    const slow = findField(frame, ['slow_burn']);
    const exhaustion = findField(frame, ['time_to_exhaustion_seconds']);
    const mtbf = findField(frame, ['mtbf_seconds']);
    const mttr = findField(frame, ['mttr_seconds']);
    const coverage = findField(frame, ['history_coverage']);
    const burnFields = BURN_WINDOWS.map((w) => [w, findField(frame, [`burn_rate_${w}`])] as const);

    for (let i = 0; i < rowCount(frame); i++) {
      const t = numberAt(target, i);
      const a = numberAt(actual, i);
      const objectiveId =
        stringAt(id, i) ??
        stringAt(title, i) ??
        (rowCount(frame) === 1 ? frame.name : undefined) ??
        `objective ${objectives.length + 1}`;
      const burnRates: Partial<Record<BurnWindow, number>> = {};
      for (const [w, field] of burnFields) {
        const rate = numberAt(field, i);
        if (rate !== undefined) {
          burnRates[w] = rate;
        }
      }
      objectives.push({
        id: objectiveId,
        title: mappedText(title, stringAt(title, i)) || humanize(objectiveId),
        window: stringAt(window, i),
        target: t,
        actual: a,
        compliant: boolAt(compliant, i) ?? (t !== undefined && a !== undefined ? a >= t : undefined),
        budgetTotalMinutes: numberAt(total, i),
        budgetRemainingRatio: numberAt(ratio, i),
        budgetRemainingMinutes: numberAt(minutes, i),
        burnRates,
        fastBurn: boolAt(fast, i),
        slowBurn: boolAt(slow, i),
        timeToExhaustionSeconds: numberAt(exhaustion, i),
        mtbfSeconds: numberAt(mtbf, i),
        mttrSeconds: numberAt(mttr, i),
        historyCoverage: numberAt(coverage, i),
      });
    }
  }
  return { objectives, issues };
}

/**
 * The title as the panel's value mappings show it, so a dashboard can put an objective in
 * its readers' words (e.g. "Error rate" → "Good requests") without changing the data source.
 */
function mappedText(field: Field | undefined, value: string | undefined): string | undefined {
  if (value === undefined || !field?.display || !field.config.mappings?.length) {
    return value;
  }
  return field.display(value).text || value;
}

/** "error_rate" → "Error rate", for frames without a title field. */
function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
