import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { BURN_PAIRS, PairReading, readPair } from './burnRates';
import { SlaObjective } from './types';

function formatRate(rate: number | undefined): string {
  if (rate === undefined) {
    return '—';
  }
  return `${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}×`;
}

const STATE_WORDS: Record<PairReading['state'], string> = {
  burning: 'Burning',
  ok: 'OK',
  'no data': 'No data',
};

/** The four multiwindow pairs: both windows must be over the factor for the condition to hold. */
export function BurnRateTable({ objective }: { objective: SlaObjective }) {
  const styles = useStyles2(getStyles);
  const pairs = BURN_PAIRS.map((pair) => readPair(objective, pair));
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={`Burn rates for ${objective.title}`}>
        <thead>
          <tr>
            <th scope="col">Condition</th>
            <th scope="col">Long</th>
            <th scope="col">Short</th>
            <th scope="col">Over</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr
              key={`${p.long}-${p.short}`}
              className={cx(p.state === 'burning' && (p.kind === 'page' ? styles.page : styles.ticket))}
            >
              <th scope="row" className={styles.condition}>
                {p.kind === 'page' ? 'Page' : 'Ticket'} {p.long}/{p.short}
              </th>
              <td title={`Burn rate over ${p.long}`}>{formatRate(p.longRate)}</td>
              <td title={`Burn rate over ${p.short}`}>{formatRate(p.shortRate)}</td>
              <td>{p.factor}×</td>
              <td>
                <span className={styles.state}>
                  {p.state === 'burning' && <Icon name="fire" size="xs" aria-hidden />}
                  {STATE_WORDS[p.state]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Cells never wrap ("6h" above "6.4×"); the windows are named once, in the condition. A card
  // narrower than the table scrolls it sideways.
  scroll: css({ overflowX: 'auto' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
    'th, td': {
      padding: theme.spacing(0.25, 0.5),
      textAlign: 'left',
      verticalAlign: 'middle',
      whiteSpace: 'nowrap',
      fontWeight: theme.typography.fontWeightRegular,
    },
    'thead th': { color: theme.colors.text.secondary, borderBottom: `1px solid ${theme.colors.border.weak}` },
    // One height for every row, with or without the fire icon.
    'tbody tr': { height: theme.spacing(3) },
  }),
  condition: css({ whiteSpace: 'nowrap' }),
  state: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5), lineHeight: 1 }),
  page: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  ticket: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
});
