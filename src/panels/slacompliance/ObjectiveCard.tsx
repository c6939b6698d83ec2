import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, ThresholdsConfig } from '@grafana/data';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';

import { formatDuration } from '../../shared/format';
import { BudgetBar } from './BudgetBar';
import { BurnRateTable } from './BurnRateTable';
import { actualText, targetText } from './percent';
import { complianceStatus, statusColor } from './status';
import { TrendSparkline } from './TrendSparkline';
import { SlaComplianceOptions, SlaObjective, TrendPoint } from './types';

export interface ObjectiveViewProps {
  objective: SlaObjective;
  trend?: TrendPoint[];
  options: SlaComplianceOptions;
  thresholds?: ThresholdsConfig;
  decimals?: number;
}

/** "Budget runs out in 3d 4h", "Budget already spent" or "Not burning". */
export function exhaustionWords(objective: SlaObjective): string {
  if (objective.budgetRemainingRatio !== undefined && objective.budgetRemainingRatio <= 0) {
    return 'Budget already spent';
  }
  if (objective.timeToExhaustionSeconds === undefined) {
    return 'Not burning';
  }
  return `Budget runs out in ${formatDuration(objective.timeToExhaustionSeconds)}`;
}

/** One objective as a report card: status, target against actual, budget, burn rates, trend. */
export function ObjectiveCard({ objective, trend, options, thresholds, decimals }: ObjectiveViewProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const status = complianceStatus(objective);
  const color = statusColor(theme, status.state);
  const partial = objective.historyCoverage !== undefined && objective.historyCoverage < 0.995;

  return (
    <article className={styles.card} aria-label={objective.title} style={{ borderTopColor: color }}>
      <header className={styles.header}>
        <h3 className={styles.title}>{objective.title}</h3>
        <span className={styles.status} style={{ color, borderColor: color }} data-testid="compliance-status">
          {status.words}
        </span>
      </header>
      {status.reason && status.state !== 'unknown' && <div className={styles.reason}>{status.reason}</div>}

      <div className={styles.figures}>
        <span className={styles.actual} style={{ color }}>
          {actualText(objective.actual, decimals)}
        </span>{' '}
        <span className={styles.muted}>
          of {targetText(objective.target, decimals)} target
          {objective.window ? ` · ${windowWords(objective.window)}` : ''}
        </span>
      </div>

      {options.showBudget !== false && objective.budgetRemainingRatio !== undefined && (
        <section className={styles.section} aria-label="Error budget">
          <BudgetBar
            ratio={objective.budgetRemainingRatio}
            remainingMinutes={objective.budgetRemainingMinutes}
            totalMinutes={objective.budgetTotalMinutes}
            thresholds={thresholds}
          />
          <div className={styles.exhaustion}>
            <Icon name="hourglass" size="sm" aria-hidden /> {exhaustionWords(objective)}
          </div>
        </section>
      )}

      {options.showBurnRates !== false && Object.keys(objective.burnRates).length > 0 && (
        <section className={styles.section}>
          <BurnRateTable objective={objective} />
        </section>
      )}

      {options.showTrend !== false && trend && trend.length > 1 && (
        <section className={styles.section} aria-label="Trend over the window">
          <TrendSparkline points={trend} target={objective.target} color={color} height={40} decimals={decimals} />
        </section>
      )}

      {options.showReliability !== false &&
        (objective.mtbfSeconds !== undefined || objective.mttrSeconds !== undefined) && (
          <div className={styles.muted}>
            {objective.mtbfSeconds !== undefined && (
              <span title="Mean time between failures">MTBF {formatDuration(objective.mtbfSeconds)}</span>
            )}
            {objective.mtbfSeconds !== undefined && objective.mttrSeconds !== undefined && ' · '}
            {objective.mttrSeconds !== undefined && (
              <span title="Mean time to recovery">MTTR {formatDuration(objective.mttrSeconds)}</span>
            )}
          </div>
        )}

      {partial && (
        <div className={styles.partial}>
          <Icon name="info-circle" size="sm" aria-hidden /> History covers{' '}
          {Math.round((objective.historyCoverage ?? 0) * 100)}% of the window; figures use the data there is.
        </div>
      )}
    </article>
  );
}

/** "30d" → "30-day window", "calendar_month" → "this month", "calendar_quarter" → "this quarter". */
export function windowWords(window: string): string {
  if (window === 'calendar_month') {
    return 'this month';
  }
  if (window === 'calendar_quarter') {
    return 'this quarter';
  }
  const match = /^(\d+)d$/.exec(window);
  return match ? `${match[1]}-day window` : window;
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    flex: '1 1 300px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
    padding: theme.spacing(1.5),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderTop: `3px solid`,
    borderRadius: theme.shape.radius.default,
  }),
  header: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1) }),
  title: css({ margin: 0, fontSize: theme.typography.h5.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  status: css({
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    border: '1px solid',
    borderRadius: theme.shape.radius.pill,
    padding: theme.spacing(0, 1),
    whiteSpace: 'nowrap',
  }),
  reason: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  figures: css({ display: 'flex', alignItems: 'baseline', gap: theme.spacing(1), flexWrap: 'wrap' }),
  actual: css({
    fontSize: theme.typography.h2.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    fontVariantNumeric: 'tabular-nums',
  }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  exhaustion: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  partial: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.warning.text,
  }),
});
