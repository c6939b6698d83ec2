import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { formatCountdown } from './countdown';
import { readShifts } from './readShifts';
import { OnCallStatusOptions } from './types';
import { useNow } from './useNow';

type Props = PanelProps<OnCallStatusOptions>;

export function OnCallStatusPanel({ data, options, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const now = useNow();
  const shifts = readShifts(data.series);

  if (shifts.length === 0) {
    return (
      <div className={styles.empty} style={{ width, height }} role="status">
        Nobody is on call in this data. Use the AppMon data source&apos;s on-call query.
      </div>
    );
  }

  return (
    <div style={{ width, height }} className={styles.list} role="list" aria-label="On call now">
      {shifts.map((s, i) => (
        <div key={`${s.layer}-${i}`} role="listitem" className={styles.item}>
          <div className={styles.layer}>{s.layer}</div>
          <div className={styles.name}>{s.name}</div>
          {options.showContact && s.contact && <div className={styles.muted}>{s.contact}</div>}
          {s.shiftEnd !== undefined && (
            <div className={styles.muted} aria-live="off">
              Handoff in <span data-testid="handoff-countdown">{formatCountdown(s.shiftEnd - now)}</span>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), overflow: 'auto', alignContent: 'flex-start' }),
  item: css({ flex: '1 1 200px' }),
  layer: css({ textTransform: 'uppercase', color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  name: css({ fontSize: theme.typography.h3.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary }),
  empty: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', color: theme.colors.text.secondary }),
});
