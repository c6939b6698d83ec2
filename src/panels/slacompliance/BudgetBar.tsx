import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, ThresholdsConfig } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { formatMinutes } from '../../shared/format';
import { thresholdColor } from '../../shared/thresholds';

interface Props {
  ratio: number;
  remainingMinutes?: number;
  totalMinutes?: number;
  thresholds?: ThresholdsConfig;
  decimals?: number;
  /** Thin bar without text, for the compact layout. */
  slim?: boolean;
}

/** Error budget left as a meter: width is the ratio left, colour comes from the panel's thresholds. */
export function BudgetBar({ ratio, remainingMinutes, totalMinutes, thresholds, decimals = 1, slim }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const percent = ratio * 100;
  const color = thresholdColor(theme, ratio, thresholds) ?? theme.colors.primary.main;
  const overspent = ratio < 0;
  const minutesText = remainingMinutes !== undefined ? formatMinutes(Math.abs(remainingMinutes)) : undefined;
  const words = overspent
    ? `Error budget overspent by ${Math.abs(percent).toFixed(decimals)}%${minutesText ? ` (${minutesText} over)` : ''}`
    : `${percent.toFixed(decimals)}% error budget left${minutesText ? ` (${minutesText}${totalMinutes !== undefined ? ` of ${formatMinutes(totalMinutes)}` : ''})` : ''}`;

  return (
    <div className={styles.wrap}>
      <div
        role="meter"
        aria-label="Error budget left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.max(0, Math.min(100, Number(percent.toFixed(1))))}
        aria-valuetext={words}
        className={slim ? styles.trackSlim : styles.track}
      >
        <div className={styles.fill} style={{ width: `${Math.max(0, Math.min(100, percent))}%`, background: color }} />
      </div>
      {!slim && (
        <div className={overspent ? styles.overspent : styles.caption} data-testid="budget-caption">
          {words}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.25) }),
  track: css({
    height: theme.spacing(1.25),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.pill,
    overflow: 'hidden',
  }),
  trackSlim: css({
    height: theme.spacing(0.5),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.pill,
    overflow: 'hidden',
  }),
  fill: css({ height: '100%', borderRadius: theme.shape.radius.pill }),
  caption: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  overspent: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.error.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
});
