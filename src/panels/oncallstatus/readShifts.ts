import { DataFrame } from '@grafana/data';

import { findField, rowCount, stringAt, timeAt } from '../../shared/frames';
import { OnCallShift } from './types';

/** Reads who is on call per layer from frames with layer, name, contact, shift_start and shift_end. */
export function readShifts(frames: DataFrame[]): OnCallShift[] {
  const shifts: OnCallShift[] = [];
  for (const frame of frames) {
    const name = findField(frame, ['name', 'person', 'user']);
    if (!name) {
      continue;
    }
    const layer = findField(frame, ['layer', 'role']);
    const contact = findField(frame, ['contact', 'email', 'phone']);
    const start = findField(frame, ['shift_start', 'start']);
    const end = findField(frame, ['shift_end', 'end', 'handoff']);
    for (let i = 0; i < rowCount(frame); i++) {
      shifts.push({
        layer: stringAt(layer, i) ?? 'On call',
        name: stringAt(name, i) ?? 'Unknown',
        contact: stringAt(contact, i),
        shiftStart: timeAt(start, i),
        shiftEnd: timeAt(end, i),
      });
    }
  }
  return shifts;
}
