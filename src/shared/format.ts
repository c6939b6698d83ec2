/** Formats a duration in seconds as "2d 4h", "3h 05m", "12m" or "45s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) {
    return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  }
  if (hours > 0) {
    return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  }
  if (minutes > 0) {
    return `${minutes}m`;
  }
  return `${s}s`;
}

/** Formats a percentage with enough decimals to tell 99.9 from 99.95. */
export function formatPercent(value: number | undefined, decimals?: number): string {
  if (value === undefined) {
    return '—';
  }
  const d = decimals ?? (Math.abs(value) >= 99 ? 3 : 2);
  return `${value.toFixed(d)}%`;
}

/** Formats a number of minutes as a duration, keeping the sign for overspent budgets. */
export function formatMinutes(minutes: number): string {
  const text = formatDuration(Math.abs(minutes) * 60);
  return minutes < 0 ? `−${text}` : text;
}
