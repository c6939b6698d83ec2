// A whole dashboard as Grafana lays it out: every panel at its grid position in Grafana's
// panel chrome, its targets run through the data source's query() and the host server, the
// frames' notices in the panel header. AppMon panels are the built plugins; Grafana's own
// panel types are the stand-ins of corePanels.tsx.
import React from 'react';
import {
  DataFrame,
  DataTransformerConfig,
  EventBusSrv,
  FieldConfigSource,
  PanelPlugin,
  QueryResultMetaNotice,
  applyFieldOverrides,
  createTheme,
  getFieldDisplayName,
  transformDataFrame,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { Icon, PanelChrome, Tooltip } from '@grafana/ui';
import { lastValueFrom } from 'rxjs';

import { CORE_PANELS, CorePanel } from './corePanels';
import { loadPlugin } from './loadPlugin';
import { runTargets, timeRangeOf } from './panels';
import { report } from './report';

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  targets?: Array<Record<string, unknown>>;
  transformations?: DataTransformerConfig[];
  gridPos: { x: number; y: number; w: number; h: number };
}

export interface DashboardCase {
  id: string;
  kind: 'dashboard';
  /** The dashboard file, for messages. */
  where: string;
  panels: DashboardPanel[];
  time?: { from: string; to: string };
}

const theme = createTheme({ colors: { mode: 'dark' } });
const WIDTH = 960;
const COLUMNS = 24;
const ROW_HEIGHT = 30;
const GAP = 8;
const columnWidth = (WIDTH - (COLUMNS - 1) * GAP) / COLUMNS;

/**
 * The notices of a panel's frames as Grafana's panel header shows them: one icon per
 * severity, the last notice of that severity in its tooltip.
 */
export function headerNotices(series: DataFrame[]): QueryResultMetaNotice[] {
  const bySeverity = new Map<string, QueryResultMetaNotice>();
  for (const frame of series) {
    for (const notice of frame.meta?.notices ?? []) {
      bySeverity.set(notice.severity, notice);
    }
  }
  return [...bySeverity.values()];
}

function NoticeIcon({ notice }: { notice: QueryResultMetaNotice }) {
  const icon = notice.severity === 'info' ? 'info-circle' : 'exclamation-triangle';
  return (
    <Tooltip content={notice.text}>
      <span data-testid={`host-notice-${notice.severity}`}>
        <Icon name={icon} size="md" />
      </span>
    </Tooltip>
  );
}

async function panelElement(p: DashboardPanel, c: DashboardCase, width: number, height: number) {
  const where = `${c.where} panel ${p.id} "${p.title}"`;
  const range = timeRangeOf(c);
  const data = await runTargets({ pluginId: p.type, title: p.title, targets: p.targets, where }, range);
  const fieldConfig = p.fieldConfig ?? { defaults: {}, overrides: [] };
  const replaceVariables = getTemplateSrv().replace.bind(getTemplateSrv());
  let plugin: PanelPlugin | undefined;
  if (p.type.startsWith('appmon-')) {
    plugin = await loadPlugin<PanelPlugin>(p.type, 'panel');
  } else if (!CORE_PANELS.includes(p.type)) {
    report.error(`${where}: the host has no stand-in for Grafana's ${p.type} panel`);
  }
  // The panel's transformations run before its field config, as in Grafana.
  const transformed = p.transformations?.length
    ? await lastValueFrom(
        transformDataFrame(p.transformations, data.series, { interpolate: (v: string) => replaceVariables(v) })
      )
    : data.series;
  const series = applyFieldOverrides({
    data: transformed,
    fieldConfig,
    fieldConfigRegistry: plugin?.fieldConfigRegistry,
    replaceVariables,
    theme,
    timeZone: 'utc',
  });
  const notices = headerNotices(series);
  const names = series.flatMap((f) =>
    f.fields.filter((x) => x.type !== 'time').map((x) => getFieldDisplayName(x, f, series))
  );
  report.note(
    `${where}: ${names.length} series (${names.join(', ')}); notices: ${notices.map((n) => n.text).join(' | ') || 'none'}`
  );

  const Panel = plugin?.panel;
  return (
    <PanelChrome
      title={p.title}
      width={width}
      height={height}
      titleItems={notices.map((n) => (
        <NoticeIcon key={n.severity} notice={n} />
      ))}
    >
      {(innerWidth, innerHeight) =>
        Panel ? (
          <Panel
            id={p.id}
            data={{ ...data, series }}
            timeRange={range}
            timeZone="utc"
            options={p.options ?? {}}
            fieldConfig={fieldConfig}
            transparent={false}
            width={innerWidth}
            height={innerHeight}
            renderCounter={0}
            title={p.title}
            eventBus={new EventBusSrv()}
            onOptionsChange={() => {}}
            onFieldConfigChange={() => {}}
            replaceVariables={replaceVariables}
            onChangeTimeRange={() => {}}
          />
        ) : (
          <CorePanel
            type={p.type}
            series={series}
            options={p.options ?? {}}
            fieldConfig={fieldConfig}
            width={innerWidth}
            height={innerHeight}
            timeRange={range}
            theme={theme}
            replaceVariables={replaceVariables}
          />
        )
      }
    </PanelChrome>
  );
}

export async function renderDashboard(c: DashboardCase): Promise<React.ReactElement> {
  const panels = c.panels.filter((p) => p.type !== 'row');
  // The panels query at once, as a dashboard does.
  const elements = await Promise.all(
    panels.map((p) => {
      const width = p.gridPos.w * columnWidth + (p.gridPos.w - 1) * GAP;
      const height = p.gridPos.h * ROW_HEIGHT + (p.gridPos.h - 1) * GAP;
      return panelElement(p, c, width, height);
    })
  );
  return (
    <div
      style={{
        display: 'grid',
        width: WIDTH,
        gridTemplateColumns: `repeat(${COLUMNS}, ${columnWidth}px)`,
        gridAutoRows: ROW_HEIGHT,
        gap: GAP,
      }}
    >
      {panels.map((p, i) => (
        <div
          key={p.id}
          data-testid="host-dashboard-panel"
          data-panel-title={p.title}
          style={{
            gridColumn: `${p.gridPos.x + 1} / span ${p.gridPos.w}`,
            gridRow: `${p.gridPos.y + 1} / span ${p.gridPos.h}`,
          }}
        >
          {elements[i]}
        </div>
      ))}
    </div>
  );
}
