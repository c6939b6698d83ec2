import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { Badge } from '@grafana/ui';

import { ScheduleView } from '../api/schedule';
import { isPlaceholder } from '../pages/config/placeholders';

type Shift = ScheduleView['layers'][number]['shifts'][number];

/** One layer's shifts, as the on-call page and the rota editor's preview show them. */
export function ShiftTable({ shifts, label, now }: { shifts: Shift[]; label?: string; now?: number }) {
  return (
    <table className="filter-table" aria-label={label}>
      <thead>
        <tr>
          <th>Who</th>
          <th>Contact</th>
          <th>From</th>
          <th>Until</th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((s) => (
          <tr key={`${s.name}-${s.start}`}>
            <td>
              {s.name || 'Nobody'}{' '}
              {now !== undefined && Date.parse(s.start) <= now && <Badge color="green" text="on call now" />}{' '}
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
  );
}
