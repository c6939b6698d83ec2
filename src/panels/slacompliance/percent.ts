import { formatPercent } from '../../shared/format';

/** A no-break space keeps "99.9 %" on one line. */
const PERCENT = '\u00a0%';

/** The measured SLI: enough decimals to tell 99.9 from 99.95 ("99.953 %"), or the panel's decimals. */
export function actualText(value: number | undefined, decimals?: number): string {
  return value === undefined ? '—' : formatPercent(value, decimals).replace(/%$/, PERCENT);
}

/** A target as people write it: "99.9 %", not "99.900%"; the panel's decimals win when set. */
export function targetText(value: number | undefined, decimals?: number): string {
  if (value === undefined) {
    return '—';
  }
  const text = decimals !== undefined ? value.toFixed(decimals) : String(Number(value.toFixed(3)));
  return text + PERCENT;
}
