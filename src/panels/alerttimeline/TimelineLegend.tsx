import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { SEVERITIES, Severity, severityColor } from '../../shared/severity';

interface Props {
  counts: Record<Severity, number>;
  hidden: Set<Severity>;
  onToggle: (severity: Severity) => void;
  showMaintenance: boolean;
}

/**
 * Severity colours with counts, each a toggle button that hides or shows that severity
 * (the interactive severity filter), then the key to the three state styles.
 */
export const TimelineLegend = React.memo(function TimelineLegend({ counts, hidden, onToggle, showMaintenance }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <div className={styles.legend} aria-label="Legend and severity filter" role="group">
      {SEVERITIES.filter((s) => counts[s] > 0 || hidden.has(s)).map((severity) => {
        const color = severityColor(theme, severity);
        const off = hidden.has(severity);
        return (
          <button
            key={severity}
            type="button"
            className={cx(styles.item, off && styles.off)}
            aria-pressed={!off}
            title={off ? `Show ${severity} alerts` : `Hide ${severity} alerts`}
            onClick={() => onToggle(severity)}
          >
            <span className={styles.swatch} style={{ background: color }} aria-hidden />
            {severity} <span className={styles.count}>{counts[severity]}</span>
          </button>
        );
      })}
      <span className={styles.key}>
        <span className={cx(styles.stateSwatch, styles.firing)} aria-hidden /> firing
      </span>
      <span className={styles.key}>
        <span className={cx(styles.stateSwatch, styles.acknowledged)} aria-hidden /> acknowledged
      </span>
      <span className={styles.key}>
        <span className={cx(styles.stateSwatch, styles.resolved)} aria-hidden /> resolved
      </span>
      {showMaintenance && (
        <span className={styles.key}>
          <span className={cx(styles.stateSwatch, styles.maintenance)} aria-hidden /> maintenance
        </span>
      )}
    </div>
  );
});

export const LEGEND_HEIGHT = 28;

const getStyles = (theme: GrafanaTheme2) => {
  const neutral = theme.colors.text.secondary;
  return {
    legend: css({
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      height: LEGEND_HEIGHT,
      flexShrink: 0,
      overflowX: 'auto',
      overflowY: 'hidden',
      whiteSpace: 'nowrap',
      fontSize: theme.typography.bodySmall.fontSize,
      color: theme.colors.text.secondary,
    }),
    item: css({
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      background: 'none',
      border: 'none',
      padding: theme.spacing(0.25, 0.5),
      borderRadius: theme.shape.radius.default,
      color: theme.colors.text.primary,
      fontSize: 'inherit',
      cursor: 'pointer',
      '&:hover': { background: theme.colors.action.hover },
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}` },
    }),
    off: css({ color: theme.colors.text.disabled, textDecoration: 'line-through' }),
    swatch: css({ width: 12, height: 12, borderRadius: theme.shape.radius.default }),
    count: css({ color: theme.colors.text.secondary, fontVariantNumeric: 'tabular-nums' }),
    key: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
    stateSwatch: css({ width: 18, height: 10, borderRadius: 2, display: 'inline-block' }),
    firing: css({ background: neutral }),
    acknowledged: css({
      background: `repeating-linear-gradient(135deg, ${neutral} 0 2px, transparent 2px 5px)`,
      border: `1px solid ${neutral}`,
    }),
    resolved: css({ background: neutral, opacity: 0.35 }),
    maintenance: css({
      background: `repeating-linear-gradient(135deg, ${theme.colors.text.disabled} 0 1px, transparent 1px 5px)`,
      border: `1px solid ${theme.colors.border.medium}`,
    }),
  };
};
