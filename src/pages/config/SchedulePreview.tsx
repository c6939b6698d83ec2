import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { Badge, Stack, Text } from '@grafana/ui';

import { isPlaceholder } from './placeholders';
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
            <table className="filter-table" aria-label={`Shifts of ${layer.name}`}>
              <thead>
                <tr>
                  <th>Who</th>
                  <th>Contact</th>
                  <th>From</th>
                  <th>Until</th>
                </tr>
              </thead>
              <tbody>
                {layer.shifts.map((s) => (
                  <tr key={`${s.name}-${s.start}`}>
                    <td>
                      {s.name || 'Nobody'} {Date.parse(s.start) <= now && <Badge color="green" text="on call now" />}{' '}
                      {s.override && <Badge color="purple" text="override" />}{' '}
                      {isPlaceholder(s) && <Badge color="orange" text="placeholder" />}
                    </td>
                    <td>{s.contact}</td>
                    <td>{dateTimeFormat(s.start)}</td>
                    <td>{dateTimeFormat(s.end)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </Stack>
    </section>
  );
}
