import React, { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { frameNotices, queryErrors, uniqueIssues } from '../../shared/issues';
import { PanelFallback } from '../../shared/PanelFallback';
import { PanelMessage, PanelNotices } from '../../shared/PanelMessage';
import { SEVERITIES, Severity } from '../../shared/severity';
import { arrivalTime } from '../../shared/arrivalTime';
import { requestRefresh, useActionState } from '../../shared/AcknowledgeButton';
import { alertSourceUid } from '../oncallstatus/alertSource';
import { AlertCountsView } from './AlertCountsView';
import { AlertTable } from './AlertTable';
import { countAlerts } from './countAlerts';
import { layoutRows } from './layoutRows';
import { mergeSources } from './mergeSources';
import { readAlerts } from './readAlerts';
import { LEGEND_HEIGHT, TimelineLegend } from './TimelineLegend';
import { TimelineView } from './TimelineView';
import { AlertTimelineOptions } from './types';
import { useGrafanaAlerts } from './useGrafanaAlerts';

/** AppMon's own Grafana rules (provisioning/alerting): folder AppMon, label source=appmon. */
export const DEFAULT_GRAFANA_FOLDER = 'AppMon';
export const DEFAULT_GRAFANA_LABELS = 'source=appmon';

type Props = PanelProps<AlertTimelineOptions>;

const GROUP_WORDS = {
  alert: 'one row per alert',
  rule: 'grouped by rule',
  service: 'grouped by service',
  severity: 'grouped by severity',
};

export function AlertTimelinePanel({ data, options, width, height, timeRange, timeZone, onChangeTimeRange }: Props) {
  const styles = useStyles2(getStyles);
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const groupBy = options.groupBy ?? 'alert';
  const showLegend = options.showLegend !== false;
  const showMaintenance = options.showMaintenance !== false;
  const [hidden, setHidden] = useState<Set<Severity>>(() => new Set());
  const noticesRef = useRef<HTMLDivElement>(null);
  const [noticesHeight, setNoticesHeight] = useState(0);

  const source = options.alertSource ?? 'both';
  const {
    alerts: appAlerts,
    maintenance,
    issues,
  } = useMemo(
    () =>
      readAlerts(data.series, {
        fields: options.fields,
        annotations: data.annotations,
        annotationsAsAlerts: options.annotationsAsAlerts,
      }),
    [data.series, data.annotations, options.fields, options.annotationsAsAlerts]
  );
  // Open alerts run to the time the data arrived; a ticking clock would re-layout thousands of bars.
  const now = arrivalTime(data);
  const grafana = useGrafanaAlerts(
    source,
    from,
    to,
    options.grafanaFolder ?? DEFAULT_GRAFANA_FOLDER,
    options.grafanaLabels ?? DEFAULT_GRAFANA_LABELS,
    now
  );
  // Acknowledging needs the AppMon data source the application's open alerts came from.
  const actionUid = useMemo(
    () =>
      source !== 'grafana' && appAlerts.some((a) => a.state === 'firing') ? alertSourceUid(data.request) : undefined,
    [source, appAlerts, data.request]
  );
  const actionState = useActionState(actionUid);
  const actions = useMemo(
    () => (actionUid ? { datasourceUid: actionUid, state: actionState, onDone: requestRefresh } : undefined),
    [actionUid, actionState]
  );
  const alerts = useMemo(
    () =>
      source === 'application'
        ? appAlerts
        : mergeSources(source === 'grafana' ? [] : appAlerts, grafana.alerts, grafana.rules ?? []),
    [source, appAlerts, grafana.alerts, grafana.rules]
  );

  const inRange = useMemo(() => {
    const allowed = options.severities?.length ? new Set(options.severities) : undefined;
    return alerts.filter(
      (a) => (!allowed || allowed.has(a.severity)) && a.start <= to && (a.end ?? Math.max(now, a.start)) >= from
    );
  }, [alerts, options.severities, from, to, now]);

  const counts = useMemo(() => {
    const c = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    inRange.forEach((a) => c[a.severity]++);
    return c;
  }, [inRange]);

  const visible = useMemo(
    () => (hidden.size ? inRange.filter((a) => !hidden.has(a.severity)) : inRange),
    [inRange, hidden]
  );
  const newestFirst = options.rowOrder !== 'oldest';
  const layout = useMemo(() => layoutRows(visible, groupBy, now, newestFirst), [visible, groupBy, now, newestFirst]);
  const windows = useMemo(
    () => (showMaintenance ? maintenance.filter((m) => m.start <= to && m.end >= from) : []),
    [maintenance, showMaintenance, from, to]
  );

  const toggle = useCallback((severity: Severity) => {
    setHidden((prev) => {
      const next = new Set(prev);
      next.has(severity) ? next.delete(severity) : next.add(severity);
      return next;
    });
  }, []);
  const onZoom = useCallback((a: number, b: number) => onChangeTimeRange({ from: a, to: b }), [onChangeTimeRange]);

  // With Grafana as the only source, the panel's own queries are not drawn: their problems are not the viewer's.
  const errors = source === 'grafana' ? [] : queryErrors(data);
  const appIssues = source === 'grafana' ? [] : [...issues, ...frameNotices(data.series)];
  const notices = uniqueIssues([...errors, ...appIssues, ...grafana.issues]);
  const display = options.display ?? 'timeline';

  useLayoutEffect(() => {
    setNoticesHeight(noticesRef.current?.offsetHeight ?? 0);
  }, [notices.length, width]);

  if (display === 'counts') {
    const counts = countAlerts(alerts, {
      what: options.countWhat ?? 'active',
      from,
      to,
      source,
      grafanaRead: grafana.rules !== undefined,
      severities: options.severities,
    });
    const appFailed = source !== 'grafana' && errors.length > 0 && appAlerts.length === 0;
    const grafanaFailed = source !== 'application' && !grafana.loading && grafana.rules === undefined;
    if (
      (source === 'application' && appFailed) ||
      (source === 'grafana' && grafanaFailed) ||
      (appFailed && grafanaFailed)
    ) {
      // Unknown is not zero: with nothing counted from any source the panel says so.
      return (
        <PanelMessage
          kind="error"
          title="Alerts could not be counted"
          details={notices.map((n) => n.message)}
          width={width}
          height={height}
        />
      );
    }
    if (grafana.loading && alerts.length === 0) {
      return <PanelMessage kind="empty" title="Counting alerts…" width={width} height={height} />;
    }
    return (
      <div className={styles.panel} style={{ width, height }}>
        <div ref={noticesRef}>
          <PanelNotices issues={notices} />
        </div>
        <AlertCountsView counts={counts} width={width} height={Math.max(40, height - noticesHeight)} />
      </div>
    );
  }

  if (inRange.length === 0) {
    const problems = [...appIssues, ...grafana.issues];
    const details = problems.length
      ? problems.map((i) => i.message)
      : alerts.length
        ? [`${alerts.length} alerts outside this time range or filtered out by the Severities option.`]
        : source === 'grafana'
          ? ['No Grafana-managed alert fired in this time range.']
          : [
              'Use the AppMon data source’s alert history query, or frames with started_at/time and resolved_at/timeEnd fields.',
            ];
    // With no alert read at all, a failed query or a running one explains the empty panel.
    const failed = alerts.length === 0 && !(source === 'both' && grafana.rules?.length);
    return (
      <PanelFallback
        errors={failed ? errors : []}
        loading={alerts.length === 0 && (data.state === LoadingState.Loading || grafana.loading)}
        errorTitle="The alert query failed"
        loadingTitle="Loading alerts…"
        emptyTitle="No alerts in this time range"
        emptyDetails={details}
        width={width}
        height={height}
      />
    );
  }

  const timelineHeight = Math.max(40, height - (showLegend ? LEGEND_HEIGHT + 4 : 0) - noticesHeight);
  const sourceWords = source === 'both' ? ', application and Grafana' : source === 'grafana' ? ', Grafana-managed' : '';
  const summary = `Alert timeline: ${visible.length} alerts${sourceWords}, ${GROUP_WORDS[groupBy]}${windows.length ? `, ${windows.length} maintenance windows` : ''}`;

  return (
    <div className={styles.panel} style={{ width, height }}>
      <div ref={noticesRef}>
        <PanelNotices issues={notices} />
      </div>
      {visible.length > 0 ? (
        <TimelineView
          layout={layout}
          maintenance={windows}
          from={from}
          to={to}
          width={width}
          height={timelineHeight}
          timeZone={timeZone}
          laneHeight={options.laneHeight ?? 20}
          labelsInBars={groupBy !== 'alert'}
          fitRowsInView={groupBy === 'alert'}
          showSources={source === 'both'}
          now={now}
          onZoom={onZoom}
          summary={summary}
          actions={actions}
        />
      ) : (
        <PanelMessage
          kind="empty"
          title="Every severity is hidden"
          details={['Click a severity in the legend to show it again.']}
          width={width}
          height={timelineHeight}
        />
      )}
      {showLegend && (
        <TimelineLegend counts={counts} hidden={hidden} onToggle={toggle} showMaintenance={windows.length > 0} />
      )}
      <AlertTable alerts={visible} timeZone={timeZone} now={now} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    position: 'relative',
    overflow: 'hidden',
  }),
});
