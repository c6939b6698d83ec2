import { FieldError, LayerForm, OverrideForm, ScheduleForm } from './types';

export const UNIT_OPTIONS = [
  { label: 'Weeks', value: 'weeks' },
  { label: 'Days', value: 'days' },
  { label: 'Hours', value: 'hours' },
];

export const WEEKDAY_OPTIONS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(
  (d) => ({ label: d.slice(0, 1).toUpperCase() + d.slice(1, 3), value: d, description: d })
);

export function newLayer(existing: LayerForm[]): LayerForm {
  const names = new Set(existing.map((l) => l.name));
  let name = 'primary';
  for (let n = 2; names.has(name); n++) {
    name = `layer-${n}`;
  }
  return {
    name,
    members: [{ name: '', contact: '' }],
    rotation_length: 1,
    rotation_unit: 'weeks',
    handoff_weekday: 'monday',
    handoff_time: '09:00',
    time_zone: 'UTC',
    start: new Date().toISOString().slice(0, 10),
  };
}

/** Wall-clock time for a date-time field ("2025-03-30T09:00"), from a Date in the browser's zone. */
function wall(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new override: the next full hour for a day, in the first layer. */
export function newOverride(schedule: ScheduleForm, now = new Date()): OverrideForm {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + 24 * 3600 * 1000);
  return { layer: schedule.layers[0]?.name ?? '', name: '', contact: '', start: wall(start), end: wall(end) };
}

/** Renaming a layer renames it where overrides and escalation steps refer to it. */
export function renameLayer(s: ScheduleForm, index: number, name: string): ScheduleForm {
  const old = s.layers[index].name;
  return {
    layers: s.layers.map((l, i) => (i === index ? { ...l, name } : l)),
    overrides: s.overrides.map((o) => (o.layer === old ? { ...o, layer: name } : o)),
    escalation: s.escalation.map((st) => (st.layer === old ? { ...st, layer: name } : st)),
  };
}

/** Weekly rotations hand off on a weekday; the others do not have one. */
export function withUnit(l: LayerForm, unit: string): LayerForm {
  const { handoff_weekday: _w, ...rest } = l;
  return unit === 'weeks'
    ? { ...rest, rotation_unit: unit, handoff_weekday: l.handoff_weekday ?? 'monday' }
    : { ...rest, rotation_unit: unit };
}

/** The fields the form shows; problems elsewhere (escalation steps) are listed above the buttons. */
export function scheduleFields(s: ScheduleForm): string[] {
  const out: string[] = [];
  s.layers.forEach((l, i) => {
    const p = `layers[${i}]`;
    out.push(
      ...['name', 'members', 'rotation_length', 'rotation_unit', 'handoff_time', 'time_zone', 'start'].map(
        (f) => `${p}.${f}`
      )
    );
    if (l.rotation_unit === 'weeks') {
      out.push(`${p}.handoff_weekday`);
    }
    l.members.forEach((_, j) => out.push(`${p}.members[${j}].name`, `${p}.members[${j}].contact`));
  });
  s.overrides.forEach((_, i) =>
    out.push(...['layer', 'name', 'contact', 'start', 'end'].map((f) => `overrides[${i}].${f}`))
  );
  return out;
}

/** Number fields left empty: the parser would take a missing number for its default. */
export function scheduleLocalErrors(s: ScheduleForm): FieldError[] {
  return s.layers.flatMap((l, i) =>
    Number.isInteger(l.rotation_length)
      ? []
      : [{ field: `layers[${i}].rotation_length`, message: 'Enter a whole number, e.g. 1' }]
  );
}
