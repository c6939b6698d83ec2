import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';

import { burnConditions } from './burnRates';
import { BudgetBar } from './BudgetBar';
import { ObjectiveViewProps } from './ObjectiveCard';
import { actualText, targetText } from './percent';
import { complianceStatus, statusColor } from './status';
import { TrendSparkline } from './TrendSparkline';

const SPARK_HEIGHT = 32;

/**
 * One objective as a stat tile for a stat row: the actual figure, the status and target, a
 * slim budget bar, and the trend in its own strip below, so no line runs under the text.
 */
export function ObjectiveTile({ objective, trend, options, thresholds, decimals }: ObjectiveViewProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const status = complianceStatus(objective);
  const color = statusColor(theme, status.state);
  const { fast, slow } = burnConditions(objective);
  const showTrend = options.showTrend !== false && trend && trend.length > 1;

  return (
    <article className={styles.tile} aria-label={objective.title}>
      <div className={styles.title}>{objective.title}</div>
      <div className={styles.value} style={{ color }}>
        {actualText(objective.actual, decimals)}
      </div>
      <div className={styles.line}>
        <span className={styles.status}>
          <span style={{ color }} data-testid="compliance-status">
            {status.words}
          </span>
          <span className={styles.muted} title={`Target ${targetText(objective.target, decimals)}`}>
            {' · '}
            {targetText(objective.target, decimals)}
          </span>
        </span>
        {(fast || slow) && options.showBurnRates !== false && (
          <span className={styles.burn} style={{ color: fast ? theme.colors.error.text : theme.colors.warning.text }}>
            <Icon name="fire" size="sm" aria-hidden /> {fast ? 'Fast burn' : 'Slow burn'}
          </span>
        )}
      </div>
      {options.showBudget !== false && objective.budgetRemainingRatio !== undefined && (
        <BudgetBar
          ratio={objective.budgetRemainingRatio}
          remainingMinutes={objective.budgetRemainingMinutes}
          thresholds={thresholds}
          slim
        />
      )}
      {showTrend && (
        <div className={styles.spark} data-testid="tile-trend">
          <TrendSparkline
            points={trend!}
            target={objective.target}
            color={color}
            height={SPARK_HEIGHT}
            decimals={decimals}
          />
        </div>
      )}
    </article>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({
    flex: '1 1 140px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: theme.spacing(0.25),
    padding: theme.spacing(0.5, 1),
    overflow: 'hidden',
  }),
  spark: css({
    flex: `0 0 ${SPARK_HEIGHT}px`,
    marginTop: theme.spacing(0.5),
    opacity: 0.8,
    pointerEvents: 'none',
  }),
  title: css({
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  value: css({
    fontSize: theme.typography.h1.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    lineHeight: 1.1,
    fontVariantNumeric: 'tabular-nums',
  }),
  line: css({
    display: 'flex',
    alignItems: 'center',
    columnGap: theme.spacing(1),
    flexWrap: 'wrap',
    fontWeight: theme.typography.fontWeightMedium,
  }),
  status: css({ whiteSpace: 'nowrap' }),
  muted: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  burn: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
});
