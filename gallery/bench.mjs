// Alert timeline benchmark in Chromium: first render and hover for 1k, 10k and 50k alerts,
// one row per alert and grouped by rule. Prints a table; exits non-zero if a run fails.
import { launchChromium } from './browser.mjs';
import { buildGallery, outDir } from './build.mjs';
import { serveStatic } from './server.mjs';

const COUNTS = [1_000, 10_000, 50_000];
const GROUPINGS = ['alert', 'rule'];
const RUNS = 3;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const { ms: buildMs } = await buildGallery();
const server = await serveStatic(outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${server.url}?bench=timeline&theme=dark`);
  await page.waitForSelector('#root[data-ready="true"]', { state: 'attached' });
  const chromium = browser.version();
  console.log(
    `Alert timeline benchmark — Chromium ${chromium}, gallery built in ${buildMs} ms, median of ${RUNS} runs`
  );
  console.log('first render = read frames + filter + layout + hit-test index + canvas draw, until the next frame');
  console.log('hover = a mousemove over the plot until React has committed the tooltip (300 moves per run)\n');
  console.log('alerts  rows      first render ms   hover median ms   hover p95 ms   moves on an alert');
  for (const count of COUNTS) {
    for (const groupBy of GROUPINGS) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await page.evaluate(([n, g]) => window.benchTimeline(n, g), [count, groupBy]));
      }
      const row = [
        String(count).padEnd(8),
        (groupBy === 'alert' ? 'per alert' : 'by rule').padEnd(10),
        median(runs.map((r) => r.firstRenderMs))
          .toFixed(1)
          .padStart(15),
        median(runs.map((r) => r.hoverMedianMs))
          .toFixed(2)
          .padStart(18),
        median(runs.map((r) => r.hoverP95Ms))
          .toFixed(2)
          .padStart(15),
        String(median(runs.map((r) => r.hoverHits))).padStart(20),
      ];
      console.log(row.join(''));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
