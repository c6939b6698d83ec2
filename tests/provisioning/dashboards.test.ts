import fs from 'fs';
import path from 'path';

import { QUERY_TYPES } from '../../src/datasource/queryModel.gen';
import { Dashboard, dataPanels, readDashboards, REPO_ROOT } from './repoFiles';

const DATASOURCE_TYPE = 'appmon-endpoints-datasource';
const APPMON_PANELS = ['appmon-slacompliance-panel', 'appmon-alerttimeline-panel', 'appmon-oncallstatus-panel'];
const dashboards = readDashboards();

/** Metric names the reference server publishes (its catalog is the contract's list). */
function contractMetricNames(): Set<string> {
  const spec = fs.readFileSync(path.join(REPO_ROOT, 'monitoring-api', 'openapi.yaml'), 'utf8');
  return new Set(spec.match(/\b[a-z_]+(?:\.[a-z0-9_]+)+\b/g) ?? []);
}

describe('provisioned dashboards', () => {
  it('covers the seeds: system, application, database, business, executive and operations', () => {
    expect(dashboards.map((d) => d.dashboard.uid).sort()).toEqual(
      [
        'appmon-application',
        'appmon-business',
        'appmon-database',
        'appmon-executive',
        'appmon-operations',
        'appmon-system',
      ].sort()
    );
  });

  describe.each(dashboards)('$file', ({ dashboard }) => {
    const panels = dataPanels(dashboard);

    it('is tagged appmon and links to the other AppMon dashboards', () => {
      expect(dashboard.tags).toContain('appmon');
      expect(dashboard.links).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'dashboards', tags: ['appmon'] })])
      );
    });

    it('lets the user pick the AppMon data source', () => {
      const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
      expect(variable).toMatchObject({ type: 'datasource', query: DATASOURCE_TYPE });
    });

    it('gives every panel a unique id, a title and a one-line description', () => {
      expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
      for (const panel of panels) {
        expect(panel.title.trim()).not.toBe('');
        expect(panel.description?.trim()).toBeTruthy();
        expect(panel.description).not.toContain('\n');
      }
    });

    it('reads every panel from the AppMon data source with a known query type', () => {
      for (const panel of panels) {
        expect(panel.datasource).toEqual({ type: DATASOURCE_TYPE, uid: '${datasource}' });
        expect(panel.targets?.length).toBeGreaterThan(0);
        for (const target of panel.targets ?? []) {
          expect(target.datasource).toEqual({ type: DATASOURCE_TYPE, uid: '${datasource}' });
          expect(QUERY_TYPES).toContain(target.queryType);
        }
      }
    });

    it('only names metrics that the contract defines', () => {
      const known = contractMetricNames();
      for (const panel of panels) {
        for (const target of panel.targets ?? []) {
          // Other query types filter the backend's own series (health.score, summary.*).
          if (target.queryType === 'metrics' && target.metricName) {
            expect(known).toContain(target.metricName);
          }
        }
      }
    });

    it('sets a unit on every built-in numeric panel', () => {
      for (const panel of panels.filter((p) => ['stat', 'gauge', 'timeseries', 'bargauge'].includes(p.type))) {
        expect(panel.fieldConfig?.defaults?.unit).toBeTruthy();
      }
    });

    it('lays panels out on the 24-column grid without overlaps', () => {
      const cells = new Set<string>();
      for (const panel of dashboard.panels) {
        const { x, y, w, h } = panel.gridPos;
        expect(x + w).toBeLessThanOrEqual(24);
        for (let i = x; i < x + w; i++) {
          for (let j = y; j < y + h; j++) {
            const cell = `${i},${j}`;
            expect(cells.has(cell)).toBe(false);
            cells.add(cell);
          }
        }
      }
    });
  });

  it('uses the three AppMon panels somewhere', () => {
    const types = new Set(dashboards.flatMap(({ dashboard }) => dataPanels(dashboard).map((p) => p.type)));
    for (const type of APPMON_PANELS) {
      expect(types).toContain(type);
    }
  });
});

/** The fleet and Prometheus versions pkg/dashgen writes from the definitions above. */
describe.each([
  ['fleet', DATASOURCE_TYPE],
  ['prometheus', 'prometheus'],
])('generated %s versions', (folder, datasourceType) => {
  const dir = path.join(REPO_ROOT, 'dashboards', folder);
  const versions = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, dashboard: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Dashboard }));

  it('has one version of the system, application, database and business dashboards', () => {
    expect(versions.map((v) => v.dashboard.uid).sort()).toEqual(
      ['application', 'business', 'database', 'system'].map((name) => `appmon-${name}-${folder}`)
    );
  });

  describe.each(versions)('$file', ({ dashboard }) => {
    const panels = dataPanels(dashboard);

    it('reads every panel from its data source variable', () => {
      const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
      expect(variable).toMatchObject({ type: 'datasource', query: datasourceType });
      for (const panel of panels) {
        expect(panel.datasource).toEqual({ type: datasourceType, uid: '${datasource}' });
      }
    });

    it('gives every panel a unique id, a title, a one-line description and a unit', () => {
      expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
      for (const panel of panels) {
        expect(panel.title.trim()).not.toBe('');
        expect(panel.description?.trim()).toBeTruthy();
        expect(panel.description).not.toContain('\n');
        expect(panel.fieldConfig?.defaults?.unit).toBeTruthy();
      }
    });

    it('lays panels out on the 24-column grid without overlaps', () => {
      const cells = new Set<string>();
      for (const { gridPos } of dashboard.panels) {
        expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
        for (let i = gridPos.x; i < gridPos.x + gridPos.w; i++) {
          for (let j = gridPos.y; j < gridPos.y + gridPos.h; j++) {
            expect(cells.has(`${i},${j}`)).toBe(false);
            cells.add(`${i},${j}`);
          }
        }
      }
    });
  });
});
