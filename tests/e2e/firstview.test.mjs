// The first view in the first HTML (issue 20): index.html carries the reference scenario's explorer view,
// pre-rendered at build time (crates/site/src/first_view.rs); the app takes it over without a layout shift,
// shows the same figures for the reference, and a link or a saved scenario that differs is never shown as
// the reader's own before the app has started.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, DIST, ARTIFACTS } from './lib.mjs';

const consoleErrors = [];
before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();
const WASM = /explorer-[0-9a-f]+_bg\.wasm/;

/** A page whose app never starts (its wasm is refused): what the first HTML alone shows. */
async function firstViewOnly(viewport, query = '', init) {
  const context = await app.browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.route(WASM, (r) => r.abort());
  await page.goto(app.base + query);
  await page.waitForSelector('#first-view');
  return { context, page };
}

async function appPage(viewport, query = '', init) {
  const context = await app.browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  trackErrors(page, consoleErrors);
  await page.goto(app.base + query);
  await page.waitForFunction(() => !document.getElementById('first-view') && document.querySelector('[data-ensemble="ready"]'));
  return { context, page };
}

/** The figures a reader reads: headline values and ranges, each card's status, value and chance. */
const figures = (page) => page.evaluate(() => ({
  headline: [...document.querySelectorAll('[data-headline]')].map((e) => [e.dataset.headline, e.dataset.value, e.dataset.p10 ?? null, e.dataset.p90 ?? null, e.textContent.trim()]),
  cards: [...document.querySelectorAll('[data-target]')].map((e) => [e.dataset.target, e.dataset.status, e.dataset.value, e.dataset.probability ?? null, e.querySelector('.probability')?.textContent ?? '']),
  related: [...document.querySelectorAll('[data-related]')].map((e) => [e.dataset.related, e.dataset.status, e.querySelector('.v')?.textContent ?? '']),
  levers: [...document.querySelectorAll('[data-lever]')].map((e) => [e.dataset.lever, e.type === 'checkbox' ? String(e.checked) : e.value]),
}));

const SPOTS = ['[data-headline="output_value_2025"]', '[data-headline="targets_met"]', '.levers', '[data-lever="eaf_swap"]',
  '[data-group="energy_power"] > summary', '.bands-bar', '[data-chart-figure="output_value"]', '[data-chart-figure="co2"]',
  '[data-chart-figure="iron_concentrate"]', '.scorecard', '[data-target="carbon_peak"]', '[data-related]', '.model-note'];
const rects = (page) => page.evaluate((spots) => Object.fromEntries(spots.map((s) => {
  const r = document.querySelector(s)?.getBoundingClientRect();
  return [s, r ? [r.x, r.y, r.width, r.height].map((v) => Math.round(v)) : null];
})), SPOTS);

test('the first HTML shows the reference explorer, with no script run but the marker', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<div class="first-view" id="first-view" inert>/);
  assert.equal((html.match(/<svg class="prerender-chart"/g) || []).length, 5, 'five charts as SVG');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script (CSP)');
  assert.ok(!/\sstyle="/.test(html), 'no inline style (CSP)');
  const { context, page } = await firstViewOnly({ width: 1440, height: 900 });
  assert.equal(await page.getAttribute('html', 'data-first-view'), 'reference');
  const f = await figures(page);
  assert.equal(f.headline.length, 4);
  assert.ok(f.cards.length >= 8 && f.levers.length >= 30);
  assert.match(await page.textContent('[data-first-view-badge]'), /参考情景/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'first-view-desktop.png') });
  await context.close();
});

