import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, PanelProps, ThresholdsConfig, ThresholdsMode } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { frameNotices, queryErrors, uniqueIssues } from '../../shared/issues';
import { PanelFallback } from '../../shared/PanelFallback';
import { PanelNotices } from '../../shared/PanelMessage';
import { ObjectiveCard } from './ObjectiveCard';
import { ObjectiveTile } from './ObjectiveTile';
import { readObjectives } from './readObjectives';
import { readTrends, trendFor } from './readTrends';
import { SlaComplianceOptions } from './types';

type Props = PanelProps<SlaComplianceOptions>;

/** Budget colours when the panel's thresholds are left alone: red when nearly spent, orange below a third, green above. */
export const DEFAULT_BUDGET_THRESHOLDS: ThresholdsConfig = {
  mode: ThresholdsMode.Absolute,
  steps: [
    { value: -Infinity, color: 'red' },
    { value: 0.1, color: 'orange' },
    { value: 0.33, color: 'green' },
  ],
};

export function SlaCompliancePanel({ data, options, fieldConfig, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const { objectives, issues: readIssues } = useMemo(
    () => readObjectives(data.series, options.fields),
    [data.series, options.fields]
  );
  const trends = useMemo(() => readTrends(data.series), [data.series]);
  const errors = queryErrors(data);
  const thresholds = fieldConfig?.defaults?.thresholds ?? DEFAULT_BUDGET_THRESHOLDS;
  const decimals = fieldConfig?.defaults?.decimals ?? undefined;

  if (objectives.length === 0) {
    return (
      <PanelFallback
        errors={errors}
        loading={data.state === LoadingState.Loading}
        errorTitle="The SLO query failed"
        loadingTitle="Loading objectives…"
        emptyTitle="No objectives found"
        emptyDetails={[
          ...readIssues.map((i) => i.message),
          'Use the AppMon data source’s SLO query, or frames with target and actual fields (percent).',
        ]}
        width={width}
        height={height}
      />
    );
  }

  const notices = uniqueIssues([...errors, ...readIssues, ...frameNotices(data.series)]);
  const View = options.layout === 'compact' ? ObjectiveTile : ObjectiveCard;

  return (
    <div className={styles.panel} style={{ width, height }}>
      <PanelNotices issues={notices} />
      <div
        className={options.layout === 'compact' ? styles.row : styles.grid}
        role="list"
        aria-label="Service level objectives"
      >
        {objectives.map((objective, i) => (
          <div role="listitem" key={`${objective.id}-${i}`} className={styles.item}>
            <View
              objective={objective}
              trend={trendFor(objective, i, trends, objectives.length)?.points}
              options={options}
              thresholds={thresholds}
              decimals={decimals}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), overflow: 'auto' }),
  grid: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), alignItems: 'stretch' }),
  row: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    flex: '1 1 auto',
    alignItems: 'stretch',
    minHeight: 0,
  }),
  item: css({ display: 'flex', flex: '1 1 0', minWidth: 140, '& > *': { flex: '1 1 auto' } }),
});
