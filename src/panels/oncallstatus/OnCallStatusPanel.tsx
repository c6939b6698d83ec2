import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { frameNotices, queryErrors, uniqueIssues } from '../../shared/issues';
import { PanelFallback } from '../../shared/PanelFallback';
import { PanelNotices } from '../../shared/PanelMessage';
import { arrivalTime } from '../../shared/arrivalTime';
import { requestRefresh, useActionState } from '../../shared/AcknowledgeButton';
import { alertSourceUid } from './alertSource';
import { EscalationLadder } from './EscalationLadder';
import { LayerCard } from './LayerCard';
import { readOnCall } from './readOnCall';
import { layerStatus } from './rotation';
import { OnCallStatusOptions } from './types';
import { useNow } from './useNow';

type Props = PanelProps<OnCallStatusOptions>;

/** Auto text size turns large when each layer card gets at least this much room. */
const LARGE_MIN_WIDTH_PER_LAYER = 300;
const LARGE_MIN_HEIGHT = 260;

export function OnCallStatusPanel({ data, options, width, height, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const now = useNow();
  // seconds_to_handoff counts from when the data arrived, not from each render.
  const receivedAt = arrivalTime(data);
  const onCall = useMemo(() => readOnCall(data.series, receivedAt), [data.series, receivedAt]);
  const layers = layerStatus(onCall.onCall, onCall.shifts, now, options.shiftCount ?? 3);
  const errors = queryErrors(data);
  const showEscalation = options.showEscalation !== false && (onCall.hasEscalation || onCall.steps.length > 0);
  // Acknowledge buttons go through the data source the escalation came from.
  const escalationRef = onCall.alerts[0]?.refId;
  const actionUid = useMemo(
    () => (onCall.alerts.length > 0 ? alertSourceUid(data.request, escalationRef) : undefined),
    [data.request, escalationRef, onCall.alerts.length]
  );
  const actionState = useActionState(actionUid);

  if (layers.length === 0 && !showEscalation) {
    return (
      <PanelFallback
        errors={errors}
        loading={data.state === LoadingState.Loading}
        errorTitle="The on-call query failed"
        loadingTitle="Loading on-call status…"
        emptyTitle="Nobody is on call in this data"
        emptyDetails={[
          ...onCall.issues.map((i) => i.message),
          'Use the AppMon data source’s on-call query (views: now, shifts, escalation), or frames with layer, name and shift_end fields.',
        ]}
        width={width}
        height={height}
      />
    );
  }

  const textSize = options.textSize ?? 'auto';
  const large =
    textSize === 'large' ||
    (textSize === 'auto' &&
      layers.length > 0 &&
      width / layers.length >= LARGE_MIN_WIDTH_PER_LAYER &&
      height >= LARGE_MIN_HEIGHT);
  const notices = uniqueIssues([...errors, ...onCall.issues, ...frameNotices(data.series)]);

  return (
    <div className={styles.panel} style={{ width, height }} data-text-size={large ? 'large' : 'normal'}>
      <PanelNotices issues={notices} />
      {layers.length > 0 && (
        <div className={styles.layers} role="region" aria-label="On call now">
          {layers.map((status) => (
            <LayerCard
              key={status.layer}
              status={status}
              now={now}
              timeZone={timeZone}
              showContact={options.showContact !== false}
              showNextShifts={options.showNextShifts !== false}
              large={large}
            />
          ))}
        </div>
      )}
      {showEscalation && (
        <EscalationLadder
          steps={onCall.steps}
          alerts={onCall.alerts}
          now={now}
          large={large}
          actions={actionUid ? { datasourceUid: actionUid, state: actionState, onDone: requestRefresh } : undefined}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5), overflow: 'auto' }),
  layers: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), alignItems: 'stretch' }),
});
