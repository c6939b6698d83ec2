import { GrafanaTheme2 } from '@grafana/data';

/** Alert severities, most urgent first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function normalizeSeverity(value: string | undefined): Severity {
  const v = (value ?? '').toLowerCase();
  return (SEVERITIES as readonly string[]).includes(v) ? (v as Severity) : 'info';
}

/** Theme colours per severity, so light and dark themes both read well. */
export function severityColor(theme: GrafanaTheme2, severity: Severity): string {
  const byName: Record<Severity, string> = {
    critical: 'red',
    high: 'orange',
    medium: 'yellow',
    low: 'blue',
    info: 'text',
  };
  const name = byName[severity];
  return name === 'text' ? theme.colors.text.secondary : theme.visualization.getColorByName(name);
}