test('the pre-rendered figures are the app\'s for the reference, and the takeover moves nothing', async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    const pre = await firstViewOnly(viewport);
    const before = await figures(pre.page);
    const beforeRects = await rects(pre.page);
    await pre.context.close();
    const live = await appPage(viewport);
    const after = await figures(live.page);
    assert.deepEqual(before.headline, after.headline, `${viewport.width}: headline`);
    assert.deepEqual(before.cards, after.cards, `${viewport.width}: scorecard`);
    assert.deepEqual(before.related, after.related, `${viewport.width}: other plans' targets`);
    // On a phone the app builds a closed group's levers when it is opened: every lever it has is as pre-rendered.
    const shown = new Set(after.levers.map((l) => l[0]));
    assert.ok(shown.size >= (viewport.width > 820 ? before.levers.length : 9), `${viewport.width}: ${shown.size} levers built`);
    assert.deepEqual(before.levers.filter((l) => shown.has(l[0])), after.levers, `${viewport.width}: levers`);
    const afterRects = await rects(live.page);
    for (const s of SPOTS) {
      assert.ok(beforeRects[s] && afterRects[s], `${s} is in both`);
      for (let i = 0; i < 4; i++) assert.ok(Math.abs(beforeRects[s][i] - afterRects[s][i]) <= 1, `${viewport.width}: ${s} ${beforeRects[s]} → ${afterRects[s]}`);
    }
    await live.context.close();
  }
});

test('loading and taking over shift nothing: cumulative layout shift ≤ 0.02, desktop and phone', async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page } = await appPage(viewport, '', () => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.waitForTimeout(1000);
    const cls = await page.evaluate(() => window.__cls);
    console.log(`cumulative layout shift at ${viewport.width} px: ${cls.toFixed(4)}`);
    assert.ok(cls <= 0.02, `CLS ${cls}`);
    await context.close();
  }
});

test('a shared scenario that differs is marked as the reference, loading theirs, until the app shows theirs', async () => {
  const { context, page } = await firstViewOnly({ width: 390, height: 844 }, '?s=1,eaf_swap:600');
  assert.equal(await page.getAttribute('html', 'data-first-view'), 'yours');
  const badge = await page.textContent('[data-first-view-badge]');
  assert.match(badge, /参考情景 · 正在载入您的情景/);
  assert.ok(await page.isVisible('[data-first-view-badge] .yours'));
  assert.equal(await page.$eval('[data-headline="co2_2030"]', (e) => getComputedStyle(e).opacity), '0.35', 'the reference figures are dimmed');
  await page.screenshot({ path: path.join(ARTIFACTS, 'first-view-yours-phone.png') });
  await context.close();
  // The app then shows the shared scenario's own figures, unmarked.
  const live = await appPage({ width: 390, height: 844 }, '?s=1,eaf_swap:600');
  assert.equal(await live.page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '600');
  assert.equal(await live.page.$('[data-first-view-badge]'), null);
  assert.equal(await live.page.getAttribute('html', 'data-first-view'), null);
  await live.context.close();
  // A link to the reference itself (format version only) is the reference.
  const plain = await firstViewOnly({ width: 390, height: 844 }, '?s=1');
  assert.equal(await plain.page.getAttribute('html', 'data-first-view'), 'reference');
  await plain.context.close();
});

test('a saved working scenario that differs is marked too; unreadable storage counts as differing', async () => {
  const saved = await firstViewOnly({ width: 1440, height: 900 }, '', () => {
    localStorage.setItem('vtre.working.tab1', JSON.stringify({ schema: 1, name: 'working', saved_at: 1, scenario: { grid_factor: 0.3 } }));
  });
  assert.equal(await saved.page.getAttribute('html', 'data-first-view'), 'yours');
  await saved.context.close();
  const same = await firstViewOnly({ width: 1440, height: 900 }, '', () => {
    localStorage.setItem('vtre.working.tab1', JSON.stringify({ schema: 1, name: 'working', saved_at: 1, scenario: {} }));
  });
  assert.equal(await same.page.getAttribute('html', 'data-first-view'), 'reference');
  await same.context.close();
  const broken = await firstViewOnly({ width: 1440, height: 900 }, '', () => { localStorage.setItem('vtre.working', '{not json'); });
  assert.equal(await broken.page.getAttribute('html', 'data-first-view'), 'yours');
  await broken.context.close();
  const other = await firstViewOnly({ width: 1440, height: 900 }, '?view=guideline');
  assert.equal(await other.page.getAttribute('html', 'data-first-view'), 'other');
  assert.equal(await other.page.$eval('.headline', (e) => getComputedStyle(e).visibility), 'hidden');
  await other.context.close();
});

test('no console errors in the first-view tests', () => {
  assert.deepEqual(consoleErrors, []);
});
