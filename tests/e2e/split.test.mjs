// End-to-end tests of the two modules (issue 20, src/ui/handover.rs): the page starts with the core module
// (the explorer) and fetches the full module only when the reader asks for a part the core lacks; the full
// module then takes over without losing the reader's scenario, focus or working copy; a link to such a part
// opens the full module directly; and when it cannot be loaded the core says so and keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, DIST, ARTIFACTS } from './lib.mjs';

const consoleErrors = [];
const app = useApp();

async function open(query = '', { viewport = { width: 1440, height: 900 }, route } = {}) {
  const context = await app.browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  trackErrors(page, consoleErrors);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  if (route) await page.route('**/full-loader-*.js', route);
  await page.goto(app.base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  return { context, page, requests };
}

const co2 = (page) => page.getAttribute('[data-headline="co2_2030"]', 'data-value');
const fullFetched = (requests) => requests.filter((p) => /\/full-/.test(p));

test('the build names a full module that exists, and the service worker precaches it for offline use', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const loader = html.match(/<meta name="?vtre-full"? content="\.\/(full-loader-[0-9a-f]{16}\.js)">/);
  assert.ok(loader, 'index.html names the full module loader');
  const code = fs.readFileSync(path.join(DIST, loader[1]), 'utf8');
  const glue = code.match(/'\.\/(full-[0-9a-f]{16}\.js)'/)[1];
  const wasm = code.match(/'\.\/(full-[0-9a-f]{16}_bg\.wasm)'/)[1];
  for (const f of [glue, wasm]) assert.ok(fs.existsSync(path.join(DIST, f)), f);
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  for (const f of [loader[1], glue, wasm]) assert.ok(sw.includes(f), `sw.js precaches ${f}`);
  // The core (what index.html loads) is the smaller module.
  const core = fs.readdirSync(DIST).find((f) => /^explorer-.*_bg\.wasm$/.test(f));
  assert.ok(fs.statSync(path.join(DIST, core)).size < fs.statSync(path.join(DIST, wasm)).size * 0.9);
});

test('a phone that only explores runs the core module and never fetches the full one', async () => {
  const { context, page, requests } = await open('', { viewport: { width: 390, height: 844 } });
  assert.equal(await page.getAttribute('html', 'data-core'), '');
  const before = await co2(page);
  await page.focus('input[data-lever="eaf_swap"]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => document.querySelector('[data-headline="co2_2030"]').dataset.value !== b, before);
  await page.waitForTimeout(1000);
  assert.deepEqual(fullFetched(requests), [], 'no full module fetched by exploring');
  assert.equal(await page.getAttribute('html', 'data-core'), '', 'still the core module');
  await context.close();
});

test('asking for the scenarios panel hands over to the full module, keeping the scenario, the focus and the working copy', async () => {
  // The full module's loader is held back until released, so the reader can keep working while it loads.
  let release;
  const held = new Promise((r) => { release = r; });
  const { context, page, requests } = await open('', { route: async (route) => { await held; await route.continue(); } });
  const workers = [];
  page.on('worker', (w) => { const rec = { closed: false }; w.on('close', () => { rec.closed = true; }); workers.push(rec); });
  const tab = await page.getAttribute('html', 'data-tab');
  await page.focus('input[data-lever="eaf_swap"]');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.focus('[data-action="scenarios"]');
  await page.keyboard.press('Enter');
  const status = page.locator('.handover-status');
  await status.waitFor({ state: 'visible' });
  assert.equal(await status.getAttribute('data-handover'), 'loading');
  assert.equal(await status.textContent(), '正在载入此部分…');
  await page.screenshot({ path: path.join(ARTIFACTS, 'handover-loading.png') });
  // A move while the full module loads is kept too.
  await page.focus('input[data-lever="energy_quota"]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(300);
  const value = await co2(page);
  const s = await page.evaluate(() => new URLSearchParams(location.search).get('s'));
  assert.match(s, /eaf_swap:/);
  assert.match(s, /energy_quota:/);
  assert.equal(fullFetched(requests).length, 1, 'only the loader requested so far');
  // The core's workers (analysis and drawing) run while it does.
  await page.waitForSelector('canvas[data-chart="co2"][data-drawn-in="worker"]');
  assert.equal(workers.length, 2);
  await page.focus('[data-action="scenarios"]');
  release();
  await page.waitForSelector('html[data-app]:not([data-core])');
  await page.waitForSelector('#scenario-panel:not([hidden])');
  assert.equal(await co2(page), value, 'the same scenario');
  assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('s')), s);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'scenarios', 'focus kept');
  assert.equal(await page.locator('header.top').count(), 1);
  assert.equal(await page.locator('nav.toolbar').count(), 1);
  assert.equal(await page.getAttribute('html', 'data-tab'), tab, 'one tab, one working scenario');
  // The core stopped both its workers; the full module's charts are drawn by a drawing worker of its own
  // (once on screen: the scenarios panel is above them).
  await page.$eval('canvas[data-chart="co2"]', (c) => c.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('canvas[data-chart="co2"]')?.dataset.drawnIn === 'worker');
  assert.ok(workers[0].closed && workers[1].closed, 'the core\'s workers are stopped');
  assert.equal(workers.length, 4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  const working = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('working')));
  assert.equal(working.length, 1, `one working scenario: ${working}`);
  assert.equal(await page.locator('[data-notice]').count(), 0, 'no notice (of another unsaved scenario or else)');
  assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('open')), null, 'open= is used once');
  // The full module works: a lever moves the headline, and the analysis page opens without another load.
  await page.click('[data-view="analysis"]');
  await page.waitForSelector('[data-view="analysis"][aria-current="page"]');
  assert.equal(fullFetched(requests).filter((p) => /loader/.test(p)).length, 1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'handover-analysis.png') });
  await context.close();
});

