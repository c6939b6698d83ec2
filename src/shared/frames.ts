import { DataFrame, Field, FieldType, getFieldDisplayName } from '@grafana/data';

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

/**
 * Finds the field a user picked in the panel options (by name or display name, as
 * Grafana's field name picker offers both), falling back to auto-detection.
 */
export function pickField(
  frame: DataFrame,
  picked: string | undefined,
  candidates: string[],
  type?: FieldType
): Field | undefined {
  if (picked) {
    const byName = frame.fields.find((f) => f.name === picked || getFieldDisplayName(f, frame) === picked);
    if (byName) {
      return byName;
    }
  }
  return findField(frame, candidates, type);
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

/** Reads a row value as a boolean from a bool, a 1/0 number or a "true"/"false" string. */
export function boolAt(field: Field | undefined, row: number): boolean | undefined {
  const value = field?.values[row];
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return value >= 1;
  }
  const text = String(value).toLowerCase();
  if (text === 'true' || text === '1' || text === 'yes') {
    return true;
  }
  if (text === 'false' || text === '0' || text === 'no') {
    return false;
  }
  return undefined;
}

/** Reads a row value as epoch milliseconds from a time, number or ISO string field. */
export function timeAt(field: Field | undefined, row: number): number | undefined {
  const value = field?.values[row];
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Number of rows of a frame, tolerant of frames without a length. */
export function rowCount(frame: DataFrame): number {
  return frame.length ?? frame.fields[0]?.values.length ?? 0;
}

/** A name for a frame in messages: its name, else its query's refId. */
export function frameLabel(frame: DataFrame): string {
  return frame.name || (frame.refId ? `query ${frame.refId}` : 'unnamed frame');
}

/** True when the frame's name contains the given word (case-insensitive). */
export function frameNamed(frame: DataFrame, word: string): boolean {
  return (frame.name ?? '').toLowerCase().includes(word.toLowerCase());
}
