// End-to-end tests of the workshop features: share links, saved library, compare, undo, export, presenter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, trackErrors, ROOT, ARTIFACTS, openApp, chartsDrawn } from './lib.mjs';

const root = ROOT;
const artifacts = ARTIFACTS;
const consoleErrors = [];
const app = useApp();

const open = (query = '', context) => openApp(app, consoleErrors, { query, context, contextOptions: { acceptDownloads: true } });
const leverValue = (page, id) => page.$eval(`[data-lever="${id}"]`, (e) => e.value);

test('a tampered share link opens the nearest valid scenario with a notice, and the app stays usable', async () => {
  const { context, page } = await open('?s=1,eaf_swap:99999,bogus:1,v_recovery:abc,re_quota:47500&lang=en');
  const notice = await page.waitForSelector('[data-notice]');
  const text = await notice.textContent();
  assert.match(text, /out of range and was set to 1200/);
  assert.match(text, /Unknown lever 'bogus'/);
  assert.match(text, /not a number/);
  assert.equal(await leverValue(page, 'eaf_swap'), '1200');
  assert.equal(await leverValue(page, 're_quota'), '48000');
  await page.focus('[data-lever="re_quota"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await leverValue(page, 're_quota'), '49000', 'still usable');
  // The address now carries the clean scenario.
  await page.waitForURL(/s=1,eaf_swap:1200/);
  await context.close();
});

test('a share link round-trips and shows a QR code', async () => {
  const { context, page } = await open();
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('PageUp');
  await page.click('[data-action="share"]');
  const url = await page.$eval('[data-share-url]', (e) => e.value);
  assert.match(url, /s=1,eaf_swap:100/);
  // The analysis worker draws it (the QR encoder is not in the page's first module, issue 20).
  await page.waitForSelector('img[data-qr]');
  const qr = await page.$eval('img[data-qr]', (e) => e.getAttribute('src'));
  assert.match(qr, /^data:image\/svg\+xml/);
  assert.match(decodeURIComponent(qr), /<svg[^>]*>/);
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await leverValue(other, 'eaf_swap'), '100');
  await context.close();
});

test('two tabs share one library: saves, renames and deletes show in the other, and simultaneous saves both keep', async () => {
  const { context, page: a } = await open('?lang=en');
  const { page: b } = await open('?lang=en', context);
  for (const p of [a, b]) await p.click('[data-action="scenarios"]');
  const saved = (p) => p.$$eval('[data-saved]', (els) => els.map((e) => e.querySelector('.saved-name').textContent));
  // A saves: B lists it without a reload.
  await a.fill('[data-save-name]', 'from A');
  await a.click('[data-action="save-scenario"]');
  await b.waitForSelector('[data-saved] >> text=from A', { timeout: 5000 });
  // B renames it: A shows the new name.
  const id = await b.$eval('[data-saved]', (e) => e.getAttribute('data-saved'));
  b.once('dialog', (d) => d.accept('renamed in B'));
  await b.click(`[data-saved="${id}"] [data-action="rename"]`);
  await a.waitForSelector('[data-saved] >> text=renamed in B', { timeout: 5000 });
  // Both save at the same moment: both scenarios are kept.
  await a.fill('[data-save-name]', 'A at once');
  await b.fill('[data-save-name]', 'B at once');
  await Promise.all([a.click('[data-action="save-scenario"]'), b.click('[data-action="save-scenario"]')]);
  for (const p of [a, b]) {
    await p.waitForFunction(() => document.querySelectorAll('[data-saved]').length === 3, null, { timeout: 5000 });
    assert.deepEqual((await saved(p)).sort(), ['A at once', 'B at once', 'renamed in B'].sort());
  }
  // A deletes one: it goes from B too.
  await a.click(`[data-saved="${id}"] [data-action="delete"]`);
  await b.waitForFunction((gone) => !document.querySelector(`[data-saved="${gone}"]`), id, { timeout: 5000 });
  assert.equal((await saved(b)).length, 2);
  await context.close();
});

test('saved scenarios survive a reload, and a corrupted entry never hides the others', async () => {
  const { context, page } = await open();
  await page.focus('[data-lever="v_recovery"]');
  await page.keyboard.press('End');
  await page.click('[data-action="scenarios"]');
  await page.fill('[data-save-name]', '第一组 Group 1');
  await page.click('[data-action="save-scenario"]');
  await page.waitForSelector('[data-saved] >> text=第一组 Group 1');
  // Corrupt one entry by hand, plus a good one saved by an older release (schema 0).
  await page.evaluate(() => {
    localStorage.setItem('vtre.scenario.bad', '{"schema": 1, "name": broken');
    localStorage.setItem('vtre.scenario.old', '{"eaf_swap": 300}');
  });
  await page.waitForTimeout(400); // autosave is debounced
  await page.goto(app.base); // no ?s: the autosaved working scenario comes back
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await leverValue(page, 'v_recovery'), '70', 'working scenario autosaved');
  await page.click('[data-action="scenarios"]');
  await page.waitForSelector('[data-saved] >> text=第一组 Group 1');
  assert.ok(await page.$('[data-saved="old"]'), 'the schema-0 entry migrated and listed');
  assert.ok(await page.$('[data-quarantined="bad"]'), 'the corrupted entry is reported');
  assert.equal(await page.evaluate(() => localStorage.getItem('vtre.scenario.bad')), '{"schema": 1, "name": broken', 'kept as it was');
  await page.click('[data-saved="old"] [data-action="load-saved"]');
  assert.equal(await leverValue(page, 'eaf_swap'), '300');
  await context.close();
});