test('a file action in the core hands over to the full module, which writes the file of the reader\'s scenario once', async () => {
  const { context, page, requests } = await open();
  assert.equal(await page.getAttribute('html', 'data-core'), '');
  await page.focus('input[data-lever="eaf_swap"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  assert.deepEqual(fullFetched(requests), [], 'nothing of the full module yet');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  assert.equal(dl.suggestedFilename(), 'vtre-scenario.json');
  const json = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(json.eaf_swap, 30, 'the scenario the reader made');
  await page.waitForSelector('html[data-app]:not([data-core])');
  assert.ok(fullFetched(requests).length >= 1, 'the full module was fetched for it');
  // open= is used once: the address drops it (debounced, as every address write).
  await page.waitForFunction(() => new URLSearchParams(location.search).get('open') === null);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'export-json', 'focus kept');
  // Now a click writes the file at once, and only once per click.
  let files = 0;
  page.on('download', () => { files += 1; });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
  assert.equal(csv.suggestedFilename(), 'vtre-projection.csv');
  await page.waitForTimeout(500);
  assert.equal(files, 1);
  await context.close();
});

test('a link to a reading page or a comparison opens the full module directly', async () => {
  for (const q of ['?view=guideline&lang=en', '?s=1,eaf_swap:300&c=1,re_quota:60000|甲|A']) {
    const { context, page, requests } = await open(q);
    await page.waitForSelector('html[data-app]:not([data-core])');
    assert.equal(fullFetched(requests).filter((p) => /loader/.test(p)).length, 1, q);
    if (q.includes('guideline')) {
      await page.waitForSelector('[data-view="guideline"][aria-current="page"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
    } else {
      await page.waitForSelector('[data-compare] [data-compared]');
      assert.match(await page.evaluate(() => location.search), /eaf_swap:300/);
    }
    await context.close();
  }
});

test('when the full module cannot be loaded the core says so in the reader\'s language and keeps working', async () => {
  const { context, page } = await open('', { route: (route) => route.abort() });
  await page.click('[data-action="embed"]');
  const status = page.locator('.handover-status');
  await page.waitForSelector('.handover-status[data-handover="failed"]');
  assert.match(await status.textContent(), /此部分无法载入.*探索器仍可照常使用/);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => /could not be loaded.*The explorer keeps working/.test(document.querySelector('.handover-status').textContent));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'handover-failed-phone.png') });
  const before = await co2(page);
  await page.focus('input[data-lever="eaf_swap"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => document.querySelector('[data-headline="co2_2030"]').dataset.value !== b, before);
  assert.equal(await page.getAttribute('html', 'data-core'), '');
  await context.close();
  // A link to a reading page: the explorer instead, with the notice.
  const second = await open('?view=model', { route: (route) => route.abort() });
  await second.page.waitForSelector('.notice.warn');
  assert.match(await second.page.locator('.notice.warn').first().textContent(), /此部分无法载入/);
  await second.context.close();
});

test('the module hand-over logs no console error', () => {
  assert.deepEqual(consoleErrors.filter((e) => !/ERR_FAILED|net::|Failed to load resource|full-loader/.test(e)), []);
});
