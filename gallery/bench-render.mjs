// Panel render rows of `npm run bench`: the alert timeline in Chromium, first render and hover
// for 1k, 10k and 50k alerts, one row per alert and grouped by rule (median of RUNS runs).
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

export async function renderRows() {
  const { ms: buildMs } = await buildGallery();
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}?bench=timeline&theme=dark`);
    await page.waitForSelector('#root[data-ready="true"]', { state: 'attached' });
    const note = `Chromium ${browser.version()}, gallery built in ${buildMs} ms, median of ${RUNS} runs`;
    for (const count of COUNTS) {
      for (const groupBy of GROUPINGS) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(await page.evaluate(([n, g]) => window.benchTimeline(n, g), [count, groupBy]));
        }
        rows.push({
          group: 'panel render',
          name: `alert timeline, ${count.toLocaleString('en')} alerts ${groupBy === 'alert' ? 'per alert' : 'by rule'}`,
          value: `first render ${median(runs.map((r) => r.firstRenderMs)).toFixed(1)} ms  hover median ${median(
            runs.map((r) => r.hoverMedianMs)
          ).toFixed(2)} ms  p95 ${median(runs.map((r) => r.hoverP95Ms)).toFixed(2)} ms`,
          ratio: `${median(runs.map((r) => r.hoverHits))} of 300 moves on an alert`,
        });
      }
    }
    return { rows, note };
  } finally {
    await browser.close();
    await server.close();
  }
}
