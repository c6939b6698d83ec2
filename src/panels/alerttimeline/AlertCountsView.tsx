import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { SEVERITIES, severityColor } from '../../shared/severity';
import { AlertCounts } from './countAlerts';

interface Props {
  counts: AlertCounts;
  width: number;
  height: number;
}

/** The compact view: one tile per severity with its count, under a heading naming the sources. */
export function AlertCountsView({ counts, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  // Big numbers when there is room, as a stat panel would show them.
  const size = Math.max(16, Math.min(48, Math.floor(Math.min(height * 0.35, width / 10))));
  return (
    <div className={styles.box} style={{ width, height }} data-testid="alert-counts">
      <div className={styles.heading}>
        {counts.label}: <strong>{counts.total}</strong>
      </div>
      <ul className={styles.tiles} aria-label={counts.label}>
        {SEVERITIES.map((s) => (
          <li key={s} className={styles.tile} aria-label={`${s}: ${counts.bySeverity[s]}`}>
            <span className={styles.bar} style={{ background: severityColor(theme, s) }} aria-hidden />
            <span className={styles.number} style={{ fontSize: size, opacity: counts.bySeverity[s] ? 1 : 0.45 }}>
              {counts.bySeverity[s]}
            </span>
            <span className={styles.name}>{s}</span>
          </li>
        ))}
      </ul>
      {counts.pairedOnce > 0 && (
        <div className={styles.note}>
          {counts.pairedOnce === 1
            ? 'One Grafana alert matches an application alert and is counted once.'
            : `${counts.pairedOnce} Grafana alerts match application alerts and are counted once.`}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), overflow: 'hidden', minHeight: 0 }),
  heading: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  tiles: css({
    display: 'grid',
    gridTemplateColumns: `repeat(${SEVERITIES.length}, minmax(0, 1fr))`,
    // Tiles as tall as a stat, not the whole panel: the numbers sit together in the middle.
    gridTemplateRows: 'minmax(0, 140px)',
    alignContent: 'center',
    gap: theme.spacing(1),
    flex: '1 1 auto',
    minHeight: 0,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  tile: css({
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    paddingTop: 4,
    minWidth: 0,
  }),
  bar: css({ position: 'absolute', top: 0, left: 0, right: 0, height: 4, borderRadius: theme.shape.radius.default }),
  number: css({ fontWeight: theme.typography.fontWeightMedium, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }),
  name: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  note: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
});