test('undo after a slider drag restores the value from before the drag in one step', async () => {
  const { context, page } = await open();
  const before = await leverValue(page, 'energy_quota');
  const slider = await page.$('[data-lever="energy_quota"]');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.5 - i * 0.04), box.y + box.height / 2);
  await page.mouse.up();
  const dragged = await leverValue(page, 'energy_quota');
  assert.notEqual(dragged, before);
  await page.keyboard.press('Control+z');
  assert.equal(await leverValue(page, 'energy_quota'), before, 'one undo undoes the whole drag');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await leverValue(page, 'energy_quota'), dragged, 'redo');
  await page.click('[data-action="undo"]');
  assert.equal(await leverValue(page, 'energy_quota'), before);
  await context.close();
});

test('comparing three scenarios draws three extra series on every chart and a diff table', async () => {
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  for (const key of ['green_low_carbon', 'resource_security', 'vanadium_battery_push']) {
    await page.click(`[data-preset="${key}"] [data-action="compare-preset"]`);
  }
  await page.waitForSelector('[data-compare]');
  const counts = await page.$$eval('[data-chart-figure]', (figs) => figs.map((f) => f.querySelectorAll('[data-series^="cmp-"]').length));
  assert.deepEqual(counts, [3, 3, 3, 3, 3]);
  const cols = await page.$$eval('[data-compare-target="carbon_peak"] td', (tds) => tds.length);
  assert.equal(cols, 4, 'current + 3 scenarios');
  assert.ok(await page.$('[data-diff-lever="eaf_swap"]'), 'the swap differs in the green scenario');
  await page.screenshot({ path: path.join(artifacts, 'compare-desktop.png'), fullPage: false });
  await context.close();
});

test('the exported CSV equals the CLI output for the same scenario', async () => {
  const { context, page } = await open('?s=1,eaf_swap:300,swap_vti_share:1,grid_factor:0.09');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  const scenarioFile = path.join(artifacts, 'exported-scenario.json');
  fs.copyFileSync(await jsonDl.path(), scenarioFile);
  const cli = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'project', '--scenario', scenarioFile], { cwd: root, encoding: 'utf8' });
  assert.equal(csv, cli);
  assert.match(csv, /^year,series,value,unit\n/);
  await context.close();
});

test('charts export as PNG and SVG; presenter mode and the print handout work', async () => {
  const { context, page } = await open();
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-figure="co2"] [data-action="export-png"]')]);
  assert.match(png.suggestedFilename(), /\.png$/);
  assert.ok(fs.statSync(await png.path()).size > 5000);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-figure="co2"] [data-action="export-svg"]')]);
  assert.match(fs.readFileSync(await svg.path(), 'utf8'), /^<svg/);
  await page.keyboard.press('p');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('presenter')));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: path.join(artifacts, 'presenter-1920.png') });
  await page.keyboard.press('Escape');
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('presenter'))));
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('End');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await chartsDrawn(page);
  // The handout is built for printing and lists the lever just changed, at its maximum.
  const handout = await page.textContent('.handout');
  assert.match(handout, /长流程转电炉（产能置换）: 1,200/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(artifacts, 'handout.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `handout is one or two pages (${pages})`);
  await context.close();
});

test('with browser storage disabled the app still works, keeps saves in memory and says so', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const { page } = await open('?lang=en', context);
  await page.waitForFunction(() => document.querySelector('canvas[data-chart="co2"]').width > 300, null, { timeout: 5000 });
  const notice = await page.textContent('[data-notice]');
  assert.match(notice, /storage is unavailable/i);
  await page.click('[data-action="scenarios"]');
  await page.fill('[data-save-name]', 'in memory');
  await page.click('[data-action="save-scenario"]');
  await page.waitForSelector('[data-saved] >> text=in memory');
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/eaf_swap:10/);
  await context.close();
});

test('the QR code follows the link it shows, and where the worker cannot start the share box says so and the link still copies', async () => {
  const { context, page } = await open('?lang=en');
  await page.click('[data-action="share"]');
  await page.waitForSelector('img[data-qr]');
  const first = await page.$eval('img[data-qr]', (e) => e.src);
  // A lever move changes the link, and so the code (never the old link's code beside the new link).
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('PageUp');
  await page.waitForFunction((old) => document.querySelector('img[data-qr]')?.src && document.querySelector('img[data-qr]').src !== old, first);
  assert.match(await page.$eval('[data-share-url]', (e) => e.value), /eaf_swap:100/);
  await context.close();

  // A page whose worker script is missing (blocked, or a broken deployment).
  const ctx2 = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  await ctx2.grantPermissions(['clipboard-read', 'clipboard-write']);
  const p2 = await ctx2.newPage();
  await p2.route((u) => new URL(u).pathname.endsWith('/') || new URL(u).pathname.endsWith('index.html'), async (route) => {
    const r = await route.fetch();
    const body = (await r.text()).replace(/(<meta name="?vtre-worker"? content=")[^"]*/, '$1missing-worker.js');
    await route.fulfill({ response: r, body });
  });
  await p2.goto(app.base + '?lang=en');
  await p2.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await p2.click('[data-action="share"]');
  const note = await p2.waitForSelector('[data-qr-unavailable]');
  assert.match(await note.textContent(), /QR code cannot be made here; copy the link/);
  assert.equal(await p2.$$eval('img[data-qr]', (i) => i.length), 0);
  await p2.click('[data-action="copy-link"]');
  assert.match(await p2.evaluate(() => navigator.clipboard.readText()), /lang=en/);
  await p2.screenshot({ path: path.join(artifacts, 'qr-unavailable-phone.png') });
  await ctx2.close();
});

test('no console errors during the workshop run', () => {
  assert.deepEqual(consoleErrors, []);
});
