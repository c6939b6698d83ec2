// `npm start` where neither Grafana nor a Docker engine is found: it must start the reference
// API and the preview, print both addresses and how to get Grafana, render the panels with
// live data, and stop everything on Ctrl-C. Needs a built dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../gallery/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 240_000;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function listening(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(true));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}

/** Waits until the output matches, or fails with what was printed. */
function waitForOutput(child, pattern, timeoutMs) {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ match: m, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

test(
  'npm start without Grafana or Docker runs the API and the preview, and stops cleanly',
  { timeout: 420_000 },
  async () => {
    const [apiPort, previewPort] = [await freePort(), await freePort()];
    // No Grafana on PATH and no Docker engine.
    const env = {
      ...process.env,
      PATH: [path.dirname(process.execPath), ...(process.env.PATH ?? '').split(':')]
        .filter((dir) => dir && !existsSync(path.join(dir, 'grafana')))
        .join(':'),
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
      APPMON_SKIP_BUILD: '1',
      APPMON_API_PORT: String(apiPort),
      APPMON_PREVIEW_PORT: String(previewPort),
    };
    delete env.GRAFANA_BIN;
    const child = spawn('bash', ['scripts/start.sh'], { cwd: repo, env, detached: true });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const stopGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    try {
      const { match, output } = await waitForOutput(child, /AppMon preview: (http:\/\/\S+)/, START_TIMEOUT_MS);
      const text = output();
      assert.match(text, new RegExp(`Reference monitoring API: http://127\\.0\\.0\\.1:${apiPort}`));
      assert.match(text, /To run AppMon in Grafana/);

      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(match[1]);
        const frame = page.frame({ name: 'view' });
        assert.ok(frame, 'the preview shows the selected view');
        await frame.waitForFunction(() => window.__hostResult?.done === true, null, { timeout: 90_000 });
        const result = await frame.evaluate(() => window.__hostResult);
        assert.deepEqual(result.errors, [], 'the first dashboard panel renders without errors');
        // Live data: the SLA panel shows an objective's percentage from the backend.
        assert.match(await frame.locator('body').innerText(), /\d+\.\d+\s?%/);
      } finally {
        await browser.close();
      }
    } finally {
      stopGroup('SIGINT');
      const exited = await new Promise((resolve) => {
        if (child.exitCode !== null) {
          return resolve(true);
        }
        const timer = setTimeout(() => resolve(false), 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!exited) {
        stopGroup('SIGKILL');
      }
      assert.ok(exited, 'npm start stops on Ctrl-C');
    }
    // Nothing is left behind: both ports are free again.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await listening(apiPort), false, 'the reference API stopped');
    assert.equal(await listening(previewPort), false, 'the preview stopped');
  }
);
