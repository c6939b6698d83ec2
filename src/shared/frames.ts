import { DataFrame, Field, FieldType } from '@grafana/data';

/**
 * Finds a field by its name (case-insensitive), trying each candidate in order.
 * Panels accept frames from any data source, so they look fields up by name and
 * type rather than by position.
 */
export function findField(frame: DataFrame, candidates: string[], type?: FieldType): Field | undefined {
  const wanted = candidates.map((c) => c.toLowerCase());
  for (const name of wanted) {
    const field = frame.fields.find((f) => f.name.toLowerCase() === name && (!type || f.type === type));
    if (field) {
      return field;
    }
  }
  return undefined;
}

/** Reads a row value as a finite number, or undefined when missing or not numeric. */
export function numberAt(field: Field | undefined, row: number): number | undefined {
  const value = field?.values[row];
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads a row value as a string (never HTML: callers render it as text). */
export function stringAt(field: Field | undefined, row: number): string | undefined {
  const value = field?.values[row];
  return value === null || value === undefined ? undefined : String(value);
}

/** Reads a row value as epoch milliseconds from a time, number or ISO string field. */
export function timeAt(field: Field | undefined, row: number): number | undefined {
  const value = field?.values[row];
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  if (typeof value === 'number') {
    return value;
  }
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Number of rows of a frame, tolerant of frames without a length. */
export function rowCount(frame: DataFrame): number {
  return frame.length ?? frame.fields[0]?.values.length ?? 0;
}
