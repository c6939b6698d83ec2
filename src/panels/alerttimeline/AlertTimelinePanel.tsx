import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { severityColor } from '../../shared/severity';
import { readAlerts } from './readAlerts';
import { AlertTimelineOptions } from './types';

type Props = PanelProps<AlertTimelineOptions>;

const ROW_HEIGHT = 22;

export function AlertTimelinePanel({ data, options, width, height, timeRange }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const span = Math.max(1, to - from);
  const alerts = readAlerts(data.series).filter(
    (a) => (options.severities?.length ? options.severities.includes(a.severity) : true) && a.start <= to && (a.end ?? to) >= from
  );

  if (alerts.length === 0) {
    return (
      <div className={styles.empty} style={{ width, height }} role="status">
        No alerts in this time range.
      </div>
    );
  }

  const x = (t: number) => ((Math.min(Math.max(t, from), to) - from) / span) * 100;

  return (
    <div style={{ width, height }} className={styles.scroll} role="list" aria-label="Alert timeline">
      {alerts.map((a) => (
        <div key={a.id} role="listitem" className={styles.row} style={{ height: ROW_HEIGHT }} title={a.description ?? a.title}>
          <span className={styles.label}>{a.title}</span>
          <span className={styles.track}>
            <span
              aria-label={`${a.severity} ${a.state}`}
              className={styles.bar}
              style={{
                left: `${x(a.start)}%`,
                width: `${Math.max(0.5, x(a.end ?? to) - x(a.start))}%`,
                background: severityColor(theme, a.severity),
                opacity: a.state === 'resolved' ? 0.5 : 1,
              }}
            />
          </span>
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto' }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  label: css({ flex: '0 0 30%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  track: css({ position: 'relative', flex: '1 1 auto', height: '70%', background: theme.colors.background.secondary }),
  bar: css({ position: 'absolute', top: 0, bottom: 0, borderRadius: theme.shape.radius.default }),
  empty: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', color: theme.colors.text.secondary }),
});
