import { SEVERITIES, Severity } from '../../shared/severity';
import { AlertSource, AlertSpan } from './types';

export interface AlertCounts {
  bySeverity: Record<Severity, number>;
  total: number;
  /** Grafana alerts not counted because the application alert they match is counted already. */
  pairedOnce: number;
  /** The heading, saying which sources the numbers include. */
  label: string;
}

export interface CountOptions {
  what: 'active' | 'range';
  from: number;
  to: number;
  source: AlertSource;
  /** Whether Grafana's rules could be read: when not, the label says the counts are application only. */
  grafanaRead: boolean;
  severities?: Severity[];
}

/** "application + Grafana", "application only: Grafana alerts unavailable", … */
export function sourceWords(source: AlertSource, grafanaRead: boolean): string {
  if (source === 'application') {
    return 'application';
  }
  if (source === 'grafana') {
    return grafanaRead ? 'Grafana' : 'Grafana alerts unavailable';
  }
  return grafanaRead ? 'application + Grafana' : 'application only: Grafana alerts unavailable';
}

/**
 * Alerts by severity: open now (firing or acknowledged), or started within the time range.
 * A Grafana alert matched to an application alert that is counted too is the same condition:
 * it is counted once.
 */
export function countAlerts(alerts: AlertSpan[], o: CountOptions): AlertCounts {
  const allowed = o.severities?.length ? new Set(o.severities) : undefined;
  const counted = alerts.filter(
    (a) =>
      (!allowed || allowed.has(a.severity)) &&
      (o.what === 'active' ? a.end === undefined && a.state !== 'resolved' : a.start >= o.from && a.start <= o.to)
  );
  const appKeys = new Set(counted.filter((a) => a.source !== 'grafana').map((a) => a.rule || a.title));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let pairedOnce = 0;
  for (const a of counted) {
    if (a.source === 'grafana' && a.ruleKey && appKeys.has(a.ruleKey)) {
      pairedOnce++;
      continue;
    }
    bySeverity[a.severity]++;
  }
  const total = SEVERITIES.reduce((n, s) => n + bySeverity[s], 0);
  const what = o.what === 'active' ? 'Active alerts' : 'Alerts in this period';
  return { bySeverity, total, pairedOnce, label: `${what} (${sourceWords(o.source, o.grafanaRead)})` };
}
