// The AppMon preview, for trying AppMon where no Grafana runs: the built dist/ loaded the way
// Grafana loads plugins (the host page of tests/host/), every backend call answered by the
// built backend executable (pkg/cmd/hostserver) against the monitoring API at --api-url.
// It is a preview of the panels, editors and app pages, not Grafana.
//
//   node scripts/preview.mjs [--port 3000] [--api-url http://127.0.0.1:4000]
//   keys: APPMON_METRICS_API_KEY, APPMON_ADMIN_API_KEY (the development keys by default)
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { buildHost } from '../tests/host/build.mjs';
import { collectCases } from '../tests/host/cases.mjs';
import { renderPreviewIndex } from './preview-index.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    'api-url': { type: 'string', default: 'http://127.0.0.1:4000' },
  },
});
const API_WAIT_MS = 180_000;

async function waitForApi(url) {
  const deadline = Date.now() + API_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(new URL('/api/health/check', url), { signal: AbortSignal.timeout(2000) });
      if (res.status === 200 || res.status === 503) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the monitoring API at ${url} did not answer within ${API_WAIT_MS / 1000} s`);
}

function startHostServer(exe, staticDir) {
  const child = spawn(
    exe,
    [
      '-dist',
      path.join(repo, 'dist'),
      '-static',
      staticDir,
      '-datasources',
      path.join(repo, 'provisioning', 'datasources', 'appmon.yaml'),
      '-listen',
      `127.0.0.1:${values.port}`,
      '-api-url',
      values['api-url'],
    ],
    {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        APPMON_METRICS_API_KEY: process.env.APPMON_METRICS_API_KEY ?? 'dev-metrics-key',
        APPMON_ADMIN_API_KEY: process.env.APPMON_ADMIN_API_KEY ?? 'dev-admin-key',
      },
    }
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ ...JSON.parse(line), child }));
    child.once('exit', (code) => reject(new Error(`the preview server exited with ${code} before it listened`)));
  });
}

async function main() {
  const exe = path.join(repo, '.cache', 'appmon-hostserver');
  execFileSync('go', ['build', '-o', exe, './pkg/cmd/hostserver'], { cwd: repo, stdio: 'inherit' });
  const [{ outDir }] = await Promise.all([buildHost('current'), waitForApi(values['api-url'])]);
  const { cases } = await collectCases({
    dist: path.join(repo, 'dist'),
    datasourcesFile: path.join(repo, 'provisioning', 'datasources', 'appmon.yaml'),
  });
  await writeFile(path.join(outDir, 'preview-cases.json'), JSON.stringify({ cases }, null, 2));
  await writeFile(path.join(outDir, 'preview.html'), renderPreviewIndex(cases, 'preview-cases.json'));

  const server = await startHostServer(exe, outDir);
  const stop = () => {
    server.child.stdin.end();
    server.child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.child.once('exit', (code) => process.exit(code ?? 0));

  const lines = [
    `AppMon preview: ${server.url}preview.html (the built plugins with live data; a preview, not Grafana)`,
    `Reference monitoring API: ${values['api-url']} (X-API-Key: dev-metrics-key, X-Admin-Key: dev-admin-key)`,
    'No Grafana or Docker engine was found. To run AppMon in Grafana 12.3 or newer, either install',
    'Grafana (grafana.com/grafana/download: standalone tarball or your distribution package) and run',
    'GRAFANA_BIN=/path/to/grafana/bin/grafana npm start, or start Docker and run npm start again.',
  ];
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(`preview: ${err.message}`);
  process.exit(1);
});
