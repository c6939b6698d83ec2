import { Severity } from '../../shared/severity';

export interface AlertTimelineOptions {
  /** Show only these severities; empty shows all. */
  severities?: Severity[];
}

export type AlertState = 'firing' | 'acknowledged' | 'resolved';

export interface AlertSpan {
  id: string;
  title: string;
  severity: Severity;
  state: AlertState;
  start: number;
  /** Undefined while the alert is still open. */
  end?: number;
  description?: string;
}
