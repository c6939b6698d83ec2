// Backend rows of `npm run bench`: the Go runner (pkg/cmd/bench) against the reference server,
// and the SLO history benchmark of pkg/history. Each returns rows for the one table.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GO = process.env.GO ?? 'go';

export function run(args, timeoutMs) {
  // node itself must be on PATH: the Go runner starts the reference server with it.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  return new Promise((resolve, reject) => {
    execFile(GO, args, { cwd: root, env, timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(
            `${GO} ${args.join(' ')} failed: ${String(stderr).trim().split('\n').slice(-3).join(' ') || error.message}`
          )
        );
      } else {
        resolve(String(stdout));
      }
    });
  });
}

/** Query latency and allocations, fan-in, heap under large bodies (JSON lines from pkg/cmd/bench). */
export async function backendRows() {
  const out = await run(['run', './pkg/cmd/bench'], 240_000);
  return out
    .split('\n')
    .filter((line) => line.startsWith('{"group"'))
    .map((line) => JSON.parse(line));
}

const HISTORY_BENCH = 'BenchmarkSLOHistoryIncremental';

/** Upstream requests and bytes per SLO evaluation: first, steady state and whole windows. */
export async function historyRows() {
  const file = join(root, 'pkg', 'history', 'bench_test.go');
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(`func ${HISTORY_BENCH}(`)) {
    return [{ group: 'slo history', name: 'requests and bytes per SLO evaluation', value: 'not measured' }];
  }
  const out = await run(
    ['test', '-run', '^$', '-bench', `^${HISTORY_BENCH}$`, '-benchtime', '1x', './pkg/history'],
    180_000
  );
  const line = out.split('\n').find((l) => l.startsWith(HISTORY_BENCH));
  if (!line) {
    return [{ group: 'slo history', name: 'requests and bytes per SLO evaluation', value: 'not measured' }];
  }
  const m = {};
  for (const [, value, unit] of line.matchAll(/([\d.]+) ([\w-]+\/op)/g)) {
    m[unit] = Number(value);
  }
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const per = (kind) => `${m[`${kind}-req/op`]} requests  ${kib(m[`${kind}-B/op`])}`;
  const ratio = m['full-B/op'] / Math.max(m['steady-B/op'], 1);
  return [
    {
      group: 'slo history',
      name: 'first evaluation of a new instance (30-day windows)',
      value: per('first'),
      baseline: `full fetch: ${per('full')}`,
      ratio: `${(m['full-B/op'] / Math.max(m['first-B/op'], 1)).toFixed(1)}× fewer bytes`,
    },
    {
      group: 'slo history',
      name: 'steady state (evaluations a minute apart)',
      value: per('steady'),
      baseline: `full fetch: ${per('full')}`,
      ratio: `${ratio.toFixed(0)}× fewer bytes`,
      goal: '≥ 50× fewer bytes',
      ok: ratio >= 50,
    },
  ];
}
