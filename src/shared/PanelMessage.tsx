import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

import { PanelIssue } from './issues';

interface Props {
  /** "empty" when there is nothing to show, "error" when the data could not be read at all. */
  kind: 'empty' | 'error';
  title: string;
  /** Why, and what to do about it. */
  details?: string[];
  width: number;
  height: number;
}

/** The whole-panel state shown instead of a visualization: no data, or data that failed. */
export function PanelMessage({ kind, title, details = [], width, height }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.box} style={{ width, height }} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon
        name={kind === 'error' ? 'exclamation-triangle' : 'info-circle'}
        size="xl"
        className={kind === 'error' ? styles.errorIcon : styles.icon}
      />
      <div className={styles.title}>{title}</div>
      {details.map((line) => (
        <div key={line} className={styles.detail}>
          {line}
        </div>
      ))}
    </div>
  );
}

interface NoticesProps {
  issues: PanelIssue[];
}

/** A compact strip above a visualization for partial data: some queries failed, some fields are missing. */
export function PanelNotices({ issues }: NoticesProps) {
  const styles = useStyles2(getStyles);
  if (issues.length === 0) {
    return null;
  }
  return (
    <ul className={styles.notices} aria-label="Data problems">
      {issues.map((issue) => (
        <li key={issue.message} className={styles.notice}>
          <Icon
            name={issue.level === 'info' ? 'info-circle' : 'exclamation-triangle'}
            className={
              issue.level === 'error' ? styles.errorIcon : issue.level === 'warning' ? styles.warningIcon : styles.icon
            }
            aria-hidden
          />
          <span>
            <span className={styles.srOnly}>{issue.level}: </span>
            {issue.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    textAlign: 'center',
    overflow: 'auto',
    color: theme.colors.text.secondary,
  }),
  title: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
  detail: css({ fontSize: theme.typography.bodySmall.fontSize, maxWidth: 520 }),
  icon: css({ color: theme.colors.text.secondary, flexShrink: 0 }),
  errorIcon: css({ color: theme.colors.error.text, flexShrink: 0 }),
  warningIcon: css({ color: theme.colors.warning.text, flexShrink: 0 }),
  notices: css({
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0.5, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    flexShrink: 0,
    maxHeight: 72,
    overflow: 'auto',
  }),
  notice: css({ display: 'flex', gap: theme.spacing(0.5), alignItems: 'flex-start' }),
  srOnly: css(visuallyHidden),
});

/** Hides content visually while keeping it for screen readers. */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
