import React from 'react';
import { Stack, Text } from '@grafana/ui';

import { ShiftTable } from '../../components/ShiftTable';
import { ScheduleView } from './types';

/** The next four weeks of shifts as the data source computes them from the form. */
export function SchedulePreview({ view }: { view: ScheduleView }) {
  const now = Date.parse(view.from);
  return (
    <section aria-label="Preview of the next four weeks">
      <Stack direction="column" gap={2}>
        <Text element="h3">Next four weeks</Text>
        {view.warnings.map((w) => (
          <Text key={w} color="warning">
            {w}
          </Text>
        ))}
        {view.layers.map((layer) => (
          <div key={layer.name}>
            <Text element="h4">
              {layer.name} <Text color="secondary">({layer.time_zone})</Text>
            </Text>
            <ShiftTable shifts={layer.shifts} label={`Shifts of ${layer.name}`} now={now} />
          </div>
        ))}
      </Stack>
    </section>
  );
}
