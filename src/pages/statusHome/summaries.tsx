import React from 'react';
import { useAsync } from 'react-use';
import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, PanelData, dateTimeFormat } from '@grafana/data';
import { SceneComponentProps, SceneObject, SceneObjectBase, SceneObjectState, sceneGraph } from '@grafana/scenes';
import { Badge, BadgeColor, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';

import { fetchSchedule } from '../../api/schedule';
import {
  HealthState,
  healthSentence,
  onCallSentence,
  readActiveAlerts,
  readObjectives,
  readOnCall,
  readServiceHealth,
} from './words';

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    width: '100%',
    height: '100%',
    padding: theme.spacing(2),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    overflow: 'auto',
  }),
  list: css({ margin: 0, paddingLeft: 0, listStyle: 'none', li: { marginBottom: theme.spacing(0.75) } }),
});

/** A titled card with the query's state: loading, its error, or the content. */
function Card({ title, data, children }: { title: string; data?: PanelData; children: React.ReactNode }) {
  const styles = useStyles2(getStyles);
  const error = data?.errors?.[0];
  return (
    <section className={styles.card} aria-label={title}>
      <Stack direction="column" gap={1}>
        <Text element="h3">{title}</Text>
        {(!data || (data.state === LoadingState.Loading && data.series.length === 0)) && (
          <LoadingPlaceholder text="Loading" />
        )}
        {error && (
          <Text color="error" element="p">
            {error.message ?? 'The query failed.'}
          </Text>
        )}
        {data && data.state !== LoadingState.Loading && children}
      </Stack>
    </section>
  );
}

function useData(model: SceneObject) {
  return sceneGraph.getData(model).useState().data;
}

const HEALTH_COLORS: Record<HealthState, BadgeColor> = {
  healthy: 'green',
  degraded: 'orange',
  unhealthy: 'red',
  unknown: 'blue',
};

interface SummaryState extends SceneObjectState {
  title: string;
}

/** Each service's health now (health query). */
function HealthRenderer({ model }: SceneComponentProps<HealthSummary>) {
  const data = useData(model);
  const services = readServiceHealth(data?.series ?? []);
  return (
    <Card title={model.state.title} data={data}>
      <Text element="p">{healthSentence(services)}</Text>
      <Stack gap={1} wrap="wrap">
        {services.map((s) => (
          <Badge key={s.name} color={HEALTH_COLORS[s.state]} text={`${s.name}: ${s.state}`} />
        ))}
      </Stack>
    </Card>
  );
}

export class HealthSummary extends SceneObjectBase<SummaryState> {
  static Component = HealthRenderer;
}

const OBJECTIVE_COLORS = { ok: 'green', warning: 'orange', critical: 'red', unknown: 'blue' } as const;

/** Each objective's state in plain words (slo query). */
function ObjectivesRenderer({ model }: SceneComponentProps<ObjectivesSummary>) {
  const data = useData(model);
  const styles = useStyles2(getStyles);
  const objectives = readObjectives(data?.series ?? []);
  return (
    <Card title={model.state.title} data={data}>
      {objectives.length === 0 && <Text element="p">No objectives are configured.</Text>}
      <ul className={styles.list}>
        {objectives.map((o) => (
          <li key={o.id}>
            <Badge color={OBJECTIVE_COLORS[o.state]} text={o.state === 'ok' ? 'on target' : o.state} />{' '}
            <Text>{o.sentence}</Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export class ObjectivesSummary extends SceneObjectBase<SummaryState> {
  static Component = ObjectivesRenderer;
}

const SEVERITY_COLORS: Record<string, BadgeColor> = {
  critical: 'red',
  high: 'orange',
  medium: 'orange',
  low: 'blue',
  info: 'blue',
};

/**
 * The application's open alerts (alerts query, action active). Grafana-managed alerts are
 * shown beside them by the alert timeline panel of this page, which reads both sources.
 */
function AlertsRenderer({ model }: SceneComponentProps<AlertsSummary>) {
  const data = useData(model);
  const styles = useStyles2(getStyles);
  const alerts = readActiveAlerts(data?.series ?? []);
  return (
    <Card title={model.state.title} data={data}>
      <Text element="p">
        {alerts.length === 0
          ? 'No application alert is open.'
          : `${alerts.length} application ${alerts.length === 1 ? 'alert is' : 'alerts are'} open.`}
      </Text>
      <ul className={styles.list}>
        {alerts.slice(0, 8).map((a) => (
          <li key={a.id}>
            <Badge color={SEVERITY_COLORS[a.severity] ?? 'blue'} text={a.severity} /> <Text>{a.title}</Text>
            <Text color="secondary">
              {a.since !== undefined && ` since ${dateTimeFormat(a.since, { format: 'D MMM HH:mm' })}`}
              {a.acknowledged && ', acknowledged'}
            </Text>
          </li>
        ))}
      </ul>
      {alerts.length > 8 && <Text color="secondary">and {alerts.length - 8} more</Text>}
    </Card>
  );
}

export class AlertsSummary extends SceneObjectBase<SummaryState> {
  static Component = AlertsRenderer;
}

interface OnCallState extends SummaryState {
  /** The data source variable's name, to read the rota's next shifts from the same data source. */
  datasourceVariable: string;
}

/** Who is on call and the next handoff (oncall query; the next person from the schedule). */
function OnCallRenderer({ model }: SceneComponentProps<OnCallSummary>) {
  const data = useData(model);
  const styles = useStyles2(getStyles);
  const people = readOnCall(data?.series ?? []);
  const uid = sceneGraph.interpolate(model, `\${${model.state.datasourceVariable}}`);
  // The schedule says who takes over; without it the handoff is still shown.
  const schedule = useAsync(() => fetchSchedule(uid, 1).catch(() => undefined), [uid, data?.series]);
  const next = (layer: string, end?: number) =>
    schedule.value?.layers
      .find((l) => l.name === layer)
      ?.shifts.find((s) => end !== undefined && Math.abs(Date.parse(s.start) - end) < 60_000)?.name;
  return (
    <Card title={model.state.title} data={data}>
      {people.length === 0 && <Text element="p">No on-call schedule is set up for this data source.</Text>}
      <ul className={styles.list}>
        {people.map((p) => (
          <li key={p.layer}>
            <Text>{onCallSentence(p, next(p.layer, p.shiftEnd))}</Text>
            {p.contact && <Text color="secondary"> {p.contact}</Text>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export class OnCallSummary extends SceneObjectBase<OnCallState> {
  static Component = OnCallRenderer;
}
