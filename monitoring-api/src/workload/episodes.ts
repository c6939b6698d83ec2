// Scheduled states of the simulated application: the incidents the history
// backfill replays (so a fresh server already has alerts and incidents to
// show) and the weekly maintenance window.
import type { Random } from './prng.js';
import { BACKFILL_DURATION_MINUTES, type BackfillScenario } from './scenarios.js';

export interface Episode {
  scenario: BackfillScenario;
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Space between episodes so each rule resolves before the next one starts. */
const MIN_GAP_MS = 90 * MINUTE_MS;
/** The newest history stays calm so a fresh server starts in the normal state. */
const QUIET_TAIL_MS = 2 * 3_600_000;
const EPISODES_PER_DAY = 0.4;

/** Roughly one incident every two and a half days, all five kinds in turn. */
export function planEpisodes(rng: Random, from: number, to: number): Episode[] {
  const end = to - QUIET_TAIL_MS;
  if (end - from < DAY_MS / 4) return [];
  const count = Math.max(1, Math.round(((end - from) / DAY_MS) * EPISODES_PER_DAY));
  const kinds = Object.keys(BACKFILL_DURATION_MINUTES) as Episode['scenario'][];
  let order = rng.shuffle(kinds);
  const episodes: Episode[] = [];
  for (let i = 0; i < count; i++) {
    if (order.length === 0) order = rng.shuffle(kinds);
    const scenario = order.pop()!;
    const [minMinutes, maxMinutes] = BACKFILL_DURATION_MINUTES[scenario];
    const duration = rng.int(minMinutes, maxMinutes) * MINUTE_MS;
    // Bounded retries: a crowded range simply gets fewer episodes.
    for (let attempt = 0; attempt < 20; attempt++) {
      const start = Math.floor(rng.uniform(from, end - duration) / MINUTE_MS) * MINUTE_MS;
      const clashes = episodes.some((e) => start < e.end + MIN_GAP_MS && start + duration + MIN_GAP_MS > e.start);
      if (!clashes) {
        episodes.push({ scenario, start, end: start + duration });
        break;
      }
    }
  }
  return episodes.sort((a, b) => a.start - b.start);
}

/** Sunday 06:00-06:30 UTC every week. */
export function inMaintenanceWindow(t: number): boolean {
  // 1970-01-04 was a Sunday.
  const sinceSunday = (((t - 3 * DAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS;
  return sinceSunday >= 6 * 3_600_000 && sinceSunday < 6 * 3_600_000 + 30 * MINUTE_MS;
}
