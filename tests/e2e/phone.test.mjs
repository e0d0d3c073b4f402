// On a phone, move a lever and see it (issue 20): at 390×844 the charts sit below the levers, so while a
// lever of any group is stepped or dragged, a chart that lever moves stays in view (docked at the bottom of
// the screen) and the headline says ▲/▼ how far the figures are from the reference.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, DIST, ARTIFACTS, chartImage, chartRedrawn } from './lib.mjs';

const consoleErrors = [];
before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();
const PHONE = { width: 390, height: 844 };

async function phone(query = '') {
  const context = await app.browser.newContext({ viewport: PHONE, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  trackErrors(page, consoleErrors);
  await page.goto(app.base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  return { context, page };
}

/** Where the docked chart is, whether it is drawn, and which chart it shows. */
const dock = (page) => page.evaluate(() => {
  const d = document.querySelector('[data-dock]');
  const c = d?.querySelector('canvas');
  if (!d || d.hidden || !c) return null;
  const r = c.getBoundingClientRect();
  return { chart: d.dataset.dock, top: r.top, bottom: r.bottom, height: r.height, dockTop: d.getBoundingClientRect().top };
});
/** The docked chart's image once drawn (the drawing worker draws a moment after it appears). */
const dockImage = (page) => chartRedrawn(page, '[data-dock] canvas', (png) => png.length > 3000);

// One lever of each group, and the chart it moves most visibly (vtre_charts::chart_of_lever).
const GROUPS = [
  ['steel', 'eaf_swap', 'co2'],
  ['vanadium_titanium', 'v_recovery', 'production'],
  ['rare_earth', 're_quota', 'production'],
  ['energy_power', 'energy_quota', 'energy'],
  ['prices', 'steel_price', 'output_value'],
];

test('stepping a lever of every group keeps the chart it moves in view, above nothing it covers', async () => {
  const { context, page } = await phone();
  assert.equal(await dock(page), null, 'no docked chart before a lever has moved');
  for (const [group, lever, chart] of GROUPS) {
    await page.evaluate((g) => { const d = document.querySelector(`details[data-group="${g}"]`); if (!d.open) d.open = true; }, group);
    await page.waitForSelector(`[data-lever="${lever}"]`);
    await page.$eval(`[data-lever="${lever}"]`, (e) => e.scrollIntoView({ block: 'center' }));
    await page.focus(`[data-lever="${lever}"]`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => { const d = document.querySelector('[data-dock]'); return d && !d.hidden; });
    const d = await dock(page);
    assert.ok(d, `${lever}: a chart is docked`);
    assert.equal(d.chart, chart, `${lever}: the docked chart is the one it moves`);
    assert.ok(d.top >= 0 && d.bottom <= PHONE.height && d.height >= 120, `${lever}: the chart is in view (${d.top}–${d.bottom})`);
    assert.ok((await dockImage(page)).length > 3000, `${lever}: the chart is drawn`);
    const lr = await page.$eval(`[data-lever="${lever}"]`, (e) => e.getBoundingClientRect().bottom);
    assert.ok(lr <= d.dockTop, `${lever}: the lever (bottom ${lr}) is not under the dock (top ${d.dockTop})`);
    await page.screenshot({ path: path.join(ARTIFACTS, `phone-dock-${group}.png`) });
  }
  await context.close();
});

test('dragging a slider redraws the docked chart while it moves, and the headline says how far from the reference', async () => {
  const { context, page } = await phone();
  const box = await (await page.$('[data-lever="eaf_swap"]')).boundingBox();
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  const frames = [];
  for (let i = 1; i <= 6; i++) {
    await page.mouse.move(box.x + 4 + (box.width * i) / 8, box.y + box.height / 2, { steps: 2 });
    const d = await dock(page);
    if (d) frames.push(await chartImage(page, '[data-dock] canvas'));
  }
  await page.mouse.up();
  assert.ok(frames.length >= 5, `the dock showed the chart during the drag (${frames.length} of 6 steps)`);
  assert.ok(new Set(frames).size >= 3, 'and redrew it as the value moved');
  // Drawn off the main thread, like the full charts (src/ui/state/draw.rs), and named for assistive technology.
  await page.waitForSelector('[data-dock] canvas[data-drawn-in="worker"]');
  assert.match(await page.getAttribute('[data-dock] canvas', 'aria-label'), /CO2/);
  const before = await chartImage(page, '[data-dock] canvas');
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('PageUp');
  assert.notEqual(await chartRedrawn(page, '[data-dock] canvas', before), before, 'the worker redraws the docked chart');
  const delta = await page.$eval('[data-headline="co2_2030"]', (e) => e.closest('.headline-item').querySelector('.delta'));
  void delta;
  const co2 = await page.$eval('.headline-item:has([data-headline="co2_2030"]) .delta', (e) => ({ text: e.textContent, hidden: e.hidden, d: Number(e.dataset.delta) }));
  assert.ok(!co2.hidden && co2.d < 0 && /^▼\d/.test(co2.text), `CO2 2030 below the reference: ${JSON.stringify(co2)}`);
  assert.ok(await page.$eval('.headline-item:has([data-headline="peak_year"]) .delta', (e) => e.hidden || e.textContent.length > 0));
  await page.screenshot({ path: path.join(ARTIFACTS, 'phone-drag.png') });
  // Scrolled down to the charts themselves, the dock steps aside; it can also be closed.
  await page.$eval('.charts', (e) => e.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('[data-dock]').hidden);
  await page.$eval('.levers', (e) => e.scrollIntoView());
  await page.waitForFunction(() => !document.querySelector('[data-dock]').hidden);
  await page.click('[data-action="close-dock"]');
  assert.equal(await dock(page), null);
  await context.close();
});

test('the reference shows no ▲/▼, and a desktop never docks a chart', async () => {
  const { context, page } = await phone();
  assert.deepEqual(await page.$$eval('.headline .delta', (d) => d.map((e) => e.hidden)), [true, true, true, true]);
  await context.close();
  const desk = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const p = await desk.newPage();
  await p.goto(app.base);
  await p.waitForSelector('html[data-app]');
  await p.focus('[data-lever="eaf_swap"]');
  await p.keyboard.press('ArrowRight');
  await p.waitForTimeout(300);
  assert.equal(await p.$eval('[data-dock]', (d) => getComputedStyle(d).display), 'none');
  // Nor does the hidden dock follow the levers there: the swap moves the CO2 chart, the dock stays as mounted.
  assert.equal(await p.$eval('[data-dock]', (d) => d.dataset.dock), 'output_value');
  await desk.close();
});

test('no console errors on the phone', () => {
  assert.deepEqual(consoleErrors, []);
});
