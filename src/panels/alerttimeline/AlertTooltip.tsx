import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { IconButton, TextLink, useStyles2, useTheme2 } from '@grafana/ui';

import { AcknowledgeButton } from '../../shared/AcknowledgeButton';
import { ActionState } from '../../shared/alertActions';
import { severityColor } from '../../shared/severity';
import { durationWords, formatTime } from './alertWords';
import { AlertSpan } from './types';

/** Where the application's alerts can be acted on: the AppMon data source they came from. */
export interface TooltipActions {
  datasourceUid: string;
  state?: ActionState;
  onDone?: () => void;
}

interface Props {
  alert: AlertSpan;
  timeZone: TimeZone;
  now: number;
  /** A pinned tooltip (click or Enter) can be closed and its links followed. */
  pinned: boolean;
  onClose: () => void;
  actions?: TooltipActions;
}

const HIDDEN_LABELS = new Set(['severity', 'service', 'rule', 'alertname', 'runbook_url']);

/** Everything about one alert, rendered as text only: descriptions with markup show the markup. */
export function AlertTooltip({ alert, timeZone, now, pinned, onClose, actions }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const labels = alert.labels.filter(([k]) => !HIDDEN_LABELS.has(k.toLowerCase()));
  return (
    <div className={styles.body}>
      <div className={styles.header}>
        <span className={styles.swatch} style={{ background: severityColor(theme, alert.severity) }} aria-hidden />
        <strong className={styles.title}>{alert.title}</strong>
        {pinned && <IconButton name="times" size="sm" aria-label="Close alert details" onClick={onClose} />}
      </div>
      <div className={styles.chips}>
        <span className={styles.chip}>{alert.severity}</span>
        <span className={styles.chip}>{alert.state}</span>
        {alert.service && <span className={styles.chip}>service: {alert.service}</span>}
        {alert.rule && alert.rule !== alert.title && <span className={styles.chip}>rule: {alert.rule}</span>}
      </div>
      <dl className={styles.facts}>
        {alert.source && (
          <>
            <dt>Source</dt>
            <dd>
              {alert.source === 'grafana' ? 'Grafana-managed alert rule' : 'Application alert'}
              {alert.linked && ` · also ${alert.linked.title} (${alert.linked.reason})`}
            </dd>
          </>
        )}
        <dt>Started</dt>
        <dd>{formatTime(alert.start, timeZone)}</dd>
        {alert.acknowledgedAt !== undefined && (
          <>
            <dt>Acknowledged</dt>
            <dd>{formatTime(alert.acknowledgedAt, timeZone)}</dd>
          </>
        )}
        <dt>{alert.end !== undefined ? 'Resolved' : 'Open'}</dt>
        <dd>
          {alert.end !== undefined ? `${formatTime(alert.end, timeZone)} · ` : ''}
          {durationWords(alert, now)}
        </dd>
        {alert.value !== undefined && (
          <>
            <dt>Value</dt>
            <dd>
              {alert.value}
              {alert.threshold !== undefined && ` (threshold ${alert.threshold})`}
            </dd>
          </>
        )}
        {(alert.escalationLevel !== undefined || alert.notifying) && (
          <>
            <dt>Escalation</dt>
            <dd>
              {alert.escalationLevel !== undefined ? `step ${alert.escalationLevel}` : ''}
              {alert.notifying ? `${alert.escalationLevel !== undefined ? ' · ' : ''}notifying ${alert.notifying}` : ''}
            </dd>
          </>
        )}
      </dl>
      {alert.description && <p className={styles.description}>{alert.description}</p>}
      {labels.length > 0 && (
        <ul className={styles.labels} aria-label="Labels">
          {labels.map(([k, v]) => (
            <li key={`${k}=${v}`} className={styles.label}>
              {v ? `${k}=${v}` : k}
            </li>
          ))}
        </ul>
      )}
      {alert.runbookUrl && (
        <TextLink href={alert.runbookUrl} external inline={false} icon="book">
          Runbook
        </TextLink>
      )}
      {/* Only a pinned tooltip takes the pointer; only an application alert still firing can be acknowledged. */}
      {pinned && actions && alert.source !== 'grafana' && alert.state === 'firing' && (
        <AcknowledgeButton
          datasourceUid={actions.datasourceUid}
          alertId={alert.id}
          alertName={alert.title}
          state={actions.state}
          onDone={actions.onDone}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  swatch: css({ width: 10, height: 10, borderRadius: theme.shape.radius.default, flexShrink: 0 }),
  title: css({ flex: '1 1 auto', fontSize: theme.typography.body.fontSize, wordBreak: 'break-word' }),
  chips: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) }),
  chip: css({
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.radius.pill,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
  }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1),
    rowGap: theme.spacing(0.25),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  }),
  description: css({ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }),
  labels: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5), listStyle: 'none', margin: 0, padding: 0 }),
  label: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.canvas,
  }),
});
