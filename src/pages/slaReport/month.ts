/** Calendar months as the report's URL names them: "2026-11". */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month of the URL's ?month=, or the current one when it is missing or not a month. */
export function monthFromParam(param: string | null, now: Date): { month: string; invalid?: string } {
  if (!param) {
    return { month: monthOf(now) };
  }
  if (!MONTH_PATTERN.test(param)) {
    return { month: monthOf(now), invalid: param };
  }
  return { month: param };
}

/** Moves a month by delta months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return monthOf(d);
}

/** "November 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The months a user can pick: the current one and the `count - 1` before it, newest first. */
export function monthChoices(now: Date, count = 25): Array<{ label: string; value: string }> {
  const current = monthOf(now);
  return Array.from({ length: count }, (_, i) => {
    const value = addMonths(current, -i);
    return { label: monthName(value), value };
  });
}
