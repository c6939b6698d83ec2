import { GrafanaTheme2 } from '@grafana/data';

import { SEVERITIES, Severity, severityColor } from '../../shared/severity';

/** Colours the canvas needs, resolved from the theme once per theme change. */
export interface TimelinePalette {
  severity: Record<Severity, string>;
  text: string;
  textSecondary: string;
  background: string;
  rowStripe: string;
  gridLine: string;
  maintenance: string;
  selection: string;
  focus: string;
  now: string;
  fontFamily: string;
  /** Opacity of resolved alerts, so open ones stand out. */
  resolvedAlpha: number;
}

export function timelinePalette(theme: GrafanaTheme2): TimelinePalette {
  const severity = Object.fromEntries(SEVERITIES.map((s) => [s, severityColor(theme, s)])) as Record<Severity, string>;
  return {
    severity,
    text: theme.colors.text.primary,
    textSecondary: theme.colors.text.secondary,
    background: theme.colors.background.primary,
    rowStripe: theme.colors.background.secondary,
    gridLine: theme.colors.border.weak,
    maintenance: theme.colors.text.disabled,
    selection: theme.colors.primary.transparent,
    focus: theme.colors.primary.border,
    now: theme.colors.primary.text,
    fontFamily: theme.typography.fontFamily,
    resolvedAlpha: theme.isDark ? 0.42 : 0.5,
  };
}
