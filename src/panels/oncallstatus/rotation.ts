import { LayerStatus, OnCallShift } from './types';

/** Shift boundaries from different frames may differ by rounding; this much counts as the same instant. */
const SLACK_MS = 1000;

/**
 * Who is on call per layer at `now`, and the shifts after theirs. The oncall_now rows
 * win while their shift lasts; once a handoff passes, the oncall_shifts row covering
 * `now` takes over, so a wall screen rolls to the next person without a data refresh.
 * A layer whose handoff passed with no shift data keeps its last person (shown as due).
 */
export function layerStatus(
  onCall: OnCallShift[],
  shifts: OnCallShift[],
  now: number,
  nextCount: number
): LayerStatus[] {
  const layers: string[] = [];
  for (const s of [...onCall, ...shifts]) {
    if (!layers.includes(s.layer)) {
      layers.push(s.layer);
    }
  }
  return layers.map((layer) => {
    const planned = shifts.filter((s) => s.layer === layer).sort((a, b) => (a.shiftStart ?? 0) - (b.shiftStart ?? 0));
    const live = onCall.find((s) => s.layer === layer && (s.shiftEnd === undefined || s.shiftEnd > now));
    const covering = planned.find((s) => (s.shiftStart ?? -Infinity) <= now && (s.shiftEnd ?? Infinity) > now);
    const current = live ?? covering ?? onCall.find((s) => s.layer === layer);
    const after = Math.max(now, current?.shiftEnd ?? now) - SLACK_MS;
    const next = planned
      .filter((s) => s !== current && (s.shiftStart ?? -Infinity) >= after)
      .slice(0, Math.max(0, nextCount));
    return { layer, current, next };
  });
}
