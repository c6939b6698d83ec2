// `npm run bench`: one table, every row measured side by side in the same run. Backend rows come
// from the Go runner (pkg/cmd/bench) and the SLO history benchmark; panel render rows from the
// alert timeline in Chromium. A part that cannot run is shown as not measured and the exit code is
// 1; a missed goal is marked ✗.
import { backendRows, historyRows } from './bench-backend.mjs';
import { fleetRows } from './bench-fleet.mjs';
import { renderRows } from './bench-render.mjs';

const started = Date.now();
const rows = [];
const notes = [];
let failed = false;

async function part(name, fn) {
  try {
    const result = await fn();
    rows.push(...(Array.isArray(result) ? result : result.rows));
    if (result.note) {
      notes.push(result.note);
    }
  } catch (error) {
    failed = true;
    rows.push({ group: name, name: 'not measured', value: error.message.split('\n')[0] });
  }
}

await part('slo history', historyRows);
await part('backend', backendRows);
await part('fleet', fleetRows);
await part('panel render', renderRows);

const columns = [
  ['what', (r) => `${r.group}: ${r.name}`],
  ['measured', (r) => r.value ?? ''],
  ['against (same run)', (r) => r.baseline ?? ''],
  ['ratio', (r) => r.ratio ?? ''],
  ['goal', (r) => (r.goal ? `${r.goal} ${r.ok ? '✓' : '✗'}` : '')],
];
const widths = columns.map(([title, cell]) => Math.max(title.length, ...rows.map((r) => cell(r).length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(columns.map(([title]) => title)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) {
  console.log(line(columns.map(([, cell]) => cell(r))));
}
console.log(`\n${[...notes, `whole run ${Math.round((Date.now() - started) / 1000)} s`].join('; ')}`);
if (failed) {
  process.exitCode = 1;
}
