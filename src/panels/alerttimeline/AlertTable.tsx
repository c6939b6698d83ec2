import React from 'react';
import { css } from '@emotion/css';
import { TimeZone } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';

import { visuallyHidden } from '../../shared/PanelMessage';
import { durationWords, formatTime } from './alertWords';
import { AlertSpan } from './types';

/** Enough rows for a screen reader to browse; more would cost the DOM what the canvas saves. */
export const TABLE_LIMIT = 200;

interface Props {
  alerts: AlertSpan[];
  timeZone: TimeZone;
  now: number;
}

/** The timeline as a visually hidden table, the accessible alternative to the canvas. */
export const AlertTable = React.memo(function AlertTable({ alerts, timeZone, now }: Props) {
  const styles = useStyles2(getStyles);
  const shown = alerts.slice(-TABLE_LIMIT).reverse();
  return (
    <table className={styles.hidden} data-testid="alert-table">
      <caption>
        {alerts.length > TABLE_LIMIT
          ? `The ${TABLE_LIMIT} most recent of ${alerts.length} alerts in this time range; filter by severity or zoom in to narrow.`
          : `${alerts.length} alerts in this time range, most recent first.`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Severity</th>
          <th scope="col">State</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Service</th>
          <th scope="col">Escalation step</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((alert, i) => (
          <tr key={`${alert.id}-${i}`}>
            <th scope="row">{alert.title}</th>
            <td>{alert.severity}</td>
            <td>{alert.state}</td>
            <td>{formatTime(alert.start, timeZone)}</td>
            <td>{durationWords(alert, now)}</td>
            <td>{alert.service ?? ''}</td>
            <td>{alert.escalationLevel ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const getStyles = () => ({ hidden: css(visuallyHidden) });
