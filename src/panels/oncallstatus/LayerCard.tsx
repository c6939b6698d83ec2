import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { Icon, useStyles2 } from '@grafana/ui';

import { countdownWords, formatCountdown } from './countdown';
import { LayerStatus } from './types';

interface Props {
  status: LayerStatus;
  now: number;
  timeZone: TimeZone;
  showContact: boolean;
  showNextShifts: boolean;
  large: boolean;
}

function shiftTime(t: number | undefined, timeZone: TimeZone): string {
  return t === undefined ? '?' : dateTimeFormat(t, { format: 'ddd D MMM HH:mm', timeZone });
}

/** One layer: who is on call, how to reach them, the live countdown to handoff and the next shifts. */
export function LayerCard({ status, now, timeZone, showContact, showNextShifts, large }: Props) {
  const styles = useStyles2(getStyles, large);
  const { current, next, layer } = status;
  const nobody = !current?.name;
  const left = current?.shiftEnd !== undefined ? current.shiftEnd - now : undefined;

  return (
    <section
      className={styles.card}
      aria-label={`${layer}: ${nobody ? 'no one on call' : current?.name}`}
      data-testid="oncall-layer"
    >
      <div className={styles.layer}>
        <span>{layer}</span>
        {current?.override && (
          <span className={styles.override} title="Someone covers the regular member">
            override
          </span>
        )}
      </div>
      {nobody ? (
        <div className={styles.nobody}>
          <Icon name="exclamation-triangle" aria-hidden /> No one on call
        </div>
      ) : (
        <div className={styles.name}>{current?.name}</div>
      )}
      {showContact && current?.contact && <div className={styles.contact}>{current.contact}</div>}
      {left !== undefined && (
        <div className={styles.handoff}>
          <Icon name="clock-nine" aria-hidden size={large ? 'lg' : 'sm'} />
          <span>
            {left > 0 && 'Handoff in '}
            <span
              className={styles.countdown}
              role="timer"
              aria-label={left > 0 ? `handoff in ${countdownWords(left)}` : 'handoff now'}
              data-testid="handoff-countdown"
            >
              {formatCountdown(left)}
            </span>
          </span>
          <span className={styles.muted}>{shiftTime(current?.shiftEnd, timeZone)}</span>
        </div>
      )}
      {showNextShifts && next.length > 0 && (
        <ol className={styles.next} aria-label={`Next ${layer} shifts`}>
          {next.map((s, i) => (
            <li key={`${s.name}-${s.shiftStart ?? i}`} className={styles.nextItem}>
              <span className={styles.nextName}>{s.name || 'No one'}</span>
              <span className={styles.muted}>
                {shiftTime(s.shiftStart, timeZone)} – {shiftTime(s.shiftEnd, timeZone)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2, large: boolean) => ({
  card: css({
    flex: large ? '1 1 320px' : '1 1 220px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(large ? 1 : 0.5),
    padding: theme.spacing(large ? 2 : 1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
  }),
  layer: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    textTransform: 'uppercase',
    letterSpacing: '0.05em',
    color: theme.colors.text.secondary,
    fontSize: large ? theme.typography.h5.fontSize : theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  override: css({
    textTransform: 'none',
    letterSpacing: 0,
    color: theme.colors.warning.text,
    border: `1px solid ${theme.colors.warning.border}`,
    borderRadius: theme.shape.radius.pill,
    padding: theme.spacing(0, 0.75),
  }),
  name: css({
    fontSize: large ? '3rem' : theme.typography.h3.fontSize,
    lineHeight: 1.1,
    fontWeight: theme.typography.fontWeightMedium,
    overflowWrap: 'anywhere',
  }),
  nobody: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: large ? theme.typography.h2.fontSize : theme.typography.h4.fontSize,
    color: theme.colors.warning.text,
  }),
  contact: css({
    fontSize: large ? theme.typography.h4.fontSize : theme.typography.body.fontSize,
    overflowWrap: 'anywhere',
  }),
  handoff: css({
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.75),
    fontSize: large ? theme.typography.h4.fontSize : theme.typography.body.fontSize,
  }),
  countdown: css({ fontWeight: theme.typography.fontWeightBold, fontVariantNumeric: 'tabular-nums' }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: large ? theme.typography.body.fontSize : theme.typography.bodySmall.fontSize,
  }),
  next: css({
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(0.5, 0, 0),
    borderTop: `1px solid ${theme.colors.border.weak}`,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.25),
  }),
  nextItem: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(1), flexWrap: 'wrap' }),
  nextName: css({ fontSize: large ? theme.typography.h5.fontSize : theme.typography.body.fontSize }),
});
