import {
  DataSourceVariable,
  EmbeddedScene,
  SceneControlsSpacer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneObject,
  SceneQueryRunner,
  SceneReactObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
  VizPanel,
} from '@grafana/scenes';
import { DataQuery } from '@grafana/schema';

import { DATASOURCE_TYPE } from '../../constants';
import { DashboardLinks } from './DashboardLinks';
import { AlertsSummary, HealthSummary, ObjectivesSummary, OnCallSummary } from './summaries';

/** AppMon's own panels (src/panels/<name>/plugin.json). */
export const PANELS = {
  sla: 'appmon-slacompliance-panel',
  alerts: 'appmon-alerttimeline-panel',
  oncall: 'appmon-oncallstatus-panel',
} as const;

const DS_VARIABLE = 'datasource';

/** A query runner on the page's data source variable: AppMon queries as the dashboards write them. */
function appmon(query: Record<string, unknown>) {
  return new SceneQueryRunner({
    datasource: { type: DATASOURCE_TYPE, uid: `\${${DS_VARIABLE}}` },
    queries: [{ refId: 'A', ...query } as DataQuery],
  });
}

function item(body: SceneObject, minHeight: number, width?: string) {
  return new SceneFlexItem({ body, minHeight, minWidth: 240, ...(width ? { width } : {}) });
}

function row(children: SceneFlexItem[], minHeight?: number) {
  return new SceneFlexItem({
    ...(minHeight ? { minHeight } : {}),
    body: new SceneFlexLayout({ direction: 'row', children }),
  });
}

/**
 * The status home: health, objectives, alerts and on-call now, for the picked data source and
 * time range, with the app's own SLA, alert timeline and on-call panels and links onward.
 */
export function buildStatusScene(): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-6h', to: 'now' }),
    $variables: new SceneVariableSet({
      variables: [new DataSourceVariable({ name: DS_VARIABLE, label: 'Data source', pluginId: DATASOURCE_TYPE })],
    }),
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({ isOnCanvas: true }),
      new SceneRefreshPicker({ isOnCanvas: true, intervals: ['30s', '1m', '5m', '15m'] }),
    ],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        row([
          item(new HealthSummary({ title: 'Services now', $data: appmon({ queryType: 'health' }) }), 150),
          item(new ObjectivesSummary({ title: 'Objectives', $data: appmon({ queryType: 'slo' }) }), 150),
          item(
            new OnCallSummary({
              title: 'On call',
              datasourceVariable: DS_VARIABLE,
              $data: appmon({ queryType: 'oncall', oncallView: 'now' }),
            }),
            150
          ),
        ]),
        row(
          [
            item(
              new AlertsSummary({
                title: 'Open alerts',
                $data: appmon({ queryType: 'alerts', alertsAction: 'active' }),
              }),
              240,
              '34%'
            ),
            // The timeline reads Grafana-managed alerts beside the application's (its "Alert source" option).
            item(
              new VizPanel({
                title: 'Alerts in the time range',
                pluginId: PANELS.alerts,
                $data: appmon({ queryType: 'alerts', alertsAction: 'history' }),
              }),
              240
            ),
          ],
          240
        ),
        row(
          [
            item(
              new VizPanel({
                title: 'Service level objectives',
                pluginId: PANELS.sla,
                options: { layout: 'compact' },
                $data: appmon({ queryType: 'slo' }),
              }),
              180
            ),
            item(
              new VizPanel({
                title: 'On-call status',
                pluginId: PANELS.oncall,
                options: { showContact: true },
                $data: appmon({ queryType: 'oncall', oncallView: 'now' }),
              }),
              180,
              '40%'
            ),
          ],
          180
        ),
        item(new SceneReactObject({ component: DashboardLinks }), 90),
      ],
    }),
  });
}
