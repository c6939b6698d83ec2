// Fleet rows of `npm run bench`: one dashboard refresh (the system, application, database and
// business dashboards) over 100 instances of the reference server against 10, in the instances
// view and the fleet view (pkg/cmd/bench/fleet.go). It starts its own 100-instance server.
import { run } from './bench-backend.mjs';

export async function fleetRows() {
  const out = await run(['run', './pkg/cmd/bench', '-only', 'fleet'], 600_000);
  const rows = out
    .split('\n')
    .filter((line) => line.startsWith('{"group"'))
    .map((line) => JSON.parse(line));
  if (rows.length === 0) {
    throw new Error('the fleet benchmark printed no rows');
  }
  return rows;
}
