import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { readObjectives } from './readObjectives';
import { SlaComplianceOptions, SlaObjectiveRow } from './types';

type Props = PanelProps<SlaComplianceOptions>;

function formatPercent(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(value >= 99 ? 3 : 2)}%`;
}

function statusWords(row: SlaObjectiveRow): string {
  if (row.compliant === undefined) {
    return 'Unknown';
  }
  return row.compliant ? 'Meeting target' : 'Missing target';
}

export function SlaCompliancePanel({ data, options, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const rows = readObjectives(data.series, options.objectiveField);

  if (rows.length === 0) {
    return (
      <div className={styles.empty} style={{ width, height }} role="status">
        No objectives found. Use the AppMon data source&apos;s SLO query, or frames with target and actual fields.
      </div>
    );
  }

  return (
    <div className={styles.grid} style={{ width, height }} role="list" aria-label="SLA objectives">
      {rows.map((row, i) => (
        <div key={`${row.objective}-${i}`} role="listitem" className={styles.card}>
          <div className={styles.name}>{row.objective}</div>
          <div className={row.compliant === false ? styles.bad : styles.good}>{statusWords(row)}</div>
          <div>
            {formatPercent(row.actual)} <span className={styles.muted}>of {formatPercent(row.target)} target</span>
          </div>
          {options.layout === 'full' && row.budgetRemainingRatio !== undefined && (
            <div className={styles.muted}>
              Error budget left: {(row.budgetRemainingRatio * 100).toFixed(1)}%
              {row.budgetRemainingMinutes !== undefined && ` (${Math.round(row.budgetRemainingMinutes)} min)`}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), overflow: 'auto' }),
  card: css({
    flex: '1 1 180px',
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  name: css({ fontWeight: theme.typography.fontWeightMedium }),
  good: css({ color: theme.colors.success.text }),
  bad: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightBold }),
  muted: css({ color: theme.colors.text.secondary }),
  empty: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
