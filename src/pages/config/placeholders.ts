import { Member, ScheduleForm, ScheduleView } from './types';

// Addresses at the domains reserved for examples reach nobody: the shipped rota uses them.
const EXAMPLE_DOMAIN = /@(?:[\w-]+\.)*example\.(?:com|org|net)$/i;

/** A member whose contact reaches nobody: one of the shipped placeholder engineers. */
export function isPlaceholder(member: Member): boolean {
  return EXAMPLE_DOMAIN.test(member.contact.trim());
}

/** The placeholder people of a schedule form, each named once. */
export function placeholderNames(schedule: ScheduleForm): string[] {
  const people = [
    ...schedule.layers.flatMap((l) => l.members),
    ...schedule.overrides,
    ...schedule.escalation.flatMap((s) => (s.person ? [s.person] : [])),
  ];
  return [...new Set(people.filter(isPlaceholder).map((m) => m.name))];
}

/** Whether the shifts of a schedule view include placeholder people. */
export function viewHasPlaceholders(view: ScheduleView): boolean {
  return view.layers.some((l) => l.shifts.some((s) => isPlaceholder(s)));
}
