import { readFileSync } from 'fs';
import { resolve } from 'path';
import { DataFrame, DataFrameJSON, dataFrameFromJSON } from '@grafana/data';

/**
 * The backend's own answers, written by pkg/golden's Go test (`go test ./pkg/golden -update`)
 * with the SDK's golden JSON helpers. Reading them here means a frame or field renamed in Go
 * fails the panels' tests too, instead of a hand-copied fixture hiding it.
 */
export type GoldenName =
  | 'metrics_timeseries_multi'
  | 'health'
  | 'uptime'
  | 'alerts_active'
  | 'alerts_history'
  | 'dashboard'
  | 'slo'
  | 'oncall_now'
  | 'oncall_shifts'
  | 'oncall_escalation'
  | 'fleet_health'
  | 'fleet_uptime';

/** The clock the Go test pins (pkg/golden: now); the queries covered the hour before it. */
export const GOLDEN_NOW = Date.UTC(2025, 5, 1, 12, 0, 30);

const DIR = resolve(__dirname, '..', '..', 'pkg', 'golden', 'testdata');
// The SDK writes a commented table, this line, then the response as JSON.
const MACHINE_LINE = '//  🌟 This was machine generated.  Do not edit. 🌟\n';

export function goldenFrames(name: GoldenName): DataFrame[] {
  const raw = readFileSync(resolve(DIR, `${name}.jsonc`), 'utf8');
  const parts = raw.split(MACHINE_LINE);
  if (parts.length < 3) {
    throw new Error(`${name}.jsonc is not a golden response file`);
  }
  const response: { frames?: DataFrameJSON[] } = JSON.parse(parts[2]);
  return (response.frames ?? []).map((f) => dataFrameFromJSON(f));
}

/** A field's values by name, failing loudly when the golden frame lacks it. */
export function goldenValues<T = unknown>(frame: DataFrame, field: string): T[] {
  const f = frame.fields.find((x) => x.name === field);
  if (!f) {
    throw new Error(`golden frame ${frame.name} has no field ${field}`);
  }
  return f.values as T[];
}
