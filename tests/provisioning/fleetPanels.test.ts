import fs from 'fs';
import path from 'path';

import {
  createDataFrame,
  createTheme,
  DataFrame,
  FieldType,
  getDisplayProcessor,
  getFieldDisplayName,
  getFieldMatcher,
  FieldMatcherID,
  standardTransformers,
} from '@grafana/data';

import { REPO_ROOT } from './repoFiles';

/**
 * The generated fleet dashboards (pkg/dashgen) rely on Grafana's own field matching, value
 * mappings and transformations: checked here with @grafana/data on frames shaped as the
 * backend's fleet view sends them.
 */
const theme = createTheme();
interface FleetPanel {
  title: string;
  type: string;
  options?: { reduceOptions?: { fields?: string } };
  transformations?: Array<{ id: string; options: object }>;
  fieldConfig?: { defaults?: { mappings?: [] } };
}

const fleet = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dashboards', 'fleet', 'application.json'), 'utf8')) as {
  panels: FleetPanel[];
};

function panel(title: string, type?: string) {
  const p = fleet.panels.find((it) => it.title === title && (!type || it.type === type));
  if (!p) {
    throw new Error(`no panel ${title}`);
  }
  return p;
}

/** The display names a stat or bar gauge's reduceOptions.fields keeps. */
function shownFields(p: FleetPanel, frames: DataFrame[]): string[] {
  const matcher = getFieldMatcher({ id: FieldMatcherID.byRegexp, options: p.options?.reduceOptions?.fields });
  return frames.flatMap((frame) =>
    frame.fields.filter((f) => matcher(f, frame, frames)).map((f) => getFieldDisplayName(f, frame, frames))
  );
}

/** The health query's fleet view: its two summary frames, then the combined series. */
const healthFrames = [
  createDataFrame({
    name: 'fleet_health',
    fields: [
      {
        name: 'healthy_instances',
        type: FieldType.number,
        values: [4],
        config: { displayNameFromDS: 'Healthy instances' },
      },
      { name: 'total_instances', type: FieldType.number, values: [5], config: { displayNameFromDS: 'Instances' } },
      {
        name: 'summary',
        type: FieldType.string,
        values: ['4 of 5 healthy'],
        config: { displayNameFromDS: 'Fleet health' },
      },
    ],
  }),
  createDataFrame({
    name: 'fleet_components',
    fields: [
      { name: 'service', type: FieldType.string, values: ['redis'], config: { displayNameFromDS: 'Service' } },
      {
        name: 'summary',
        type: FieldType.string,
        values: ['redis healthy in 4 of 5'],
        config: { displayNameFromDS: 'Healthy in' },
      },
    ],
  }),
  createDataFrame({
    name: 'health.response_time',
    fields: [
      { name: 'time', type: FieldType.time, values: [1] },
      {
        name: 'health.response_time',
        type: FieldType.number,
        values: [12],
        labels: { service: 'redis', fleet: 'max of instances' },
        config: { displayNameFromDS: 'redis response time (max of instances)' },
      },
    ],
  }),
];

describe('fleet dashboards in Grafana', () => {
  it('shows only the summary text in Fleet health', () => {
    expect(shownFields(panel('Fleet health'), healthFrames)).toEqual(['Fleet health']);
  });

  it('colours Fleet health green when every instance is healthy, red when none is, orange between', () => {
    const display = getDisplayProcessor({
      field: {
        type: FieldType.string,
        config: { mappings: panel('Fleet health').fieldConfig?.defaults?.mappings },
      },
      theme,
    });
    const color = (name: string) => theme.visualization.getColorByName(name);
    expect(display('5 of 5 healthy').color).toBe(color('green'));
    expect(display('1 of 1 healthy').color).toBe(color('green'));
    expect(display('4 of 5 healthy').color).toBe(color('orange'));
    expect(display('14 of 4 healthy').color).toBe(color('orange'));
    expect(display('0 of 5 healthy').color).toBe(color('red'));
  });

  it('shows the dependencies, not the summary frames, in Dependency response time', () => {
    expect(shownFields(panel('Dependency response time'), healthFrames)).toEqual([
      'redis response time (max of instances)',
    ]);
  });

  it.each([
    ['a fleet', { instance: '10.0.0.1:4000', category: 'api', metric: 'api.error_rate' }, '10.0.0.1:4000'],
    ['one instance', { category: 'api', metric: 'api.error_rate' }, 'api.error_rate'],
  ])('names each line of a graph by its instance over %s', async (_, labels, want) => {
    const transform = panel('Error rate', 'timeseries').transformations?.[0];
    expect(transform?.id).toBe('labelsToFields');
    const frame = createDataFrame({
      name: 'api.error_rate',
      fields: [
        { name: 'time', type: FieldType.time, values: [1] },
        {
          name: 'api.error_rate',
          type: FieldType.number,
          values: [0.5],
          labels,
          config: { displayNameFromDS: 'api.error_rate' },
        },
      ],
    });
    const out = standardTransformers.labelsToFieldsTransformer.transformer(transform!.options as never, {
      interpolate: (s: string) => s,
    })([frame]);
    const names = out.flatMap((f) =>
      f.fields.filter((fd) => fd.type === FieldType.number).map((fd) => getFieldDisplayName(fd, f, out))
    );
    expect(names).toEqual([want]);
    expect(out[0].fields.filter((fd) => fd.type === FieldType.string)).toEqual([]);
  });
});
