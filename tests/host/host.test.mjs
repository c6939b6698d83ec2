// The host check: the built dist/ loaded by SystemJS in Debian's Chromium the way
// Grafana loads plugins, shared modules from the real npm packages, backend calls
// answered by the real gpx_ executable (through pkg/cmd/hostserver) against the real
// reference API. Runs once with the packages this repository builds against and once
// with Grafana 12.3.0's, the minimum plugin.json declares.
//
//   HOST_DIST=<dir>          the bundle to check (default dist/)
//   HOST_VARIANTS=current,12.3  which @grafana package sets to host with
//   HOST_CASES=<regex>       only the cases whose id matches
//   HOST_MINIMUM_CASES=<regex>  the cases the minimum version (12.3) runs (default: every panel,
//                            editor and app page; dashboards and flows run on the current version)
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../gallery/browser.mjs';
import { buildHost } from './build.mjs';
import { runActionFlow } from './alertActionFlows.mjs';
import { collectCases } from './cases.mjs';
import { runFlow } from './editorFlows.mjs';
import { FLEET_SIZE, runFleetFlow } from './fleetFlow.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const dist = path.resolve(process.env.HOST_DIST ?? path.join(repo, 'dist'));
const variants = (process.env.HOST_VARIANTS ?? 'current,12.3').split(',').filter(Boolean);
const outRoot = path.join(here, 'artifacts');
const CASE_TIMEOUT_MS = 60_000;
// This run's case list, beside the shared host build.
const casesFile = `cases-${process.pid}.json`;
const FONTS = /^\/public\/fonts\//;
const GRAFANA_VERSION = { current: '12.4.2', 12.3: '12.3.0' };

/** go build, per run (the Go build cache makes it quick), so concurrent runs do not clash. */
function buildServer() {
  const exe = path.join(tmpdir(), `appmon-hostserver-${process.pid}`);
  execFileSync('go', ['build', '-o', exe, './pkg/cmd/hostserver'], { cwd: repo, stdio: 'inherit' });
  return exe;
}

/**
 * Starts the host server and resolves with its first line: {url, plugins, pid}. The fleet
 * cases get their own server (extra: -fleet), so the other cases see one data source.
 */
function startServer(exe, staticDir, grafanaVersion, extra = []) {
  const child = spawn(
    exe,
    [
      '-dist',
      dist,
      '-static',
      staticDir,
      '-grafana-version',
      grafanaVersion,
      '-datasources',
      'provisioning/datasources/appmon.yaml',
      ...extra,
    ],
    { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] }
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ ...JSON.parse(line), child }));
    child.once('exit', (code) => reject(new Error(`the host server exited with ${code} before it listened`)));
  });
}

function stopServer(server) {
  return new Promise((resolve) => {
    if (!server || server.child.exitCode !== null) {
      resolve();
      return;
    }
    server.child.once('exit', () => resolve());
    server.child.stdin.end(); // the server ends when its stdin closes
  });
}

const only = process.env.HOST_CASES ? new RegExp(process.env.HOST_CASES) : undefined;
const { cases: allCases, problems } = await collectCases({
  dist,
  datasourcesFile: path.join(repo, 'provisioning/datasources/appmon.yaml'),
});

const cases = allCases.filter((c) => !only || only.test(c.id));

// The minimum Grafana version runs a smaller set: every panel, editor and app page loads and
// renders there; dashboards and click-through flows run on the current version only.
const minimumCases = new RegExp(
  process.env.HOST_MINIMUM_CASES ??
    '^(panel-|timeline-grafana-merged$|datasource-config-editor$|query-editor-(metrics|slo)$|fleet-(config|query)-editor$|app-|config-(objectives|rota)$)'
);

test('every AppMon panel in the dashboards is a panel of this bundle', (t) => {
  for (const p of problems) {
    t.diagnostic(`FAIL ${p}`);
  }
  assert.deepEqual(problems, []);
});

