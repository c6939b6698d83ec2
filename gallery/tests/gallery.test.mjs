// Renders every panel of the gallery in Debian's Chromium, in light and dark, saves
// screenshots under gallery/artifacts/, and checks what a viewer would see.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../browser.mjs';
import { buildGallery, outDir } from '../build.mjs';
import { serveStatic } from '../server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, '..', 'artifacts');
// Grafana serves the Inter font itself; the gallery falls back to the system sans-serif.
const IGNORED_REQUESTS = /\/public\/fonts\//;

let server;
let browser;

before(async () => {
  await buildGallery();
  server = await serveStatic(outDir);
  browser = await launchChromium();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the gallery in a theme and collects page errors and failed requests. */
async function openGallery(theme) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !IGNORED_REQUESTS.test(response.url())) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}?theme=${theme}`);
  await page.waitForSelector('#root[data-ready="true"]');
  return { page, problems, panel: (id) => page.locator(`[data-case="${id}"]`) };
}

/** Share of a canvas's pixels that differ clearly from its most common colour (the background), and how many colours it uses. */
async function canvasInk(locator) {
  return locator.locator('canvas[data-testid="timeline-canvas"]').evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4) + (data[i + 3] < 16 ? 4096 : 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    const background = Math.max(...counts.values());
    const colours = [...counts.values()].filter((n) => n > total * 0.002).length;
    return { inked: 1 - background / total, colours };
  });
}

/** Moves the mouse over the timeline until a tooltip shows; returns its text. */
async function hoverUntilTooltip(page, panel) {
  await panel.scrollIntoViewIfNeeded();
  const box = await panel.locator('[aria-roledescription="alert timeline"]').boundingBox();
  for (let row = 0; row < 12; row++) {
    for (let col = 0; col < 40; col++) {
      const x = box.x + box.width * (0.15 + (0.83 * col) / 40);
      const y = box.y + 10 + row * 20;
      await page.mouse.move(x, y);
      const tooltip = panel.getByRole('tooltip');
      if (await tooltip.isVisible()) {
        return tooltip.innerText();
      }
    }
  }
  return undefined;
}

for (const theme of ['dark', 'light']) {
  describe(`panel gallery, ${theme} theme`, () => {
    let gallery;
    before(async () => {
      gallery = await openGallery(theme);
    });
    after(async () => {
      await gallery.page.screenshot({ path: path.join(artifacts, `${theme}-gallery.png`), fullPage: true });
      await gallery.page.close();
    });

    test('uses the theme and renders every case without errors', async () => {
      const { page, problems } = gallery;
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const luminance = (r + g + b) / 3;
      assert.ok(
        theme === 'dark' ? luminance < 60 : luminance > 200,
        `body background ${background} does not look ${theme}`
      );
      const cases = await page.locator('[data-case]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
      assert.equal(cases.length, 15);
      for (const id of cases) {
        await gallery.panel(id).screenshot({ path: path.join(artifacts, `${theme}-${id}.png`) });
      }
      assert.deepEqual(problems, []);
    });

    test('SLA compliance shows status in words, budgets, burn rates and trends', async () => {
      const full = gallery.panel('sla-full');
      for (const text of [
        'Meeting target',
        'At risk',
        'Missing target',
        'Error budget overspent by 160.0%',
        'Budget runs out in 5h 20m',
      ]) {
        assert.ok(await full.getByText(text, { exact: false }).first().isVisible(), `"${text}" not visible`);
      }
      assert.equal(await full.getByRole('meter').count(), 3);
      assert.equal(await full.getByRole('table').count(), 3);
      assert.equal(await full.getByRole('img', { name: /^Trend from/ }).count(), 3);
      // Burn tables: one line per row, every row the same height ("6h" never above "6.4×").
      const rowHeights = await full
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      assert.equal(rowHeights.length, 12);
      assert.ok(
        Math.max(...rowHeights) - Math.min(...rowHeights) < 1,
        `burn-table rows differ in height: ${rowHeights}`
      );
      const compact = gallery.panel('sla-compact');
      assert.ok(await compact.getByText('99.953\u00a0%').isVisible());
      assert.ok(await compact.getByText('Fast burn').isVisible());
      assert.match(
        await compact.getByRole('article', { name: 'Availability' }).innerText(),
        /Meeting target · 99\.9\s%/
      );
      // The trend has its own strip: it starts below the status line and the budget bar.
      for (const tile of await compact.getByRole('article').all()) {
        const strip = await tile.getByTestId('tile-trend').boundingBox();
        const status = await tile.getByTestId('compliance-status').boundingBox();
        const meter = await tile.getByRole('meter').boundingBox();
        assert.ok(strip && status && meter);
        assert.ok(
          strip.y >= status.y + status.height && strip.y >= meter.y + meter.height,
          'trend runs under the text'
        );
      }
      const partial = gallery.panel('sla-partial');
      assert.ok(await partial.getByText('custom_slo has no "actual" field', { exact: false }).isVisible());
      assert.ok(await partial.getByText('Query B: slo_trend', { exact: false }).isVisible());
      assert.ok(await gallery.panel('sla-empty').getByText('No objectives found').isVisible());
      assert.match(await gallery.panel('sla-error').getByRole('alert').innerText(), /503 Service Unavailable/);
    });

    test('alert timeline draws bars on canvas, shaded maintenance and a legend', async () => {
      for (const id of ['timeline-alerts', 'timeline-service', 'timeline-10k', 'timeline-10k-rule']) {
        const ink = await canvasInk(gallery.panel(id));
        assert.ok(ink.inked > 0.03, `${id}: only ${(ink.inked * 100).toFixed(1)}% of the canvas is drawn`);
        assert.ok(ink.colours >= 4, `${id}: only ${ink.colours} colours on the canvas`);
      }
      const alerts = gallery.panel('timeline-alerts');
      assert.match(
        await alerts.getByRole('group', { name: /^Alert timeline/ }).getAttribute('aria-label'),
        /24 alerts, one row per alert, 2 maintenance windows/
      );
      assert.ok(await alerts.getByRole('button', { name: /critical/ }).isVisible());
      assert.match(
        await gallery.panel('timeline-10k').getByTestId('alert-table').locator('caption').innerText(),
        /The 200 most recent of 10000 alerts/
      );
      assert.ok(await gallery.panel('timeline-empty').getByText('No alerts in this time range').isVisible());
      assert.match(await gallery.panel('timeline-error').getByRole('alert').innerText(), /503 Service Unavailable/);
    });

    test('alert timeline shows a tooltip on hover', async () => {
      const panel = gallery.panel('timeline-alerts');
      const text = await hoverUntilTooltip(gallery.page, panel);
      assert.ok(text, 'no tooltip appeared while moving over the timeline');
      assert.match(text, /Started/);
      assert.match(text, /critical|high|medium|low|info/);
      await panel.screenshot({ path: path.join(artifacts, `${theme}-timeline-tooltip.png`) });
      await gallery.page.mouse.move(5, 5);
    });

    test('alert timeline hovers smoothly with 10,000 alerts', async () => {
      const panel = gallery.panel('timeline-10k-rule');
      const text = await hoverUntilTooltip(gallery.page, panel);
      assert.ok(text, 'no tooltip over 10,000 alerts');
      await panel.screenshot({ path: path.join(artifacts, `${theme}-timeline-10k-tooltip.png`) });
      await gallery.page.mouse.move(5, 5);
    });

    test('alert timeline zooms by dragging, like Grafana panels', async () => {
      const { page } = gallery;
      const panel = gallery.panel('timeline-alerts');
      const range = panel.getByTestId('range-timeline-alerts');
      const before = await range.innerText();
      await panel.scrollIntoViewIfNeeded();
      const box = await panel.locator('[aria-roledescription="alert timeline"]').boundingBox();
      await page.mouse.move(box.x + box.width * 0.4, box.y + 30);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, box.y + 40, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.6, box.y + 50, { steps: 5 });
      await page.mouse.up();
      const after = await range.innerText();
      assert.notEqual(after, before);
      const [from, to] = after.split(' → ').map((s) => Date.parse(s));
      const [oldFrom, oldTo] = before.split(' → ').map((s) => Date.parse(s));
      assert.ok(
        from > oldFrom && to < oldTo && to - from < (oldTo - oldFrom) * 0.3,
        `zoomed to ${after} from ${before}`
      );
      await panel.screenshot({ path: path.join(artifacts, `${theme}-timeline-zoomed.png`) });
      await panel.getByRole('button', { name: 'Reset zoom' }).click();
      assert.equal(await range.innerText(), before);
    });

    test('alert timeline works from the keyboard', async () => {
      const panel = gallery.panel('timeline-alerts');
      await panel.getByRole('group', { name: /^Alert timeline/ }).focus();
      await gallery.page.keyboard.press('ArrowDown');
      await gallery.page.keyboard.press('ArrowDown');
      await gallery.page.keyboard.press('Enter');
      const tooltip = panel.getByRole('tooltip');
      assert.ok(await tooltip.getByRole('button', { name: 'Close alert details' }).isVisible());
      await panel.screenshot({ path: path.join(artifacts, `${theme}-timeline-keyboard.png`) });
      await gallery.page.keyboard.press('Escape');
      assert.equal(await tooltip.count(), 0);
      // The last alert's details open inside the panel, not cut off at its bottom edge.
      await gallery.page.keyboard.press('End');
      await gallery.page.keyboard.press('Enter');
      const view = await panel.locator('[aria-roledescription="alert timeline"]').locator('..').boundingBox();
      const tip = await tooltip.boundingBox();
      assert.ok(tip.y >= view.y && tip.y + tip.height <= view.y + view.height + 0.5, 'the tooltip fits in the panel');
      await panel.screenshot({ path: path.join(artifacts, `${theme}-timeline-keyboard-last.png`) });
      await gallery.page.keyboard.press('Escape');
    });

    test('on-call status shows who is on call, a live countdown and the escalation ladder', async () => {
      const panel = gallery.panel('oncall-full');
      for (const text of [
        'Ana Diaz',
        'Ben Ko',
        'No one on call',
        'layer tertiary has no members',
        'Payment failures above 1%',
        'Start an incident',
      ]) {
        assert.ok(await panel.getByText(text, { exact: false }).first().isVisible(), `"${text}" not visible`);
      }
      const timer = panel.getByRole('timer', { name: /^handoff in/ }).first();
      const first = await timer.innerText();
      await gallery.page.waitForTimeout(1100);
      assert.notEqual(await timer.innerText(), first, 'the countdown did not tick');
      const wall = gallery.panel('oncall-wall');
      const nameSize = await wall.getByText('Ana Diaz').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(nameSize >= 40, `large type name is only ${nameSize}px`);
      assert.ok(await gallery.panel('oncall-empty').getByText('Nobody is on call in this data').isVisible());
      assert.match(await gallery.panel('oncall-error').getByRole('alert').innerText(), /503 Service Unavailable/);
    });
  });
}
