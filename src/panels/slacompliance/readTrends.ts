import { DataFrame, FieldType, getFieldDisplayName } from '@grafana/data';

import { findField, frameNamed, numberAt, rowCount, timeAt } from '../../shared/frames';
import { SlaObjective, TrendPoint } from './types';

export interface Trend {
  /** The objective label of the series, or its display name. */
  key: string;
  displayName: string;
  points: TrendPoint[];
}

/** Reads SLI time series from slo_trend frames (time + value, labelled with the objective). */
export function readTrends(frames: DataFrame[]): Trend[] {
  const trends: Trend[] = [];
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time) ?? findField(frame, ['time']);
    if (!time || findField(frame, ['target'])) {
      continue;
    }
    const valueFields = frame.fields.filter((f) => f !== time && f.type === FieldType.number);
    if (
      valueFields.length === 0 ||
      (!frameNamed(frame, 'slo_trend') && !valueFields.some((f) => f.labels?.objective))
    ) {
      continue;
    }
    for (const field of valueFields) {
      const points: TrendPoint[] = [];
      for (let i = 0; i < rowCount(frame); i++) {
        const t = timeAt(time, i);
        const v = numberAt(field, i);
        if (t !== undefined && v !== undefined) {
          points.push({ time: t, value: v });
        }
      }
      const displayName = getFieldDisplayName(field, frame, frames);
      trends.push({ key: field.labels?.objective ?? displayName, displayName, points });
    }
  }
  return trends;
}

/** The trend of an objective: by its objective label, else by its title, else the n-th trend when counts match. */
export function trendFor(
  objective: SlaObjective,
  index: number,
  trends: Trend[],
  objectiveCount: number
): Trend | undefined {
  return (
    trends.find((t) => t.key === objective.id) ??
    trends.find((t) => t.displayName === objective.title) ??
    (trends.length === objectiveCount ? trends[index] : undefined)
  );
}