let browser;
before(async () => {
  assert.ok(existsSync(path.join(dist, 'module.js')), `${dist}/module.js is missing: npm run build:frontend`);
  browser = await launchChromium();
});
after(async () => browser?.close());

for (const variant of variants) {
  describe(`host with @grafana ${GRAFANA_VERSION[variant]} packages`, () => {
    const servers = {}; // main: every case without a server of its own; fleet: the fleet cases
    let context;
    let staticDir;
    const outDir = path.join(outRoot, variant);
    const variantCases = variant === 'current' ? cases : cases.filter((c) => minimumCases.test(c.id));
    before(async () => {
      ({ outDir: staticDir } = await buildHost(variant));
      await writeFile(path.join(staticDir, casesFile), JSON.stringify({ cases }, null, 2));
      await mkdir(outDir, { recursive: true });
      const exe = buildServer();
      if (variantCases.some((c) => !c.server)) {
        servers.main = await startServer(exe, staticDir, GRAFANA_VERSION[variant]);
      }
      if (variantCases.some((c) => c.server === 'fleet')) {
        servers.fleet = await startServer(exe, staticDir, GRAFANA_VERSION[variant], ['-fleet', String(FLEET_SIZE)]);
      }
      // One context per run, so the shared modules are parsed and cached once.
      context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    });
    after(async () => {
      await context?.close();
      await Promise.all(Object.values(servers).map(stopServer));
      await rm(path.join(tmpdir(), `appmon-hostserver-${process.pid}`), { force: true });
      if (staticDir) {
        await rm(path.join(staticDir, casesFile), { force: true });
      }
    });

    for (const c of variantCases) {
      test(c.id, { timeout: CASE_TIMEOUT_MS * (c.flow || c.actionFlow || c.fleetFlow ? 4 : 1) + 10_000 }, async (t) => {
        const server = servers[c.server ?? 'main'];
        const page = await context.newPage();
        const seen = [];
        page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => {
          if (!FONTS.test(new URL(r.url()).pathname)) {
            seen.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
          }
        });
        page.on('response', (r) => {
          const where = new URL(r.url()).pathname;
          // Grafana serves the Inter web font itself; without it the page falls back to a system font.
          if (r.status() >= 400 && !FONTS.test(where)) {
            seen.push(`HTTP ${r.status()} for ${where}`);
          }
        });
        // Chromium reports every failed load as a console error too; the response above says which.
        page.on(
          'console',
          (m) =>
            m.type() === 'error' && !m.text().startsWith('Failed to load resource') && seen.push(`console: ${m.text()}`)
        );
        try {
          if (c.media) {
            await page.emulateMedia({ media: c.media }); // e.g. the SLA report as the browser prints it
          }
          await page.goto(`${server.url}index.html?cases=${casesFile}&case=${encodeURIComponent(c.id)}`);
          await page.waitForFunction(() => window.__hostResult?.done === true, null, { timeout: CASE_TIMEOUT_MS });
          const result = await page.evaluate(() => window.__hostResult);
          await page.screenshot({ path: path.join(outDir, `${c.id}.png`), fullPage: true });
          for (const n of result.notes) {
            t.diagnostic(n);
          }
          const flowErrors = c.flow ? await runFlow(c, { page, server, staticDir, outDir }) : [];
          const shot = (name) => page.screenshot({ path: path.join(outDir, `${c.id}-${name}.png`), fullPage: true });
          flowErrors.push(...(c.actionFlow ? await runActionFlow(c, { page, server, shot }) : []));
          flowErrors.push(...(c.fleetFlow ? await runFleetFlow(c, { page, server, shot }) : []));
          const errors = [...new Set([...result.errors, ...seen, ...flowErrors])];
          for (const e of errors) {
            t.diagnostic(`FAIL ${e}`);
          }
          assert.deepEqual(errors, [], `${c.id}:\n  ${errors.join('\n  ')}`);
        } finally {
          await page.close();
        }
      });
    }
  });
}
